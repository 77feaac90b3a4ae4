"""Claims handlers' decisions in the API: the claims queue across insureds, the review, the decisions.

Served under /api/v1/insurer/ to insurer staff (session) and insurer tokens only
(accounts.permissions.IsInsurerStaff); the middleware lifts the tenant scope there,
so any tenant's claim is found by its id. Every decision goes through
claims.claims.services with the caller as the actor, as the admin review page does.
"""

import django_filters
from django.db.models import F, Prefetch
from django.http import FileResponse, Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from claims.claims import services
from claims.claims.api.insurer_base import InsurerClaimPostApi
from claims.claims.api.insurer_serializers import (
    InsurerApproveInputSerializer,
    InsurerClaimDetailOutputSerializer,
    InsurerClaimOutputSerializer,
    InsurerPayInputSerializer,
    InsurerRejectInputSerializer,
    InsurerRequestDocumentsInputSerializer,
)
from claims.claims.api.views import CLAIM_DETAIL_EXAMPLE, CLAIM_ROW_EXAMPLE, AnyAccept
from claims.claims.models import Claim, ClaimDocument, ClaimTransition, DocumentRequest
from claims.claims.selectors import claim_documents_for_insurer, claims_for_insurer
from core.api.filters import IdFilter

# Private there, reused here rather than copied; it belongs in core/api (see the report).

TAGS = ["insurer: claims"]
VIEW = "claims.view_claim"
HANDLE = "claims.handle_claim"
POST_NOTE = " Answers with the claim. Send an `Idempotency-Key` to retry safely."
REFUSED = OpenApiResponse(description="A rule refused it: problem details with the rule's code.")
NOT_FOUND = OpenApiResponse(description="No such claim.")

_EUR = "EUR"
_ROW = {**CLAIM_ROW_EXAMPLE, "tenant_id": 4, "tenant": "Iberia Export S.L.", "payment_late": False}
DETAIL_EXAMPLE = OpenApiExample(
    "A submitted claim under review",
    value={**CLAIM_DETAIL_EXAMPLE.value, "tenant_id": 4, "tenant": "Iberia Export S.L.", "payment_late": False,
           "documents": [{**CLAIM_DETAIL_EXAMPLE.value["documents"][0],
                          "download_url": "https://kredo.example.com/api/v1/insurer/claims/5/documents/31/"}],
           "live_calculation": CLAIM_DETAIL_EXAMPLE.value["calculation"] | {"snapshot": False}},
    response_only=True,
)


def _queue():
    # Selected and prefetched so each row costs no query (next_deadline reads the overdue's invoices).
    # A draft is the insured's file in preparation: the insurer sees a claim once it is submitted.
    return (claims_for_insurer()
            .select_related("tenant", "policy", "buyer", "overdue__policy")
            .prefetch_related("overdue__invoices", "overdue__policy__terms_versions")  # the terms per shipment date
            .order_by(F("payment_due_on").asc(nulls_last=True), "filed_on", "pk"))


def _detail(request, claim_id) -> Response:
    try:
        claim = (claims_for_insurer()
                 .select_related("tenant", "policy", "buyer", "overdue__policy", "paid_to")
                 .prefetch_related("overdue__invoices",
                                   Prefetch("documents", queryset=ClaimDocument.objects.select_related("uploaded_by")),
                                   Prefetch("document_requests", queryset=DocumentRequest.objects.all()),
                                   Prefetch("transitions", queryset=ClaimTransition.objects.select_related("by")))
                 .get(pk=claim_id))
    except Claim.DoesNotExist as exc:
        raise Http404 from exc
    return Response(InsurerClaimDetailOutputSerializer(claim, context={"request": request}).data)


class InsurerClaimFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    state = django_filters.ChoiceFilter(choices=Claim.State.choices)
    tenant = IdFilter(field_name="tenant_id", help_text="The insured's id.")
    payment_late = django_filters.BooleanFilter(method="filter_payment_late",
                                                help_text="Complete or approved, unpaid past the payment term.")

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_payment_late(self, queryset, name, value):
        late = Claim.payment_late_q(timezone.localdate())
        return queryset.filter(late) if value else queryset.exclude(late)


@extend_schema_view(get=extend_schema(
    summary="The claims queue, across insureds",
    description="The oldest payment due date first; claims with no payment clock running come last.",
    tags=TAGS, examples=[OpenApiExample("A row", value=_ROW, response_only=True)],
))
class InsurerClaimListApi(generics.ListAPIView):
    permission_classes = [IsInsurerStaff]
    required_permission = VIEW
    serializer_class = InsurerClaimOutputSerializer
    filterset_class = InsurerClaimFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Claim._default_manager.none()
        return _queue()


