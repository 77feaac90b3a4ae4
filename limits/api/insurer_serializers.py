"""Underwriters' limit decisions in the insurer API: input serializers parse, output serializers answer.

The output reuses the insured's limit serializers (same fields, same enums) and adds whose limit it is, its
age in the queue and the scorecard's suggestion. Rules are in limits.services.
"""

from decimal import Decimal

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from moneyed import Money
from rest_framework import serializers

from core.api.fields import BoundedDateField, MoneyField
from core.money import quantize_money
from limits.api.serializers import LimitDetailOutputSerializer, LimitOutputSerializer
from limits.models import AutoDecisionRule, LimitDecision, ReasonCode
from limits.scorecard.reasons import edifact_response

Kind = LimitDecision.Kind
DECISION_KINDS = [Kind.APPROVED, Kind.PARTIALLY_APPROVED, Kind.APPROVED_WITH_CONDITIONS, Kind.REFUSED]


def _reason_codes(help_text):
    return serializers.ListField(child=serializers.ChoiceField(choices=ReasonCode.choices), required=False,
                                 default=list, max_length=len(ReasonCode.choices), help_text=help_text)


def _text(help_text, max_length=4000):
    return serializers.CharField(max_length=max_length, required=False, allow_blank=True, default="",
                                 help_text=help_text)


# --- Input -------------------------------------------------------------------


class InsurerDecideInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in DECISION_KINDS])
    amount = MoneyField(required=False, allow_null=True, default=None,
                        help_text="Partial approvals and approvals with conditions: the amount granted, in the "
                                  "policy's currency. Ignored otherwise (approved: the amount requested).")
    terms_days = serializers.IntegerField(min_value=1, max_value=3650, required=False, allow_null=True, default=None,
                                          help_text="Payment terms allowed; the terms requested if omitted.")
    conditions = _text("The conditions of an approval with conditions (required for that kind).")
    reason_codes = _reason_codes("Required for a partial approval and a refusal.")
    note = _text("The explanation the insured reads.")
    effective_date = BoundedDateField(required=False, allow_null=True, default=None, help_text="Today if omitted.")
    expiry_date = BoundedDateField(required=False, allow_null=True, default=None)
    review_date = BoundedDateField(required=False, allow_null=True, default=None,
                                   help_text="Not after the expiry date.")


class _AfterNoticeInput(serializers.Serializer):
    reason_codes = _reason_codes("At least one: the insured reads why.")
    note = _text("The explanation the insured reads.")
    notified_on = BoundedDateField(required=False, allow_null=True, default=None,
                                   help_text="The day the insured is notified; today if omitted.")
    effective_date = BoundedDateField(
        required=False, allow_null=True, default=None,
        help_text="Shipments from this day on; the earliest the policy's notice allows (`reduction_notice_days` "
                  "after `notified_on`) if omitted, and never earlier.")


class InsurerReduceInputSerializer(_AfterNoticeInput):
    amount = MoneyField(positive=True, help_text="The new amount: above zero, below the amount in force, in the "
                                                 "policy's currency.")


class InsurerWithdrawInputSerializer(_AfterNoticeInput):
    pass


class InsurerClearReviewInputSerializer(serializers.Serializer):
    review_date = BoundedDateField(required=False, allow_null=True, default=None,
                                   help_text="The next review date; none if omitted.")


class AutoDecisionRuleInputSerializer(serializers.Serializer):
    min_grade = serializers.IntegerField(min_value=1, max_value=10)
    max_grade = serializers.IntegerField(min_value=1, max_value=10)
    max_amount = MoneyField(help_text="The largest amount approved at once for these grades (0: refer them all); "
                                      "converted to the policy's currency with the recorded rates.")
    is_active = serializers.BooleanField(required=False, default=True)


# --- Output ------------------------------------------------------------------


class SuggestionOutputSerializer(serializers.Serializer):
    """The scorecard's answer on a referred request (limits.scorecard)."""

    scorecard_version = serializers.IntegerField()
    decision = serializers.CharField(help_text="approved, partial, conditional, refused or referred.")
    response_category = serializers.CharField(help_text="The UN/EDIFACT category of the suggested decision.")
    score = serializers.IntegerField(help_text="Higher is riskier.")
    amount = MoneyField(help_text="The amount the scorecard would grant, in the scorecard's currency.")
    terms_days = serializers.IntegerField()
    reason_codes = serializers.ListField(child=serializers.CharField())
    scored_at = serializers.DateTimeField(allow_null=True, help_text="When the suggestion was made.")


