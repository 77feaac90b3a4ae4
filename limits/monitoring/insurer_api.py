"""`GET /api/v1/insurer/buyers-to-review/`: the underwriters' buyers with recent alerts, largest exposure at
risk first (keyset with ?cursor=). The underwriter role; thin over limits.monitoring.selectors."""

from django.conf import settings
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from moneyed import Money
from rest_framework import generics, serializers

from accounts.permissions import IsInsurerStaff
from buyers.models import Buyer
from core.api.fields import MONEY_SCHEMA, MoneyField
from limits.monitoring.selectors import review_queue


class BuyerToReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    legal_name = serializers.CharField()
    country = serializers.CharField(source="country.code")
    grade = serializers.IntegerField(allow_null=True)
    exposure_at_risk = serializers.SerializerMethodField(help_text=(
        "The insurer's limits in force on the buyer, all insureds, in the reporting currency."))
    recent_alerts = serializers.IntegerField(help_text="Alerts raised on it in the last 30 days, all insureds.")
    insureds_alerted = serializers.IntegerField()
    latest_alert_on = serializers.DateField()

    @extend_schema_field(MONEY_SCHEMA)
    def get_exposure_at_risk(self, buyer):
        return MoneyField().to_representation(Money(buyer.exposure_at_risk, settings.REPORTING_CURRENCY))


@extend_schema_view(get=extend_schema(
    summary="Buyers to review, largest exposure at risk first",
    description=("Buyers on which the early-warning job raised alerts in the last 30 days (a downgrade, an overdue, "
                 "a limit nearly used up, worsening payment, a limit expiring or under review), across insureds, "
                 "ordered by the insurer's exposure on them. `?cursor=` walks it by keyset."),
    tags=["insurer: limits"],
))
class BuyersToReviewApi(generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "limits.decide_limit"
    serializer_class = BuyerToReviewSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Buyer.objects.none()
        return review_queue()
