"""The insurer's recovery API: input serializers parse, output serializers answer; rules are in recoveries.services.

Choice fields reuse the named enum components of recoveries.api.serializers, so the
schema has one RecoverySourceEnum and one CollectionStatusEnum for both sides.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from claims.claims.api.serializers import NamedChoiceField
from core.api.fields import BoundedDateField, ColumnMoneyField, MoneyField
from recoveries.api.serializers import RecoveryLedgerOutputSerializer, _collection_status_field, _source_field
from recoveries.models import CollectionCost, Settlement

# The amount columns hold 14 digits before the point (core.amounts): a larger amount is refused here, not by the database.
_MAX_AMOUNT = Decimal("1e14")


def _cost_kind_field(**kwargs):
    return NamedChoiceField(enum_name="CollectionCostKindEnum", choices=CollectionCost.Kind.choices, **kwargs)


class _AmountInputSerializer(serializers.Serializer):
    amount = MoneyField(positive=True, help_text="In the claim's currency.")

    def validate_amount(self, value):
        if value.amount >= _MAX_AMOUNT:
            raise serializers.ValidationError(_("The amount is too large."))
        return value


# --- Input -------------------------------------------------------------------


class InsurerRecoveryInputSerializer(_AmountInputSerializer):
    received_on = BoundedDateField(help_text="When the money reached the insurer; not in the future.")
    source = _source_field()
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InsurerCollectionCostInputSerializer(_AmountInputSerializer):
    incurred_on = BoundedDateField(help_text="Not in the future.")
    kind = _cost_kind_field()
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class InsurerSettlementInputSerializer(_AmountInputSerializer):
    settled_on = BoundedDateField(help_text="Not in the future.")
    to_insurer = serializers.BooleanField(
        help_text="`true`: the insured paid the insurer its share of money it received directly; "
                  "`false`: the insurer paid the insured its share of what the insurer recovered."
    )
    reference = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")


class InsurerCollectionCaseInputSerializer(serializers.Serializer):
    status = _collection_status_field(
        required=False,
        help_text="Required to update an open case; when opening one, `in_collection` unless given.",
    )
    agency = serializers.CharField(max_length=120, required=False, allow_blank=True, default="",
                                   help_text="Collection agency or lawyer; used when the case is opened.")
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="",
                                 help_text="The latest note, shown to the insured.")


# --- Output ------------------------------------------------------------------


class InsurerCollectionCostOutputSerializer(serializers.ModelSerializer):
    claim_id = serializers.IntegerField()
    amount = ColumnMoneyField(column="amount")
    kind = _cost_kind_field()

    class Meta:
        model = CollectionCost
        fields = ("id", "claim_id", "incurred_on", "kind", "amount", "note", "created_at")


class InsurerSettlementOutputSerializer(serializers.ModelSerializer):
    claim_id = serializers.IntegerField()
    amount = ColumnMoneyField(column="amount")

    class Meta:
        model = Settlement
        fields = ("id", "claim_id", "settled_on", "amount", "to_insurer", "reference", "created_at")


class InsurerRecoveryLedgerOutputSerializer(RecoveryLedgerOutputSerializer):
    """The insured's statement, plus whose claim it is: the insurer reads every tenant's claims."""

    tenant_id = serializers.IntegerField()
    tenant = serializers.CharField(help_text="The insured's legal name.")
