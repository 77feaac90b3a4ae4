from rest_framework import serializers

from core.api.fields import MoneyField
from policies.models import Policy


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


class PolicyOutputSerializer(serializers.ModelSerializer):
    terms = PolicyTermsOutputSerializer(read_only=True)

    class Meta:
        model = Policy
        fields = ("id", "number", "status", "start_date", "end_date", "currency", "terms")
        read_only_fields = fields
