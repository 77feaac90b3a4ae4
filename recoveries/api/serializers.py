"""Recoveries in the API: input serializers parse, output serializers answer; rules are in recoveries.services."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from claims.claims.api.serializers import NamedChoiceField
from core.api.fields import BoundedDateField, ColumnMoneyField, MoneyField
from policies.models import Policy
from recoveries.models import CollectionCase, Recovery
from recoveries.statement import ledger_totals

# "status", "source" and "kind" already name other choice sets in the schema: named components avoid collisions.


def _source_field(**kwargs):
    return NamedChoiceField(enum_name="RecoverySourceEnum", choices=Recovery.Source.choices, **kwargs)


def _phase_field(**kwargs):
    return NamedChoiceField(enum_name="RecoveryPhaseEnum", choices=Recovery.Phase.choices, **kwargs)


def _collection_status_field(**kwargs):
    return NamedChoiceField(enum_name="CollectionStatusEnum", choices=CollectionCase.Status.choices, **kwargs)


LEDGER_LINE_KINDS = [("recovery", "Recovery"), ("cost", "Collection cost"), ("settlement", "Settlement")]
HOLDERS = [("insurer", "The insurer holds the money"), ("insured", "The insured holds the money")]


# --- Input -------------------------------------------------------------------


class DirectReceiptInputSerializer(serializers.Serializer):
    amount = MoneyField(positive=True, help_text="In the claim's currency.")
    received_on = BoundedDateField(help_text="When the buyer's money reached you; not in the future.")
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

    def validate_amount(self, value):
        # The column holds 14 digits before the point (core.amounts): a larger amount is refused here, not by the database.
        if value.amount >= Decimal("1e14"):
            raise serializers.ValidationError(_("The amount is too large."))
        return value


# --- Output ------------------------------------------------------------------


class RecoveryOutputSerializer(serializers.ModelSerializer):
    amount = ColumnMoneyField(column="amount")
    source = _source_field()
    phase = _phase_field(help_text="`before_payment`: it reduced the covered loss; `after_payment`: it is shared.")
    claim_id = serializers.IntegerField()

    class Meta:
        model = Recovery
        fields = ("id", "claim_id", "received_on", "amount", "source", "phase", "note", "created_at")


class LedgerLineOutputSerializer(serializers.Serializer):
    on = BoundedDateField()
    kind = NamedChoiceField(enum_name="LedgerLineKindEnum", choices=LEDGER_LINE_KINDS)
    label = serializers.CharField()
    amount = MoneyField()
    held_by = NamedChoiceField(enum_name="LedgerHolderEnum", choices=HOLDERS)
    reduced_loss = serializers.BooleanField(help_text="A recovery before payment: it reduced the loss, not shared.")
    insurer_share_to_date = MoneyField(allow_null=True, help_text="Cumulative, after this line (shared lines only).")
    insured_share_to_date = MoneyField(allow_null=True, help_text="Cumulative, after this line (shared lines only).")


class LedgerTotalsOutputSerializer(serializers.Serializer):
    indemnity_paid = MoneyField()
    recovered_before_payment = MoneyField()
    recovered_by_insurer = MoneyField()
    received_by_insured = MoneyField()
    collection_costs = MoneyField()
    net_recovery = MoneyField()
    insurer_share = MoneyField(help_text="What the insurer keeps of the net recovery.")
    insured_share = MoneyField(help_text="What the insured gets back of the net recovery.")
    insurer_net_cost = MoneyField(help_text="Indemnity paid minus the insurer's share.")
    settled_to_insurer = MoneyField()
    settled_to_insured = MoneyField()
    insured_owes_insurer = MoneyField()
    insurer_owes_insured = MoneyField()


class CollectionCaseOutputSerializer(serializers.ModelSerializer):
    overdue_id = serializers.IntegerField()
    claim_id = serializers.IntegerField(allow_null=True)
    buyer = serializers.CharField(source="overdue.buyer.legal_name")
    status = _collection_status_field()

    class Meta:
        model = CollectionCase
        fields = ("id", "overdue_id", "claim_id", "buyer", "agency", "status", "status_note", "opened_on",
                  "closed_on", "updated_at")


class RecoveryLedgerOutputSerializer(serializers.Serializer):
    claim_id = serializers.IntegerField()
    currency = serializers.CharField()
    rule = NamedChoiceField(enum_name="RecoverySharingRuleEnum",
                            choices=Policy.RecoverySharing.choices)
    percentage_of_cover = serializers.DecimalField(max_digits=7, decimal_places=4)
    lines = LedgerLineOutputSerializer(many=True)
    totals = LedgerTotalsOutputSerializer()
    collection_cases = CollectionCaseOutputSerializer(many=True)


def ledger_payload(statement) -> dict:
    """The statement as plain values for RecoveryLedgerOutputSerializer."""
    ledger = statement.ledger
    return {
        "claim_id": statement.claim.pk, "currency": ledger.currency, "rule": ledger.rule,
        "percentage_of_cover": ledger.percentage_of_cover,
        "lines": [{
            "on": line.on, "kind": line.kind, "label": line.label, "amount": line.amount, "held_by": line.held_by,
            "reduced_loss": line.kind == "recovery" and not line.shared,
            "insurer_share_to_date": line.insurer_share, "insured_share_to_date": line.insured_share,
        } for line in ledger.lines],
        "totals": dict(ledger_totals(ledger)),
        "collection_cases": statement.collection_cases,
    }
