"""GET /api/v1/exposure/: the insured's own exposure per buyer or country (limits.tenant_exposure), paginated."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.fields import MoneyField
from core.api.pagination import PageNumberPagination
from core.replica import reading_replica
from limits.exposure import BUYER, COUNTRY
from limits.tenant_exposure import tenant_exposure_report


class ExposureQuerySerializer(serializers.Serializer):
    by = serializers.ChoiceField(choices=[BUYER, COUNTRY], required=False, default=BUYER)
    on = serializers.DateField(required=False, default=None,
                               help_text="The exchange rates of this day (the latest recorded on or before it).")


class ExposureRowSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, source="buyer_id",
                                  help_text="The buyer's id (`by=buyer`); null by country.")
    label = serializers.CharField(help_text="The buyer's legal name, or the country's name.")
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code of the buyer's country.")
    limits = serializers.IntegerField(help_text="Your limits in force on it.")
    in_policy_currency = serializers.ListField(
        child=MoneyField(), help_text="The amount in force in each of your policies' currencies (never added up).")
    in_reporting_currency = MoneyField(help_text="Converted to the insurer's reporting currency.")
    without_rate = serializers.ListField(
        child=MoneyField(), help_text="Amounts left out of `in_reporting_currency`: no exchange rate recorded.")


class ExposurePageSerializer(serializers.Serializer):
    """The page of rows with the totals of every row (not only this page's)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    by = serializers.CharField()
    on = serializers.DateField()
    reporting_currency = serializers.CharField()
    totals_in_policy_currency = serializers.ListField(child=MoneyField())
    total_in_reporting_currency = MoneyField()
    without_rate = serializers.ListField(child=MoneyField())
    results = ExposureRowSerializer(many=True)


class _Row:
    """A report row as the row serializer reads it (the buyer's id only when grouped by buyer)."""

    def __init__(self, row, by):
        self.__dict__.update(row.__dict__)
        self.buyer_id = row.key if by == BUYER else None


@extend_schema(
    summary="Your exposure by buyer or by country",
    description=("The decided amounts of your limits in force, summed per buyer (or buyer country), in each of "
                 "your policies' currencies and converted to the insurer's reporting currency with the latest "
                 "recorded exchange rate on or before `on` (today by default). Largest first; totals cover every "
                 "row, not only the page."),
    tags=["limits"],
    parameters=[ExposureQuerySerializer, OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
    responses={200: ExposurePageSerializer},
)
class TenantExposureApi(APIView):
    required_permission = "limits.view_creditlimit"
    pagination_class = PageNumberPagination

    def get(self, request):
        query = ExposureQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        by, on = query.validated_data["by"], query.validated_data["on"] or timezone.localdate()
        with reading_replica():  # a report: from the replica when there is one (core.replica)
            report = tenant_exposure_report(tenant=request.tenant, by=by, on=on)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(report.rows, request, view=self)
        return Response(ExposurePageSerializer({
            "count": paginator.page.paginator.count, "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(), "by": by, "on": on,
            "reporting_currency": report.reporting_currency,
            "totals_in_policy_currency": report.totals_in_policy_currency,
            "total_in_reporting_currency": report.total_in_reporting_currency,
            "without_rate": report.without_rate, "results": [_Row(row, by) for row in page],
        }).data)
