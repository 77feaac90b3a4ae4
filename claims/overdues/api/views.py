"""Overdues for integrators: thin views over claims.overdues.selectors and claims.overdues.services."""

import django_filters
from django.db.models import F
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.overdues import services
from claims.overdues.api.serializers import (
    AddInvoicesInputSerializer,
    OverdueCreateInputSerializer,
    OverdueDetailOutputSerializer,
    OverdueOutputSerializer,
    PaymentInputSerializer,
    invoice_lines,
)
from claims.overdues.models import Overdue
from claims.overdues.selectors import overdue_detail, overdues_for_tenant
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin

TAGS = ["overdues"]
VIEW = "claims.view_overdue"
DECLARE = "claims.declare_overdue"

INVOICE_EXAMPLE = {"number": "F-2026-001", "invoice_date": "2025-12-01", "shipment_date": "2025-12-01",
                   "due_date": "2026-01-10", "amount": {"amount": "10000.00", "currency": "EUR"},
                   "outstanding": {"amount": "10000.00", "currency": "EUR"}}
DECLARE_EXAMPLE = OpenApiExample(
    "Notify an overdue with one invoice",
    value={"policy": 1, "buyer": 42, "reference": "OD-2026-07", "invoices": [INVOICE_EXAMPLE]},
    request_only=True,
)
ADD_EXAMPLE = OpenApiExample(
    "Add an invoice", value={"invoices": [INVOICE_EXAMPLE | {"number": "F-2026-002"}]}, request_only=True
)
PAYMENT_EXAMPLE = OpenApiExample(
    "Payment of 4,000 EUR on a designated invoice",
    value={"amount": {"amount": "4000.00", "currency": "EUR"}, "received_on": "2026-02-25", "designated_invoice": 7},
    request_only=True,
)
DRAFT_EXAMPLE = OpenApiExample(
    "Save a draft: watch an unpaid invoice, notify later",
    value={"policy": 1, "buyer": 42, "reference": "OD-2026-08", "invoices": [INVOICE_EXAMPLE], "draft": True},
    request_only=True,
)
POST_NOTE = " Send an `Idempotency-Key` to retry safely."


class OverdueFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    state = django_filters.ChoiceFilter(choices=Overdue.State.choices)
    buyer = IdFilter(field_name="buyer_id")
    policy = IdFilter(field_name="policy_id")
    # Exact: an ERP finds the one object it knows by its own reference (unique per tenant).
    reference = django_filters.CharFilter(field_name="reference", help_text="Your reference, exactly.")

    class Meta:
        model = Overdue
        fields: list[str] = []


def _overdue_or_404(tenant, pk) -> Overdue:
    try:
        return overdue_detail(tenant=tenant, pk=pk)
    except Overdue.DoesNotExist as exc:
        raise Http404 from exc


def _detail(request, pk, code=status.HTTP_200_OK) -> Response:
    return Response(OverdueDetailOutputSerializer(_overdue_or_404(request.tenant, pk)).data, status=code)


