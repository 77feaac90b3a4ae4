"""GET /api/v1/insurer/exposure/: the insurer's exposure by buyer, country or sector (limits.exposure, the
admin's exposure page), across insureds, in the reporting currency. Underwriters only."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from core.api.fields import BoundedDateField, MoneyField
from core.replica import reading_replica
from limits.exposure import BUYER, GROUPINGS, insurer_exposure


class InsurerExposureQuerySerializer(serializers.Serializer):
    by = serializers.ChoiceField(choices=list(GROUPINGS), required=False, default=BUYER,
                                 help_text="buyer, country or sector (the NACE division, `unknown` without one).")
    on = BoundedDateField(required=False, default=None,
                          help_text="The exchange rates of this day (the latest recorded on or before it).")
    top = serializers.IntegerField(required=False, default=50, min_value=1, max_value=500,
                                   help_text="How many of the largest groups to list (the totals count them all).")


class InsurerExposureRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The buyer's id, the country's ISO code, or the NACE division.")
    label = serializers.CharField()
    country = serializers.CharField(help_text="By buyer: its country's ISO code; empty otherwise.")
    amount = MoneyField(help_text="In force, converted to the reporting currency.")
    limits = serializers.IntegerField()
    tenants = serializers.IntegerField(help_text="How many insureds hold limits on it.")
    without_rate = serializers.ListField(child=MoneyField(), source="unconverted",
                                         help_text="Amounts left out of `amount`: no exchange rate recorded.")


class InsurerExposureSerializer(serializers.Serializer):
    by = serializers.CharField()
    on = serializers.DateField()
    reporting_currency = serializers.CharField(source="currency")
    total = MoneyField(help_text="Every group, not only those listed.")
    without_rate = serializers.ListField(child=MoneyField(), source="unconverted")
    groups = serializers.IntegerField(help_text="How many groups there are in all.")
    limits = serializers.IntegerField(help_text="How many limits are in force.")
    results = InsurerExposureRowSerializer(many=True, source="rows")


@extend_schema(
    summary="The insurer's exposure by buyer, country or sector",
    description=("The decided amounts of every limit in force, all insureds, summed per group and converted to "
                 "the reporting currency with the latest rate recorded on or before `on` (today by default); "
                 "largest first, the `top` ones listed. Amounts in a currency without a rate are listed apart."),
    tags=["insurer: limits"], parameters=[InsurerExposureQuerySerializer],
    responses={200: InsurerExposureSerializer},
    examples=[OpenApiExample("By country", response_only=True, value={
        "by": "country", "on": "2026-12-01", "reporting_currency": "EUR",
        "total": {"amount": "3250000.00", "currency": "EUR"}, "without_rate": [], "groups": 2, "limits": 41,
        "results": [{"key": "IT", "label": "Italy", "country": "", "amount": {"amount": "2400000.00",
                     "currency": "EUR"}, "limits": 30, "tenants": 3, "without_rate": []}]})],
)
class InsurerExposureApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "limits.decide_limit"

    def get(self, request):
        query = InsurerExposureQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        with reading_replica():  # a report across insureds: from the replica when there is one (core.replica)
            exposure = insurer_exposure(by=data["by"], on=data["on"] or timezone.localdate(), limit=data["top"])
        return Response(InsurerExposureSerializer(exposure).data)
