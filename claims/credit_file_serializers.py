"""The API's shape of the credit file's overdues, claims and payment-behaviour sections (claims.credit_file)."""

from rest_framework import serializers

from buyers.credit_file.registry import capped_list_serializer
from core.api.fields import ColumnMoneyField, MoneyField


class UtilisationSerializer(serializers.Serializer):
    policy = serializers.CharField()
    limit = MoneyField(allow_null=True, help_text="The limit in force; null when none is.")
    outstanding = MoneyField(help_text="Unpaid invoices listed in your draft and open overdues.")
    share_used = serializers.DecimalField(max_digits=20, decimal_places=3, allow_null=True,
                                          help_text="Outstanding over the limit: 1.000 is the limit used in full.")


class OverdueSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    policy = serializers.CharField(source="policy.number")
    state = serializers.CharField()
    notified_on = serializers.DateField(allow_null=True)
    cleared_on = serializers.DateField(allow_null=True)
    invoice_count = serializers.IntegerField()
    unpaid = ColumnMoneyField(column="unpaid")


class InsurerOverdueSerializer(OverdueSerializer):
    tenant = serializers.CharField(source="tenant.legal_name")


class ClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    cause = serializers.CharField()
    state = serializers.CharField()
    filed_on = serializers.DateField(allow_null=True)
    date_of_loss = serializers.DateField()
    paid_amount = ColumnMoneyField(column="paid_amount")
    paid_on = serializers.DateField(allow_null=True)


class InsurerClaimSerializer(ClaimSerializer):
    tenant = serializers.CharField(source="tenant.legal_name")


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    claim = serializers.IntegerField(source="claim_id")
    kind = serializers.CharField()
    original_name = serializers.CharField()
    uploaded_at = serializers.DateTimeField()


class FiguresSerializer(serializers.Serializer):
    paid_invoices = serializers.IntegerField()
    paid_late = serializers.IntegerField()
    share_paid_late = serializers.DecimalField(max_digits=4, decimal_places=3)
    days_beyond_terms_avg = serializers.DecimalField(
        max_digits=7, decimal_places=1, allow_null=True,
        help_text="Weighted by amount; null when no amount could be converted to the reporting currency.")
    recent_days_avg = serializers.DecimalField(max_digits=7, decimal_places=1, allow_null=True,
                                               help_text="Invoices paid in the last 6 months.")
    previous_days_avg = serializers.DecimalField(max_digits=7, decimal_places=1, allow_null=True,
                                                 help_text="Invoices paid in the 6 months before.")


class PaidInvoiceSerializer(serializers.Serializer):
    number = serializers.CharField()
    amount = ColumnMoneyField(column="amount")
    due_date = serializers.DateField(source="terms_end", help_text="The due date, extended with consent.")
    paid_on = serializers.DateField()
    days_beyond_terms = serializers.IntegerField()


class PaymentBehaviourSerializer(serializers.Serializer):
    figures = FiguresSerializer(allow_null=True, help_text="Null before any invoice of yours on it was paid.")
    invoices = capped_list_serializer(PaidInvoiceSerializer)()


class ClaimsSectionSerializer(serializers.Serializer):
    utilisation = UtilisationSerializer(many=True)
    overdues = capped_list_serializer(OverdueSerializer)()
    claims = capped_list_serializer(ClaimSerializer)(allow_null=True, help_text="Null for a user who may not see claims.")
    documents = capped_list_serializer(DocumentSerializer)(allow_null=True, help_text="The claims' documents; null as claims.")
    payment_behaviour = PaymentBehaviourSerializer()


class InsurerClaimsSectionSerializer(serializers.Serializer):
    open_overdues = serializers.IntegerField()
    insureds_with_overdues = serializers.IntegerField(help_text="Insureds that notified an overdue in 12 months.")
    overdues = capped_list_serializer(InsurerOverdueSerializer)()
    claims = capped_list_serializer(InsurerClaimSerializer)()
