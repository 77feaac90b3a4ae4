from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.fields import MoneyField
from policies.models import Policy
from policies.terms import PolicyTerms


class PolicyTermsOutputSerializer(serializers.Serializer):
    percentage_of_cover_commercial = serializers.DecimalField(max_digits=5, decimal_places=2)
    percentage_of_cover_political = serializers.DecimalField(max_digits=5, decimal_places=2)
    discretionary_limit_max = MoneyField()
    discretionary_percentage_of_cover = serializers.DecimalField(max_digits=5, decimal_places=2)
    discretionary_max_buyer_grade = serializers.IntegerField()
    max_credit_period_days = serializers.IntegerField()
    max_extension_days = serializers.IntegerField()
    overdue_notification_days = serializers.IntegerField()
    notification_deadline_from = serializers.ChoiceField(
        choices=["due_date", "max_extension_end"],
        help_text="What the overdue notification deadline counts from: the original due date, or the end of the "
                  "maximum extension period.",
    )
    waiting_period_days = serializers.IntegerField()
    claim_filing_days = serializers.IntegerField()
    claim_payment_days = serializers.IntegerField()
    reduction_notice_days = serializers.IntegerField(
        help_text="Days after the insured is notified before an insurer's reduction or withdrawal of a limit "
                  "applies to shipments (1: from the day after notice).",
    )
    non_qualifying_loss = MoneyField()
    max_liability_multiple = serializers.DecimalField(max_digits=6, decimal_places=2)
    premium_rate_percent = serializers.DecimalField(max_digits=7, decimal_places=4)
    minimum_premium = MoneyField()
    recovery_sharing = serializers.CharField()
    excluded_countries = serializers.ListField(child=serializers.CharField())
    aggregate_first_loss = MoneyField(help_text="Borne by the insured out of each period's indemnities, in the "
                                                "order claims are paid.")
    credit_limit_fee_per_request = MoneyField()
    credit_limit_fee_per_buyer_year = MoneyField()
    premium_deposit_due_days = serializers.IntegerField()
    premium_suspension_notice_days = serializers.IntegerField()
    profit_share_percent = serializers.DecimalField(max_digits=5, decimal_places=2)
    profit_share_loss_ratio_percent = serializers.DecimalField(max_digits=5, decimal_places=2)
    cancellation_notice_days = serializers.IntegerField()
    covers_related_companies = serializers.BooleanField()
    covers_private_individuals = serializers.BooleanField()
    covers_public_buyers = serializers.BooleanField()


class TermsVersionOutputSerializer(serializers.Serializer):
    effective_from = serializers.DateField(help_text="The first shipment day these terms apply to.")
    reason = serializers.CharField(help_text="Why the terms changed (empty for the terms at issue).")
    terms = PolicyTermsOutputSerializer()


class PolicyOutputSerializer(serializers.ModelSerializer):
    terms = serializers.SerializerMethodField(help_text="The terms in force today (within the period: a policy not started yet shows its first terms, an ended one its last).")
    terms_versions = serializers.SerializerMethodField(
        help_text="Every dated version of the terms, oldest first: the terms at issue, then each endorsement.")

    class Meta:
        model = Policy
        fields = ("id", "number", "status", "start_date", "end_date", "currency", "terms", "terms_versions")
        read_only_fields = fields

    @extend_schema_field(PolicyTermsOutputSerializer)
    def get_terms(self, policy):
        return PolicyTermsOutputSerializer(policy.terms_shown()).data

    @extend_schema_field(TermsVersionOutputSerializer(many=True))
    def get_terms_versions(self, policy):
        rows = [{"effective_from": v.effective_from, "reason": v.reason,
                 "terms": PolicyTerms.from_version(v, currency=policy.currency)}
                for v in policy.terms_versions_in_order]
        return TermsVersionOutputSerializer(rows, many=True).data


class LossPayeeOutputSerializer(serializers.Serializer):
    """A financing bank the indemnity is assigned to: on one buyer, or on the whole policy (`buyer` null)."""

    id = serializers.IntegerField()
    bank_name = serializers.CharField()
    iban = serializers.CharField()
    bic = serializers.CharField()
    buyer_id = serializers.IntegerField(allow_null=True, help_text="Null: every buyer without its own assignment.")
    effective_from = serializers.DateField()
    ended_on = serializers.DateField(allow_null=True, help_text="The last day it applies; null while it runs.")


class PolicyDetailOutputSerializer(PolicyOutputSerializer):
    loss_payees = LossPayeeOutputSerializer(many=True, source="loss_payees.all",
                                            help_text="Banks paid the indemnity as loss payee, newest first.")

    class Meta(PolicyOutputSerializer.Meta):
        fields = (*PolicyOutputSerializer.Meta.fields, "loss_payees")
        read_only_fields = fields
