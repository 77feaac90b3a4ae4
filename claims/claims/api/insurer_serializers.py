"""Claims handlers' decisions in the insurer API: input serializers parse, output serializers answer.

The output reuses the insured's claim serializers (same fields, same enums) and adds
whose claim it is, whether the payment is late, and the calculation as it stands now.
Rules are in claims.claims.services.
"""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.claims.api.serializers import (
    CalculationOutputSerializer,
    ClaimDetailOutputSerializer,
    ClaimOutputSerializer,
    DocumentOutputSerializer,
    calculation_of,
    kind_field,
)
from core.api.fields import BoundedDateField, MoneyField

# The amount columns hold 14 digits before the point (core.amounts): a larger amount is refused here, not by the database.
_MAX_AMOUNT = Decimal("1e14")


def _check_size(value):
    if value is not None and value.amount >= _MAX_AMOUNT:
        raise serializers.ValidationError(_("The amount is too large."))
    return value


# --- Input -------------------------------------------------------------------


class InsurerRequestDocumentsInputSerializer(serializers.Serializer):
    kinds = serializers.ListField(child=kind_field(), allow_empty=False, max_length=20,
                                  help_text="The documents still needed; the insured is told which.")
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="",
                                 help_text="What exactly is missing; shown to the insured.")


class InsurerApproveInputSerializer(serializers.Serializer):
    amount = MoneyField(required=False, allow_null=True, default=None,
                        help_text="Omit to approve the calculated indemnity; another amount needs `override_reason`.")
    override_reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="",
                                            help_text="Why the amount differs from the calculation.")

    def validate_amount(self, value):
        return _check_size(value)


class InsurerPayInputSerializer(serializers.Serializer):
    amount = MoneyField(positive=True, help_text="Exactly the approved indemnity, in the claim's currency.")
    paid_on = BoundedDateField(help_text="Not in the future, nor before the approval.")
    reference = serializers.CharField(max_length=60, required=False, allow_blank=True, default="",
                                      help_text="The payment's bank reference.")

    def validate_amount(self, value):
        return _check_size(value)


class InsurerRejectInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text="Why the claim is rejected; the insured sees it.")


# --- Output ------------------------------------------------------------------


class InsurerClaimOutputSerializer(ClaimOutputSerializer):
    """A row of the claims queue."""

    tenant_id = serializers.IntegerField()
    tenant = serializers.CharField(source="tenant.legal_name", help_text="The insured's legal name.")
    payment_late = serializers.SerializerMethodField(
        help_text="Complete or approved, and unpaid past `payment_due_on`."
    )

    def get_payment_late(self, claim) -> bool:
        return claim.is_payment_late(timezone.localdate())


class InsurerDocumentOutputSerializer(DocumentOutputSerializer):
    def get_download_url(self, document) -> str:
        path = reverse("api-insurer-claim-document-download", kwargs={"claim_id": document.claim_id,
                                                                      "doc_id": document.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class InsurerClaimDetailOutputSerializer(ClaimDetailOutputSerializer, InsurerClaimOutputSerializer):
    """What the admin review page shows: the insured's view of the claim, plus the live calculation."""

    documents = InsurerDocumentOutputSerializer(many=True, source="documents.all")
    live_calculation = serializers.SerializerMethodField(
        help_text=("The indemnity calculated now from the file, as it would be approved; null once approved or "
                   "paid (`calculation` is then the snapshot of the decision).")
    )

    @extend_schema_field(CalculationOutputSerializer(allow_null=True))
    def get_live_calculation(self, claim):
        calculation = calculation_of(claim)
        return None if calculation["snapshot"] else CalculationOutputSerializer(calculation).data