def suggestion_payload(result: dict | None, scored_at=None) -> dict | None:
    """A recorded scorecard result (LimitDecision.scorecard_result) as the API shows it; None without one."""
    if not result or "version" not in result:
        return None
    decision = result.get("decision", "")
    kind = {"approved": Kind.APPROVED, "partial": Kind.PARTIALLY_APPROVED,
            "conditional": Kind.APPROVED_WITH_CONDITIONS, "refused": Kind.REFUSED}.get(decision, Kind.REFERRED)
    currency = result.get("currency") or "EUR"
    return {
        "scorecard_version": result["version"], "decision": decision, "response_category": edifact_response(kind),
        "score": result.get("score", 0),
        "amount": quantize_money(Money(Decimal(str(result.get("decided_amount") or 0)), currency)),
        "terms_days": result.get("terms_days") or 0, "reason_codes": list(result.get("reason_codes") or ()),
        "scored_at": scored_at,
    }


class InsurerLimitOutputSerializer(LimitOutputSerializer):
    """A limit of any insured, with its age."""

    tenant_id = serializers.IntegerField()
    tenant = serializers.CharField(source="tenant.legal_name", help_text="The insured's legal name.")
    age_days = serializers.SerializerMethodField(help_text="Whole days since the request was made.")

    class Meta(LimitOutputSerializer.Meta):
        fields = (*LimitOutputSerializer.Meta.fields, "tenant_id", "tenant", "age_days")

    def get_age_days(self, limit) -> int:
        return (timezone.localdate() - timezone.localdate(limit.created_at)).days


class QueueRowOutputSerializer(InsurerLimitOutputSerializer):
    """A row of the underwriting queue."""

    suggestion = serializers.SerializerMethodField(
        help_text="What the scorecard suggested when the request was referred; null on a policy without one.")

    class Meta(InsurerLimitOutputSerializer.Meta):
        fields = (*InsurerLimitOutputSerializer.Meta.fields, "suggestion")

    @extend_schema_field(SuggestionOutputSerializer(allow_null=True))
    def get_suggestion(self, limit):
        payload = suggestion_payload(getattr(limit, "referral_result", None), getattr(limit, "referred_at", None))
        return SuggestionOutputSerializer(payload).data if payload else None


class FactorOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    value = serializers.CharField()
    points = serializers.IntegerField()
    reason_code = serializers.CharField()


class LiveSuggestionOutputSerializer(SuggestionOutputSerializer):
    """The scorecard's answer now, with every factor's points, as the admin's decision screen shows it."""

    amount_in_policy_currency = MoneyField(help_text="The amount it would grant, in the policy's currency.")
    factors = FactorOutputSerializer(many=True)


class InsurerLimitDetailOutputSerializer(LimitDetailOutputSerializer, InsurerLimitOutputSerializer):
    """What the admin's decision screen shows: the limit and its decisions, whose it is, the exposure on the
    buyer and its country, and (pending) the scorecard's live suggestion."""

    buyer_exposure = MoneyField(help_text="The insurer's exposure on the buyer, all insureds, reporting currency.")
    country_exposure = MoneyField(help_text="The insurer's exposure on the buyer's country, reporting currency.")
    suggestion = LiveSuggestionOutputSerializer(allow_null=True, help_text="Pending requests on a policy a "
                                                                           "scorecard covers; null otherwise.")

    class Meta(LimitDetailOutputSerializer.Meta):
        fields = (*LimitDetailOutputSerializer.Meta.fields, "tenant_id", "tenant", "age_days", "buyer_exposure",
                  "country_exposure", "suggestion")


class AutoDecisionRuleOutputSerializer(serializers.ModelSerializer):
    max_amount = serializers.SerializerMethodField()

    class Meta:
        model = AutoDecisionRule
        fields = ("id", "min_grade", "max_grade", "max_amount", "is_active")

    @extend_schema_field(MoneyField())
    def get_max_amount(self, rule):
        return MoneyField().to_representation(Money(rule.max_amount, rule.currency))
