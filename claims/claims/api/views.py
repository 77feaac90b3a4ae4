"""Claims for integrators: thin views over claims.claims.selectors and claims.claims.services."""

import django_filters
from django.db import transaction
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.claims import services as services_claims
from claims.claims.api.serializers import (
    CalculationOutputSerializer,
    ClaimCreateInputSerializer,
    ClaimDetailOutputSerializer,
    ClaimOutputSerializer,
    ClaimWithdrawInputSerializer,
    DocumentOutputSerializer,
    DocumentUploadInputSerializer,
    calculation_of,
)
from claims.claims.downloads import document_download
from claims.claims.models import Cause, Claim
from claims.claims.selectors import claim_detail, claims_for_tenant
from core.api.downloads import AnyAccept
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin

TAGS = ["claims"]
VIEW = "claims.view_claim"
FILE = "claims.file_claim"
POST_NOTE = " Send an `Idempotency-Key` to retry safely."

_MONEY_9000 = {"amount": "9000.00", "currency": "EUR"}
_MONEY_10000 = {"amount": "10000.00", "currency": "EUR"}
_CALCULATION = {
    "snapshot": True, "currency": "EUR",
    "lines": [{
        "invoice": "F-2026-001", "shipment_date": "2025-11-11", "outstanding": _MONEY_10000,
        "after_recoveries": _MONEY_10000, "limit_in_force": {"amount": "50000.00", "currency": "EUR"},
        "limit_available": {"amount": "50000.00", "currency": "EUR"}, "covered": _MONEY_10000,
        "percentage_of_cover": "90.00", "indemnity": _MONEY_9000, "notes": [],
    }],
    "covered_loss": _MONEY_10000, "gross_indemnity": _MONEY_9000,
    "non_qualifying_loss": {"amount": "0.00", "currency": "EUR"},
    "liability_cap": {"amount": "200000.00", "currency": "EUR"}, "indemnity": _MONEY_9000,
    "explanation": ["Covered loss €10,000.00; indemnity before deductions €9,000.00.",
                    "Indemnity €9,000.00 (rounded once, half up)."],
}
_DOCUMENT = {"id": 31, "kind": "invoices", "name": "invoices.pdf", "size": 48213, "content_type": "application/pdf",
             "uploaded_at": "2026-06-09T10:02:00Z",
             "download_url": "https://kredo.example.com/api/v1/claims/5/documents/31/"}
CLAIM_ROW_EXAMPLE = {
    "id": 5, "reference": "CLM-2026-05", "state": "submitted", "state_label": "Submitted",
    "cause": "protracted_default", "policy": "KR-ES-2026-001", "policy_id": 1,
    "buyer": {"id": 42, "legal_name": "Late Payer S.p.A.", "country": "IT", "registration_number": "IT00000042",
              "grade": 5},
    "overdue_id": 17, "currency": "EUR", "event_date": None, "date_of_loss": "2026-06-09",
    "filed_on": "2026-06-09", "complete_on": None, "payment_due_on": None,
    "calculated_indemnity": _MONEY_9000, "approved_indemnity": None, "paid_amount": None, "paid_on": None,
    "next_deadline": None, "created_at": "2026-06-09T09:58:00Z", "updated_at": "2026-06-09T10:05:00Z",
}
CLAIM_DETAIL_EXAMPLE = OpenApiExample(
    "Submitted claim for protracted default",
    value={
        **CLAIM_ROW_EXAMPLE, "recovered_before_payment": {"amount": "0.00", "currency": "EUR"}, "override_reason": "",
        "rejection_reason": "", "payment_reference": "",
        "checklist": [
            {"kind": "contract", "label": "Contract or purchase order", "required": True, "requested": False,
             "provided": 0, "satisfied": False},
            {"kind": "invoices", "label": "Invoices", "required": True, "requested": False, "provided": 1,
             "satisfied": True},
        ],
        "document_requests": [], "documents": [_DOCUMENT],
        "transitions": [
            {"source": "", "target": "draft", "at": "2026-06-09T09:58:00Z", "note": "", "by_insurer": False},
            {"source": "draft", "target": "submitted", "at": "2026-06-09T10:05:00Z", "note": "",
             "by_insurer": False},
        ],
        "calculation": _CALCULATION,
    },
    response_only=True, status_codes=["200", "201"],
)
CREATE_EXAMPLE = OpenApiExample(
    "Claim protracted default and submit at once",
    value={"overdue": 17, "cause": "protracted_default", "reference": "CLM-2026-05", "submit": True},
    request_only=True,
)
INSOLVENCY_EXAMPLE = OpenApiExample(
    "Claim an insolvency (kept as a draft)",
    value={"overdue": 18, "cause": "insolvency", "event_date": "2026-02-03", "reference": "CLM-2026-06"},
    request_only=True,
)
WITHDRAW_EXAMPLE = OpenApiExample("Withdraw: the buyer paid", value={"reason": "The buyer paid in full on 2 July."},
                                  request_only=True)
