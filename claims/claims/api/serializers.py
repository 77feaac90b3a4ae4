"""Claims in the API: input serializers parse, output serializers answer; rules are in claims.claims.services."""

from dataclasses import asdict

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.claims.calculation import calculation_for_display
from claims.claims.models import Cause, Claim, DocumentKind
from claims.claims.selectors import next_deadline
from claims.claims.services import checklist
from claims.overdues.selectors import overdues_for_tenant
from core.api.fields import BoundedDateField, ColumnMoneyField, MoneyField
from limits.api.serializers import BuyerSummarySerializer, TenantRelatedField

# --- Named enums -------------------------------------------------------------


class NamedChoiceField(serializers.ChoiceField):
    """A choice field documented as its own named enum component.

    "state" and "kind" already name other choice sets in the schema (limits,
    webhooks); a named component keeps the schema free of collision warnings
    without renaming anyone else's enums.
    """

    def __init__(self, *, enum_name: str, **kwargs):
        self.enum_name = enum_name
        super().__init__(**kwargs)


class NamedChoiceFieldExtension(OpenApiSerializerFieldExtension):
    target_class = NamedChoiceField

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        schema = {
            "type": "string",
            "enum": list(field.choices),
            "description": "\n".join(f"* `{value}` - {label}" for value, label in field.choices.items()),
        }
        component = ResolvedComponent(name=field.enum_name, type=ResolvedComponent.SCHEMA, object=field.enum_name,
                                      schema=schema)
        auto_schema.registry.register_on_missing(component)
        return component.ref


def state_field(**kwargs):
    return NamedChoiceField(enum_name="ClaimStateEnum", choices=Claim.State.choices, **kwargs)


def cause_field(**kwargs):
    return NamedChoiceField(enum_name="ClaimCauseEnum", choices=Cause.choices, **kwargs)


def kind_field(**kwargs):
    return NamedChoiceField(enum_name="ClaimDocumentKindEnum", choices=DocumentKind.choices, **kwargs)


# --- Input -------------------------------------------------------------------


class ClaimCreateInputSerializer(serializers.Serializer):
    overdue = TenantRelatedField(
        selector=lambda tenant: overdues_for_tenant(tenant=tenant),
        help_text="Id of one of your overdues.",
        error_messages={"does_not_exist": _("Unknown overdue."), "incorrect_type": _("Unknown overdue.")},
    )
    cause = cause_field()
    event_date = BoundedDateField(
        required=False, allow_null=True, default=None,
        help_text="Date of the insolvency or of the political event; ignored for protracted default.",
    )
    reference = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    submit = serializers.BooleanField(
        required=False, default=False,
        help_text="Submit the claim to the insurer at once instead of keeping it as a draft.",
    )


class ClaimWithdrawInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="",
                                   help_text="Why the claim is withdrawn (kept in the audit trail).")


class DocumentUploadInputSerializer(serializers.Serializer):
    kind = kind_field()
    file = serializers.FileField(
        help_text="PDF, PNG, JPEG, TIFF, DOCX, XLSX, EML, CSV or TXT; the size limit is in the error when exceeded."
    )


# --- Output ------------------------------------------------------------------


# A claim's Decimal columns in the claim's currency, at its minor unit (a JPY claim reads "9000", not "9000.00").
ClaimMoneyField = ColumnMoneyField


class PlainMoneyField(MoneyField):
    """Money stored as {"amount", "currency"} (the calculation snapshot), shown at the currency's minor unit."""


class NextDeadlineOutputSerializer(serializers.Serializer):
    label = serializers.CharField()
    on = BoundedDateField()


class ChecklistItemOutputSerializer(serializers.Serializer):
    kind = kind_field()
    label = serializers.CharField()
    required = serializers.BooleanField(help_text="Required for the claim's cause.")
    requested = serializers.BooleanField(help_text="Asked for by the claims handler and not provided since.")
    provided = serializers.IntegerField(help_text="Documents of this kind on file.")
    satisfied = serializers.BooleanField()


class DocumentRequestOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = kind_field()
    label = serializers.CharField(source="get_kind_display")
    note = serializers.CharField()
    requested_at = serializers.DateTimeField()
    fulfilled_at = serializers.DateTimeField(allow_null=True)


class DocumentOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = kind_field()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField(help_text="In bytes.")
    content_type = serializers.CharField()
    uploaded_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, document) -> str:
        path = reverse("api-claim-document-download", kwargs={"pk": document.claim_id, "doc_id": document.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class TransitionOutputSerializer(serializers.Serializer):
    source = serializers.CharField(help_text="State before; empty when the claim was opened.")
    target = serializers.CharField(help_text="State after.")
    at = serializers.DateTimeField()
    note = serializers.CharField()
    by_insurer = serializers.SerializerMethodField(
        help_text="True when the insurer's staff moved the claim, false for your users and the system."
    )

    def get_by_insurer(self, transition) -> bool:
        return bool(transition.by and transition.by.is_staff)


class CalculationLineOutputSerializer(serializers.Serializer):
    invoice = serializers.CharField(help_text="Invoice number.")
    shipment_date = BoundedDateField()
    outstanding = PlainMoneyField()
    after_recoveries = PlainMoneyField(help_text="Outstanding less payments and recoveries before payment.")
    limit_in_force = PlainMoneyField(help_text="The limit in force on the shipment date.")
    limit_available = PlainMoneyField(help_text="What the limit still covered after earlier unpaid invoices.")
    covered = PlainMoneyField()
    percentage_of_cover = serializers.DecimalField(max_digits=5, decimal_places=2)
    indemnity = PlainMoneyField(help_text="This invoice's share, before the single final rounding.")
    notes = serializers.ListField(child=serializers.CharField(), help_text="In the request's language (Accept-Language).")


class CalculationOutputSerializer(serializers.Serializer):
    snapshot = serializers.BooleanField(
        help_text="True: as stored when the claim was submitted or approved. False: calculated now from the file."
    )
    currency = serializers.CharField()
    lines = CalculationLineOutputSerializer(many=True)
    covered_loss = PlainMoneyField()
    gross_indemnity = PlainMoneyField()
    non_qualifying_loss = PlainMoneyField()
    liability_cap = PlainMoneyField(allow_null=True, help_text="The remaining maximum liability of the policy period.")
    indemnity = PlainMoneyField(help_text="Rounded once, half up, to the currency's minor unit.")
    explanation = serializers.ListField(child=serializers.CharField(),
                                        help_text="In the request's language (Accept-Language).")


def calculation_of(claim: Claim) -> dict:
    """claims.claims.calculation.calculation_for_display, flagged with `snapshot`."""
    calculation, stored = calculation_for_display(claim)
    return {"snapshot": stored, **calculation}


class ClaimOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    state = state_field()
    state_label = serializers.CharField(source="get_state_display")
    cause = cause_field()
    policy = serializers.CharField(source="policy.number")
    policy_id = serializers.IntegerField()
    buyer = BuyerSummarySerializer()
    overdue_id = serializers.IntegerField()
    currency = serializers.CharField()
    event_date = BoundedDateField(allow_null=True, help_text="Insolvency or political event; null otherwise.")
    date_of_loss = BoundedDateField()
    filed_on = BoundedDateField(allow_null=True)
    complete_on = BoundedDateField(allow_null=True, help_text="The payment clock starts on this day.")
    payment_due_on = BoundedDateField(allow_null=True)
    calculated_indemnity = ClaimMoneyField(column="calculated_indemnity")
    approved_indemnity = ClaimMoneyField(column="approved_indemnity")
    paid_amount = ClaimMoneyField(column="paid_amount")
    paid_on = BoundedDateField(allow_null=True)
    next_deadline = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    @extend_schema_field(NextDeadlineOutputSerializer(allow_null=True))
    def get_next_deadline(self, claim):
        deadline = next_deadline(claim, today=timezone.localdate())
        return NextDeadlineOutputSerializer(deadline).data if deadline else None


class PaidToOutputSerializer(serializers.Serializer):
    """The financing bank the indemnity was paid to, as loss payee of the policy or the buyer."""

    bank_name = serializers.CharField()
    iban = serializers.CharField()
    bic = serializers.CharField()


class ClaimDetailOutputSerializer(ClaimOutputSerializer):
    recovered_before_payment = ClaimMoneyField(column="recovered_before_payment")
    paid_to = PaidToOutputSerializer(allow_null=True, help_text="The bank paid as loss payee; null: the insured.")
    override_reason = serializers.CharField(help_text="Why the approved indemnity differs from the calculation.")
    rejection_reason = serializers.CharField()
    payment_reference = serializers.CharField()
    checklist = serializers.SerializerMethodField()
    document_requests = DocumentRequestOutputSerializer(many=True, source="document_requests.all")
    documents = DocumentOutputSerializer(many=True, source="documents.all")
    transitions = TransitionOutputSerializer(many=True, source="transitions.all")
    calculation = serializers.SerializerMethodField()

    @extend_schema_field(ChecklistItemOutputSerializer(many=True))
    def get_checklist(self, claim):
        items = checklist(claim=claim)
        return ChecklistItemOutputSerializer(
            [{**asdict(item), "satisfied": item.satisfied} for item in items], many=True
        ).data

    @extend_schema_field(CalculationOutputSerializer)
    def get_calculation(self, claim):
        return CalculationOutputSerializer(calculation_of(claim)).data