@extend_schema_view(
    get=extend_schema(summary="List your overdues", tags=TAGS),
    post=extend_schema(
        summary="Notify an overdue",
        description=(
            "One overdue per buyer and policy while open, listing the unpaid invoices. The notification date is "
            "today: invoices past their notification deadline are flagged `notified_late` (not covered unless the "
            "insurer waives it) and no new shipment to the buyer is covered from today. With `\"draft\": true` the "
            "overdue is saved in state `draft` instead: nothing is notified, no cover stops, nothing is late, until "
            "you notify it (`POST /overdues/{id}/notify/`); a draft counts as the buyer's open overdue." + POST_NOTE
        ),
        tags=TAGS, request=OverdueCreateInputSerializer, responses={201: OverdueDetailOutputSerializer},
        examples=[DECLARE_EXAMPLE, DRAFT_EXAMPLE],
    ),
)
class OverdueListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = Overdue
    serializer_class = OverdueOutputSerializer
    filterset_class = OverdueFilter

    @property
    def required_permission(self):
        return DECLARE if self.request.method == "POST" else VIEW

    def get_tenant_queryset(self, tenant):
        # Drafts first (not notified yet), then the latest notified.
        return overdues_for_tenant(tenant=tenant, include_drafts=True).order_by(
            F("notified_on").desc(nulls_first=True), "-pk")

    def handle_post(self, request):
        data = OverdueCreateInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        v = data.validated_data
        overdue = services.declare_overdue(
            tenant=request.tenant, notified_by=request.user, policy=v["policy"], buyer=v["buyer"],
            invoices=invoice_lines(v["invoices"], v["policy"].currency), reference=v["reference"], draft=v["draft"],
        )
        return _detail(request, overdue.pk, status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="An overdue with its invoices, their deadlines and the payments", tags=TAGS),
    delete=extend_schema(
        summary="Discard a draft overdue",
        description="Only a draft (never notified): it is deleted with its invoices. A notified overdue stays on record.",
        tags=TAGS, request=None, responses={204: None},
    ),
)
class OverdueDetailApi(APIView):
    serializer_class = OverdueDetailOutputSerializer

    @property
    def required_permission(self):
        return DECLARE if self.request.method == "DELETE" else VIEW

    def get(self, request, pk):
        return _detail(request, pk)

    def delete(self, request, pk):
        services.discard_draft(overdue=_overdue_or_404(request.tenant, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    post=extend_schema(
        summary="Record a payment received on an overdue",
        description=("Allocated to the oldest unpaid invoice first unless the buyer designated one; a payment "
                     "that settles everything clears the overdue. Answers with the overdue." + POST_NOTE),
        tags=TAGS, request=PaymentInputSerializer, responses={201: OverdueDetailOutputSerializer},
        examples=[PAYMENT_EXAMPLE],
    )
)
class OverduePaymentApi(IdempotentPostMixin, APIView):
    serializer_class = OverdueDetailOutputSerializer
    required_permission = DECLARE

    def handle_post(self, request, pk):
        overdue = _overdue_or_404(request.tenant, pk)
        data = PaymentInputSerializer(data=request.data, context={"request": request, "overdue": overdue})
        data.is_valid(raise_exception=True)
        v = data.validated_data
        services.record_payment(overdue=overdue, amount=v["amount"].amount, received_on=v["received_on"],
                                recorded_by=request.user, designated_invoice=v["designated_invoice"])
        return _detail(request, pk, status.HTTP_201_CREATED)


@extend_schema_view(
    post=extend_schema(
        summary="Add invoices to a draft or an open overdue",
        description=("On an open overdue the invoices are notified today: their lateness is judged against today. "
                     "On a draft they are only watched until the draft is notified." + POST_NOTE),
        tags=TAGS, request=AddInvoicesInputSerializer, responses={201: OverdueDetailOutputSerializer},
        examples=[ADD_EXAMPLE],
    )
)
class OverdueInvoicesApi(IdempotentPostMixin, APIView):
    serializer_class = OverdueDetailOutputSerializer
    required_permission = DECLARE

    def handle_post(self, request, pk):
        overdue = _overdue_or_404(request.tenant, pk)
        data = AddInvoicesInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        services.add_invoices(overdue=overdue, invoices=invoice_lines(data.validated_data["invoices"], overdue.currency),
                              added_by=request.user)
        return _detail(request, pk, status.HTTP_201_CREATED)


@extend_schema_view(
    post=extend_schema(
        summary="Notify a draft overdue to the insurer",
        description=(
            "Only a draft. The notification date is today: its invoices past their notification deadline are "
            "flagged `notified_late` (not covered unless the insurer waives it) and no new shipment to the buyer is "
            "covered from today, as when an overdue is notified at once. Answers with the overdue." + POST_NOTE
        ),
        tags=TAGS, request=None, responses={200: OverdueDetailOutputSerializer},
    )
)
class OverdueNotifyApi(IdempotentPostMixin, APIView):
    serializer_class = OverdueDetailOutputSerializer
    required_permission = DECLARE

    def handle_post(self, request, pk):
        overdue = _overdue_or_404(request.tenant, pk)
        services.notify_overdue(overdue=overdue, notified_by=request.user)
        return _detail(request, pk)