DOCUMENT_EXAMPLE = OpenApiExample("Uploaded invoices", value=_DOCUMENT, response_only=True, status_codes=["201"])
CALCULATION_EXAMPLE = OpenApiExample("Example 1: 10,000 unpaid at 90%", value=_CALCULATION, response_only=True)
UPLOAD_ERROR_EXAMPLE = OpenApiExample(
    "Wrong type",
    value={"type": "/problems/validation_error", "title": "Invalid input", "status": 400,
           "detail": "The request has invalid fields.", "instance": "/api/v1/claims/42/documents/",
           "code": "validation_error",
           "errors": [{"pointer": "/file", "code": "invalid",
                       "detail": "Files of type .exe are not accepted; use one of: .csv, .pdf."}]},
    response_only=True, status_codes=["400"],
)
REFUSED = OpenApiResponse(description="A rule refused it: problem details with the rule's code.")
NOT_FOUND = OpenApiResponse(description="No such claim among yours.")


class ClaimFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    state = django_filters.ChoiceFilter(choices=Claim.State.choices)
    cause = django_filters.ChoiceFilter(choices=Cause.choices)
    buyer = IdFilter(field_name="buyer_id")
    policy = IdFilter(field_name="policy_id")
    overdue = IdFilter(field_name="overdue_id")
    # Exact: an ERP finds the one object it knows by its own reference (unique per tenant).
    reference = django_filters.CharFilter(field_name="reference", help_text="Your reference, exactly.")

    class Meta:
        model = Claim
        fields: list[str] = []


def _claim_or_404(tenant, pk) -> Claim:
    try:
        return claim_detail(tenant=tenant, pk=pk)
    except Claim.DoesNotExist as exc:
        raise Http404 from exc


def _detail(request, pk, code=status.HTTP_200_OK) -> Response:
    claim = _claim_or_404(request.tenant, pk)
    return Response(ClaimDetailOutputSerializer(claim, context={"request": request}).data, status=code)


@extend_schema_view(
    get=extend_schema(summary="List your claims", description="Newest first.", tags=TAGS),
    post=extend_schema(
        summary="File a claim on an overdue",
        description=(
            "Opens a claim file (state `draft`) on one of your overdues, or submits it at once with "
            '`"submit": true`. Protracted default can be claimed from the end of the waiting period; every '
            "claim by the filing deadline. Refused claims create nothing." + POST_NOTE
        ),
        tags=TAGS, request=ClaimCreateInputSerializer, responses={201: ClaimDetailOutputSerializer, 400: REFUSED},
        examples=[CREATE_EXAMPLE, INSOLVENCY_EXAMPLE, CLAIM_DETAIL_EXAMPLE],
    ),
)
class ClaimListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = Claim
    serializer_class = ClaimOutputSerializer
    filterset_class = ClaimFilter

    @property
    def required_permission(self):
        return FILE if self.request.method == "POST" else VIEW

    def get_tenant_queryset(self, tenant):
        return claims_for_tenant(tenant=tenant)

    def handle_post(self, request):
        data = ClaimCreateInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        v = data.validated_data
        # Filing and submitting at once is one act: a refused submission leaves no draft behind.
        with transaction.atomic():
            claim = services_claims.file_claim(
                tenant=request.tenant, filed_by=request.user, overdue=v["overdue"], cause=v["cause"],
                event_date=v["event_date"], reference=v["reference"],
            )
            if v["submit"]:
                services_claims.submit_claim(claim=claim, submitted_by=request.user)
        return _detail(request, claim.pk, status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="A claim with its checklist, documents, audit trail and calculation",
        description=("`calculation` is the one stored when the claim was submitted or approved, or while there is "
                     "none, the indemnity calculated now from the file."),
        tags=TAGS, responses={200: ClaimDetailOutputSerializer, 404: NOT_FOUND}, examples=[CLAIM_DETAIL_EXAMPLE],
    )
)
class ClaimDetailApi(APIView):
    serializer_class = ClaimDetailOutputSerializer
    required_permission = VIEW

    def get(self, request, pk):
        return _detail(request, pk)


