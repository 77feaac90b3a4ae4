"""Overdues in the API: input serializers parse, output serializers answer; rules are in claims.overdues.services."""

from datetime import date

from django.utils.translation import gettext as _
from rest_framework import serializers

from buyers.selectors import buyers_visible_to
from claims.claims.api.serializers import NamedChoiceField
from claims.overdues.models import Overdue
from claims.overdues.selectors import draft_deadlines
from claims.overdues.services import InvoiceLine
from core.api.fields import BoundedDateField, ColumnMoneyField, MoneyField
from limits.api.serializers import BuyerSummarySerializer, TenantRelatedField
from policies.selectors import policies_in_force_or_run_off

MAX_INVOICES = 500

# --- Input -------------------------------------------------------------------


class InvoiceInputSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=60, help_text="Your invoice number, unique within the overdue.")
    invoice_date = BoundedDateField()
    shipment_date = BoundedDateField()
    due_date = BoundedDateField(help_text="The original due date (payment terms), not an extension.")
    # Positive, at most the amount, due after issue: claims.overdues.services checks the rules (check_invoice_lines).
    amount = MoneyField(help_text="Invoice amount, in the policy's currency.")
    outstanding = MoneyField(help_text="What the buyer still owes on it.")

    def validate(self, attrs):
        if attrs["amount"].currency != attrs["outstanding"].currency:
            raise serializers.ValidationError(
                {"outstanding": [_("Give the outstanding amount in the invoice's currency.")]}
            )
        return attrs


def invoice_lines(validated: list[dict], currency: str) -> list[InvoiceLine]:
    """The service's lines from validated invoices; amounts must be in `currency` (the policy's)."""
    wrong = {
        str(index): {"amount": [_("Use the policy's currency (%(currency)s).") % {"currency": currency}]}
        for index, item in enumerate(validated)
        if item["amount"].currency.code != currency
    }
    if wrong:
        # Keyed by position, like the serializer's own errors on nested invoices.
        raise serializers.ValidationError({"invoices": wrong})
    return [
        InvoiceLine(number=item["number"], invoice_date=item["invoice_date"], shipment_date=item["shipment_date"],
                    due_date=item["due_date"], amount=item["amount"].amount, outstanding=item["outstanding"].amount)
        for item in validated
    ]


class OverdueCreateInputSerializer(serializers.Serializer):
    policy = TenantRelatedField(
        selector=lambda tenant: policies_in_force_or_run_off(tenant=tenant),
        help_text="Id of one of your policies in force, or ended with shipments in run-off.",
    )
    buyer = TenantRelatedField(selector=lambda tenant: buyers_visible_to(tenant=tenant), help_text="Buyer id.")
    reference = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    invoices = InvoiceInputSerializer(many=True, allow_empty=False, max_length=MAX_INVOICES)
    draft = serializers.BooleanField(
        required=False, default=False,
        help_text=("Save as a draft: the invoices are watched, not notified to the insurer (no cover stop, nothing "
                   "late) until you POST to `/overdues/{id}/notify/`."),
    )


class AddInvoicesInputSerializer(serializers.Serializer):
    invoices = InvoiceInputSerializer(many=True, allow_empty=False, max_length=MAX_INVOICES)


class PaymentInputSerializer(serializers.Serializer):
    amount = MoneyField(positive=True, help_text="In the overdue's currency.")
    received_on = BoundedDateField()
    designated_invoice = serializers.IntegerField(
        required=False, allow_null=True, default=None,
        help_text="Id of the invoice the buyer designated; without it the oldest unpaid invoice is paid first.",
    )

    def validate(self, attrs):
        overdue = self.context["overdue"]
        if attrs["amount"].currency.code != overdue.currency:
            raise serializers.ValidationError(
                {"amount": [_("Use the policy's currency (%(currency)s).") % {"currency": overdue.currency}]}
            )
        invoice_id = attrs["designated_invoice"]
        if invoice_id is not None:
            # Looked up among this overdue's invoices only: another's id is simply unknown.
            invoice = next((inv for inv in overdue.invoices.all() if inv.pk == invoice_id), None)
            if invoice is None:
                raise serializers.ValidationError({"designated_invoice": [_("This invoice is not part of the overdue.")]})
            attrs["designated_invoice"] = invoice
        return attrs


