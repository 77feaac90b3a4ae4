from rest_framework import serializers

from buyers.selectors import buyers_visible_to
from core.api.fields import (
    BoundedDateField,
    ColumnMoneyField,
    CountryCodeField,
    MoneyField,
    TenantRelatedField,
)
from core.api.representation import FastRepresentationMixin
from limits.models import CreditLimit, LimitDecision
from limits.scorecard.reasons import edifact_response
from policies.models import Policy
from policies.selectors import policies_for_tenant


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
    on = BoundedDateField(help_text="Shipment date.")


class LimitDecisionOutputSerializer(FastRepresentationMixin, serializers.ModelSerializer):
    amount = ColumnMoneyField(column="amount")
    reasons = serializers.ListField(source="reason_labels", child=serializers.CharField(), read_only=True)
    response_category = serializers.SerializerMethodField(
        help_text="The UN/EDIFACT credit-risk response category: approved, not_approved, conditional, "
                  "partly_approved, still_investigating, reduction or cancellation.")
    scorecard_version = serializers.SerializerMethodField(help_text="The scorecard version that decided or "
                                                                    "suggested it; null without one.")

    class Meta:
        model = LimitDecision
        fields = ("id", "kind", "amount", "effective_date", "reason_codes", "reasons", "note", "conditions",
                  "automatic", "response_category", "scorecard_version", "created_at")

    def get_response_category(self, obj) -> str:
        return edifact_response(obj.kind)

    def get_scorecard_version(self, obj) -> int | None:
        # From the recorded result, not the foreign key: no query per decision in a list.
        return (obj.scorecard_result or {}).get("version")


class BuyerSummarySerializer(FastRepresentationMixin, serializers.Serializer):
    id = serializers.IntegerField()
    legal_name = serializers.CharField()
    country = CountryCodeField()
    registration_number = serializers.CharField()
    grade = serializers.IntegerField(allow_null=True)


class LimitOutputSerializer(FastRepresentationMixin, serializers.ModelSerializer):
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
    on = BoundedDateField()
    amount = MoneyField()
    percentage_of_cover = serializers.DecimalField(max_digits=5, decimal_places=2)
    is_discretionary = serializers.BooleanField()
    stopped = serializers.BooleanField()