@extend_schema_view(
    post=extend_schema(
        summary="Submit a draft claim to the insurer",
        description="Only a draft, within the filing window. Answers with the claim." + POST_NOTE,
        tags=TAGS, request=None, responses={200: ClaimDetailOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
        examples=[CLAIM_DETAIL_EXAMPLE],
    )
)
class ClaimSubmitApi(IdempotentPostMixin, APIView):
    serializer_class = ClaimDetailOutputSerializer
    required_permission = FILE

    def handle_post(self, request, pk):
        claim = _claim_or_404(request.tenant, pk)
        services_claims.submit_claim(claim=claim, submitted_by=request.user)
        return _detail(request, pk)


@extend_schema_view(
    post=extend_schema(
        summary="Withdraw a claim",
        description="Until the file is complete; not once approved or paid. Answers with the claim." + POST_NOTE,
        tags=TAGS, request=ClaimWithdrawInputSerializer,
        responses={200: ClaimDetailOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
        examples=[WITHDRAW_EXAMPLE, CLAIM_DETAIL_EXAMPLE],
    )
)
class ClaimWithdrawApi(IdempotentPostMixin, APIView):
    serializer_class = ClaimDetailOutputSerializer
    required_permission = FILE

    def handle_post(self, request, pk):
        claim = _claim_or_404(request.tenant, pk)
        data = ClaimWithdrawInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services_claims.withdraw_claim(claim=claim, withdrawn_by=request.user, reason=data.validated_data["reason"])
        return _detail(request, pk)


@extend_schema_view(
    post=extend_schema(
        summary="Upload a document to a claim",
        description=(
            "Multipart form with `kind` and `file`, while the claim is a draft, submitted or incomplete. The type "
            "is checked on the file's content, not only its name. An upload that provides the last missing "
            "document of an incomplete file completes it and starts the payment clock." + POST_NOTE
        ),
        tags=TAGS, request=DocumentUploadInputSerializer,
        responses={201: DocumentOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
        examples=[DOCUMENT_EXAMPLE, UPLOAD_ERROR_EXAMPLE],
    )
)
class ClaimDocumentUploadApi(IdempotentPostMixin, APIView):
    parser_classes = [MultiPartParser]
    serializer_class = DocumentOutputSerializer
    required_permission = FILE

    def handle_post(self, request, pk):
        claim = _claim_or_404(request.tenant, pk)
        data = DocumentUploadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = services_claims.upload_document(claim=claim, kind=data.validated_data["kind"],
                                                   uploaded=data.validated_data["file"], uploaded_by=request.user)
        return Response(DocumentOutputSerializer(document, context={"request": request}).data,
                        status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Download a claim document",
        description="The file as uploaded, with its content type and original name.",
        tags=TAGS,
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
                   404: NOT_FOUND},
    )
)
class ClaimDocumentDownloadApi(APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAccept
    required_permission = VIEW

    def get(self, request, pk, doc_id):
        return document_download(tenant=request.tenant, claim_id=pk, document_id=doc_id)


@extend_schema_view(
    get=extend_schema(
        summary="How the indemnity is calculated, invoice by invoice",
        description=("The calculation stored when the claim was submitted or approved (`snapshot`: true), or while "
                     "there is none, calculated now from the file."),
        tags=TAGS, responses={200: CalculationOutputSerializer, 404: NOT_FOUND}, examples=[CALCULATION_EXAMPLE],
    )
)
class ClaimCalculationApi(APIView):
    serializer_class = CalculationOutputSerializer
    required_permission = VIEW

    def get(self, request, pk):
        try:
            claim = claims_for_tenant(tenant=request.tenant).get(pk=pk)
        except Claim.DoesNotExist as exc:
            raise Http404 from exc
        return Response(CalculationOutputSerializer(calculation_of(claim)).data)