@extend_schema_view(get=extend_schema(
    summary="A claim under review: checklist, documents, audit trail and calculation",
    description=("`calculation` is the snapshot stored at submission or approval; `live_calculation` is the "
                 "indemnity as it would be approved now."),
    tags=TAGS, responses={200: InsurerClaimDetailOutputSerializer, 404: NOT_FOUND}, examples=[DETAIL_EXAMPLE],
))
class InsurerClaimDetailApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = VIEW
    serializer_class = InsurerClaimDetailOutputSerializer

    def get(self, request, claim_id):
        return _detail(request, claim_id)


@extend_schema_view(get=extend_schema(
    summary="Download a claim document",
    description="The file as uploaded, with its content type and original name.",
    tags=TAGS,
    responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
               404: NOT_FOUND},
))
class InsurerClaimDocumentDownloadApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = VIEW
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAccept

    def get(self, request, claim_id, doc_id):
        try:
            document = claim_documents_for_insurer().get(claim_id=claim_id, pk=doc_id)
            handle = document.file.open("rb")
        except (ClaimDocument.DoesNotExist, FileNotFoundError) as exc:
            raise Http404 from exc
        return FileResponse(handle, as_attachment=True, filename=document.original_name,
                            content_type=document.content_type)


def _decision(summary, description, request_serializer, examples=()):
    return extend_schema_view(post=extend_schema(
        summary=summary, description=description + POST_NOTE, tags=TAGS, request=request_serializer,
        responses={200: InsurerClaimDetailOutputSerializer, 400: REFUSED, 404: NOT_FOUND},
        examples=[*examples, DETAIL_EXAMPLE],
    ))


class _DecisionApi(InsurerClaimPostApi):
    serializer_class = InsurerClaimDetailOutputSerializer
    input_serializer = None

    def handle_post(self, request, claim_id):
        data = None
        if self.input_serializer is not None:
            parsed = self.input_serializer(data=request.data)
            parsed.is_valid(raise_exception=True)
            data = parsed.validated_data
        self.decide(request.user, data)
        return _detail(request, claim_id)


@_decision("Ask the insured for documents",
           "The file becomes incomplete and the payment clock stops until every requested document is uploaded.",
           InsurerRequestDocumentsInputSerializer,
           [OpenApiExample("Ask for the debt acknowledgement", request_only=True,
                           value={"kinds": ["debt_acknowledgement"], "note": "The buyer's acknowledgement of the debt."})])
class InsurerClaimRequestDocumentsApi(_DecisionApi):
    required_permission = HANDLE
    input_serializer = InsurerRequestDocumentsInputSerializer

    def decide(self, user, data):
        services.request_documents(claim=self.claim, kinds=data["kinds"], note=data["note"], requested_by=user)


@_decision("Confirm the file is complete",
           "Every required and requested document is on file; the payment clock starts today.", None)
class InsurerClaimConfirmCompleteApi(_DecisionApi):
    required_permission = HANDLE

    def decide(self, user, data):
        services.confirm_complete(claim=self.claim, confirmed_by=user)


@_decision("Approve the indemnity",
           ("A complete claim: the calculated indemnity, or another amount with `override_reason`; never more than "
            "the policy's remaining maximum liability."),
           InsurerApproveInputSerializer,
           [OpenApiExample("Approve the calculation", request_only=True, value={}),
            OpenApiExample("Approve another amount", request_only=True,
                           value={"amount": {"amount": "8500.00", "currency": _EUR},
                                  "override_reason": "A 500 EUR credit note was issued after the claim."})])
class InsurerClaimApproveApi(_DecisionApi):
    required_permission = "claims.approve_claim"
    input_serializer = InsurerApproveInputSerializer

    def decide(self, user, data):
        services.approve_claim(claim=self.claim, approved_by=user, amount=data["amount"],
                               override_reason=data["override_reason"])


@_decision("Record the indemnity payment",
           "An approved claim, paid exactly the approved indemnity; the insured is told.",
           InsurerPayInputSerializer,
           [OpenApiExample("Paid", request_only=True,
                           value={"amount": {"amount": "9000.00", "currency": _EUR}, "paid_on": "2026-08-03",
                                  "reference": "PAY-2026-0388"})])
class InsurerClaimPayApi(_DecisionApi):
    required_permission = "claims.pay_claim"
    input_serializer = InsurerPayInputSerializer

    def decide(self, user, data):
        services.record_claim_payment(claim=self.claim, amount=data["amount"], paid_on=data["paid_on"],
                                      recorded_by=user, reference=data["reference"])


@_decision("Reject the claim",
           "Submitted, incomplete or complete claims; the insured sees the reason.",
           InsurerRejectInputSerializer,
           [OpenApiExample("Not covered", request_only=True,
                           value={"reason": "The invoices were shipped before the limit took effect."})])
class InsurerClaimRejectApi(_DecisionApi):
    required_permission = HANDLE
    input_serializer = InsurerRejectInputSerializer

    def decide(self, user, data):
        services.reject_claim(claim=self.claim, reason=data["reason"], rejected_by=user)
