"""The buyer credit file in the API: the insured's (`/api/v1/buyers/<id>/credit-file/`, its notes) and the
insurer's across insureds (`/api/v1/insurer/buyers/<id>/credit-file/`). Thin: the selectors of
buyers.credit_file read, the sections other apps registered shape their part (registry)."""

from functools import cache

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from buyers.api.serializers import BuyerOutputSerializer
from buyers.credit_file import selectors, services
from buyers.credit_file.registry import capped_list_serializer, sections
from buyers.credit_file.selectors import CreditFile
from core.api.idempotency import IdempotentPostMixin


class GradeSerializer(serializers.Serializer):
    grade = serializers.IntegerField()
    previous_grade = serializers.IntegerField(allow_null=True)
    graded_on = serializers.DateField()


class InsurerGradeSerializer(GradeSerializer):
    reason = serializers.CharField()


class NoteSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField(max_length=services.NOTE_MAX_LENGTH)
    written_by = serializers.CharField(source="written_by.username", default="", read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class PaymentExperienceSerializer(serializers.Serializer):
    computed_on = serializers.DateField()
    paid_invoices = serializers.IntegerField()
    paid_late = serializers.IntegerField()
    reporting_insureds = serializers.IntegerField()
    days_beyond_terms_avg = serializers.DecimalField(max_digits=7, decimal_places=1, allow_null=True)
    recent_days_avg = serializers.DecimalField(max_digits=7, decimal_places=1, allow_null=True)
    previous_days_avg = serializers.DecimalField(max_digits=7, decimal_places=1, allow_null=True)


EXPERIENCE_HELP = ("The insurer's payment experience, from the paid invoices every insured reported: shown only "
                   f"when at least {selectors.MIN_REPORTING_INSUREDS} insureds report on the buyer, else null.")


@cache
def tenant_file_serializer():
    fields = {
        "buyer": BuyerOutputSerializer(),
        "grades": capped_list_serializer(GradeSerializer)(help_text="The insurer's grades, newest first."),
        "payment_experience": PaymentExperienceSerializer(allow_null=True, help_text=EXPERIENCE_HELP),
        "notes": capped_list_serializer(NoteSerializer)(help_text="Your notes, newest first."),
        **{section.key: section.tenant_serializer() for section in sections()},
    }
    return type("CreditFileSerializer", (serializers.Serializer,), fields)


@cache
def insurer_file_serializer():
    fields = {
        "buyer": BuyerOutputSerializer(),
        "grades": capped_list_serializer(InsurerGradeSerializer)(),
        "payment_experience": PaymentExperienceSerializer(allow_null=True),
        **{section.key: section.insurer_serializer() for section in sections()},
    }
    return type("InsurerCreditFileSerializer", (serializers.Serializer,), fields)


def _as_data(credit_file: CreditFile) -> dict:
    data = {"buyer": credit_file.buyer, "grades": credit_file.grades,
            "payment_experience": credit_file.payment_experience, "notes": credit_file.notes}
    return data | {section.key: section_data for section, section_data in credit_file.sections}


@extend_schema_view(get=extend_schema(
    summary="A buyer's credit file",
    description=("Everything your company knows about a buyer: identity and identifiers, the insurer's grade "
                 "and its history, your limits with every decision and its reasons, utilisation, overdues, "
                 "claims and their documents, how the buyer paid your invoices, your notes. Another insured's "
                 "figures are never shown; the insurer's payment experience only in aggregate. Each list holds "
                 "its first 20 rows and their `count`."),
    tags=["buyers"], responses={200: tenant_file_serializer()},
))
class BuyerCreditFileApi(APIView):
    required_permission = "buyers.view_buyer"

    def get(self, request, pk):
        credit_file = selectors.tenant_credit_file(tenant=request.tenant, user=request.user, buyer_id=pk)
        return Response(tenant_file_serializer()(_as_data(credit_file)).data)


@extend_schema_view(
    get=extend_schema(summary="Your notes on a buyer", tags=["buyers"],
                      responses={200: capped_list_serializer(NoteSerializer)}),
    post=extend_schema(summary="Add a note on a buyer", description="Send an `Idempotency-Key` to retry safely.",
                       tags=["buyers"], request=NoteSerializer, responses={201: NoteSerializer}),
)
class BuyerNotesApi(IdempotentPostMixin, APIView):
    @property
    def required_permission(self):
        return "buyers.add_buyernote" if self.request.method == "POST" else "buyers.view_buyer"

    def get(self, request, pk):
        buyer = selectors.visible_buyer(tenant=request.tenant, buyer_id=pk)
        notes = selectors.notes_of(tenant=request.tenant, buyer=buyer)
        return Response(capped_list_serializer(NoteSerializer)(notes).data)

    def handle_post(self, request, pk):
        buyer = selectors.visible_buyer(tenant=request.tenant, buyer_id=pk)
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.add_note(tenant=request.tenant, buyer=buyer, written_by=request.user,
                                 text=data.validated_data["text"])
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)


@extend_schema_view(get=extend_schema(
    summary="A buyer's credit file across insureds",
    description=("The insurer's view: every insured's limits in force and the exposure, notified overdues and "
                 "submitted claims, the payment experience in full, the grade history with its reasons."),
    tags=["insurer: buyers"], responses={200: insurer_file_serializer()},
))
class InsurerBuyerCreditFileApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "buyers.view_buyer"

    def get(self, request, pk):
        credit_file = selectors.insurer_credit_file(buyer_id=pk)
        return Response(insurer_file_serializer()(_as_data(credit_file)).data)
