from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from buyers.selectors import buyers_visible_to
from core.api.fields import ColumnMoneyField, CountryCodeField, MoneyField
from limits.models import CreditLimit, LimitDecision
from policies.models import Policy
from policies.selectors import policies_for_tenant


@extend_schema_field(OpenApiTypes.INT)
class TenantRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key looked up through the tenant's selector, never Model.objects."""

    def __init__(self, *, selector, **kwargs):
        self.selector = selector
        super().__init__(**kwargs)

    def get_queryset(self):
        return self.selector(tenant=self.context["request"].tenant)


class LimitRequestInputSerializer(serializers.Serializer):
    policy = TenantRelatedField(
        selector=lambda tenant: policies_for_tenant(tenant=tenant, status=Policy.Status.ACTIVE),
        help_text="Id of one of your active policies.",
    )
    buyer = TenantRelatedField(selector=lambda tenant: buyers_visible_to(tenant=tenant), help_text="Buyer id.")
    amount = MoneyField(positive=True)
    terms_days = serializers.IntegerField(min_value=1, max_value=3650, help_text="Payment terms in days.")
    reference = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")


class LimitEditInputSerializer(serializers.Serializer):
    amount = MoneyField(positive=True, required=False)
    terms_days = serializers.IntegerField(min_value=1, max_value=3650, required=False)
    reference = serializers.CharField(max_length=60, required=False, allow_blank=True)


class CoverQuerySerializer(serializers.Serializer):
    on = serializers.DateField(help_text="Shipment date.")


class LimitDecisionOutputSerializer(serializers.ModelSerializer):
    amount = ColumnMoneyField(column="amount")
    reasons = serializers.ListField(source="reason_labels", child=serializers.CharField(), read_only=True)

    class Meta:
        model = LimitDecision
        fields = ("id", "kind", "amount", "effective_date", "reason_codes", "reasons", "note", "conditions",
                  "automatic", "created_at")


class BuyerSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    legal_name = serializers.CharField()
    country = CountryCodeField()
    registration_number = serializers.CharField()
    grade = serializers.IntegerField(allow_null=True)


class LimitOutputSerializer(serializers.ModelSerializer):
    policy = serializers.CharField(source="policy.number")
    policy_id = serializers.IntegerField()
    buyer = BuyerSummarySerializer()
    requested = MoneyField()
    in_force = MoneyField(source="in_force_amount")

    class Meta:
        model = CreditLimit
        fields = ("id", "reference", "state", "policy", "policy_id", "buyer", "requested", "requested_terms_days",
                  "in_force", "decided_terms_days", "conditions", "is_discretionary", "under_review",
                  "review_date", "expiry_date", "decided_at", "created_at")


class LimitDetailOutputSerializer(LimitOutputSerializer):
    decisions = LimitDecisionOutputSerializer(many=True)

    class Meta(LimitOutputSerializer.Meta):
        fields = (*LimitOutputSerializer.Meta.fields, "decisions")


class CoverOutputSerializer(serializers.Serializer):
    on = serializers.DateField()
    amount = MoneyField()
    percentage_of_cover = serializers.DecimalField(max_digits=5, decimal_places=2)
    is_discretionary = serializers.BooleanField()
    stopped = serializers.BooleanField()