# --- Output ------------------------------------------------------------------


class DeadlinesOutputSerializer(serializers.Serializer):
    due_date = BoundedDateField(help_text="The due date the deadlines hang off (an extension only if it counts).")
    max_extension_end = BoundedDateField(help_text="Last day the buyer may pay late before shipments stop being covered.")
    notification_deadline = BoundedDateField(help_text="Last day to notify the overdue in time.")
    waiting_period_end = BoundedDateField(help_text="First day a protracted-default claim may be filed.")
    claim_filing_deadline = BoundedDateField(help_text="Last day to file a claim.")




class InvoiceOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="invoice.pk")
    number = serializers.CharField(source="invoice.number")
    invoice_date = BoundedDateField(source="invoice.invoice_date")
    shipment_date = BoundedDateField(source="invoice.shipment_date")
    due_date = BoundedDateField(source="invoice.due_date", help_text="The original due date.")
    extended_due_date = BoundedDateField(source="invoice.extended_due_date", allow_null=True)
    extension_consented = serializers.BooleanField(source="invoice.extension_consented")
    extension_pending_consent = serializers.BooleanField(
        help_text="An extension beyond the maximum is recorded but does not move the deadlines until the insurer consents."
    )
    amount = ColumnMoneyField(column="amount", source="invoice")
    outstanding = ColumnMoneyField(column="outstanding", source="invoice")
    notified_late = serializers.BooleanField(source="invoice.notified_late")
    lateness_waived = serializers.BooleanField(source="invoice.lateness_waived")
    deadlines = DeadlinesOutputSerializer()


class AllocationOutputSerializer(serializers.Serializer):
    invoice = serializers.IntegerField(source="invoice_id")
    invoice_number = serializers.CharField(source="invoice.number")
    amount = ColumnMoneyField(column="amount")


class PaymentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    received_on = BoundedDateField()
    amount = ColumnMoneyField(column="amount")
    designated_invoice = serializers.IntegerField(source="designated_invoice_id", allow_null=True)
    allocations = AllocationOutputSerializer(many=True)


class OverdueOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    # A named component: "state" already names the limits' enum in the schema.
    state = NamedChoiceField(enum_name="OverdueStateEnum", choices=Overdue.State.choices)
    policy = serializers.CharField(source="policy.number")
    policy_id = serializers.IntegerField()
    buyer = BuyerSummarySerializer()
    currency = serializers.CharField()
    notified_on = BoundedDateField(allow_null=True, help_text="Null while a draft: not notified yet.")
    notification_deadline = serializers.SerializerMethodField(
        help_text=("A draft's last day to notify in time (oldest unpaid invoice); null once notified or if "
                   "nothing is unpaid.")
    )
    cleared_on = BoundedDateField(allow_null=True)
    total_outstanding = ColumnMoneyField(column="total_outstanding")
    invoice_count = serializers.SerializerMethodField()
    late_invoices = serializers.IntegerField(help_text="Invoices notified late and not waived: not covered.")
    created_at = serializers.DateTimeField()

    def get_invoice_count(self, obj) -> int:
        return len(obj.invoices.all())  # prefetched

    def get_notification_deadline(self, obj) -> date | None:
        deadlines = draft_deadlines(obj)  # from the prefetched invoices
        return deadlines.notification_deadline if deadlines else None


class OverdueDetailOutputSerializer(OverdueOutputSerializer):
    invoices = InvoiceOutputSerializer(source="invoice_rows", many=True)
    payments = PaymentOutputSerializer(many=True, source="payments.all")
