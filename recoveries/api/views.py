"""The insured's recoveries in the API: the ledger, recoveries with direct receipts, collection cases."""

import django_filters
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.claims.models import Claim
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin
from recoveries import services
from recoveries.api.serializers import (
    CollectionCaseOutputSerializer,
    DirectReceiptInputSerializer,
    RecoveryLedgerOutputSerializer,
    RecoveryOutputSerializer,
    ledger_payload,
)
from recoveries.models import CollectionCase, Recovery
from recoveries.selectors import claim_of_tenant, collection_cases_for_tenant, ledger_for, recoveries_of_claim

VIEW = "claims.view_claim"
DECLARE = "recoveries.declare_direct_receipt"


def _eur(amount: str) -> dict:
    return {"amount": amount, "currency": "EUR"}


_CASE = {"id": 3, "overdue_id": 12, "claim_id": 7, "buyer": "Late Payer S.p.A.", "agency": "Cobros Madrid SL",
         "status": "payment_plan", "status_note": "12 instalments agreed", "opened_on": "2026-06-01",
         "closed_on": None, "updated_at": "2026-07-02T10:00:00Z"}
LEDGER_EXAMPLE = OpenApiExample(
    "Example 8, pro rata",
    summary="9,000 paid on a 10,000 loss at 90%; 5,000 recovered: insurer 4,500, insured 500",
    value={
        "claim_id": 7, "currency": "EUR", "rule": "pro_rata", "percentage_of_cover": "90.0000",
        "lines": [{"on": "2026-10-01", "kind": "recovery", "label": "Liquidator or administrator",
                   "amount": _eur("5000.00"), "held_by": "insurer", "reduced_loss": False,
                   "insurer_share_to_date": _eur("4500.00"), "insured_share_to_date": _eur("500.00")}],
        "totals": {"indemnity_paid": _eur("9000.00"), "recovered_before_payment": _eur("0.00"),
                   "recovered_by_insurer": _eur("5000.00"), "received_by_insured": _eur("0.00"),
                   "collection_costs": _eur("0.00"), "net_recovery": _eur("5000.00"),
                   "insurer_share": _eur("4500.00"), "insured_share": _eur("500.00"),
                   "insurer_net_cost": _eur("4500.00"), "settled_to_insurer": _eur("0.00"),
                   "settled_to_insured": _eur("0.00"), "insured_owes_insurer": _eur("0.00"),
                   "insurer_owes_insured": _eur("500.00")},
        "collection_cases": [_CASE],
    },
    response_only=True,
)
RECEIPT_EXAMPLE = OpenApiExample(
    "The buyer paid you 5,000 EUR", value={"amount": _eur("5000.00"), "received_on": "2026-10-15",
                                           "note": "Bank transfer from the buyer"},
    request_only=True,
)
RECOVERY_EXAMPLE = OpenApiExample(
    "Declared direct receipt",
    value={"id": 21, "claim_id": 7, "received_on": "2026-10-15", "amount": _eur("5000.00"),
           "source": "insured_direct", "phase": "after_payment", "note": "Bank transfer from the buyer",
           "created_at": "2026-10-16T08:30:00Z"},
    response_only=True, status_codes=["201"],
)
CASE_EXAMPLE = OpenApiExample("A case under a payment plan", value=_CASE, response_only=True)


def _claim_or_404(tenant, claim_id) -> Claim:
    try:
        return claim_of_tenant(tenant=tenant, claim_id=claim_id)
    except Claim.DoesNotExist as exc:
        raise Http404 from exc


@extend_schema_view(
    get=extend_schema(
        summary="A claim's recovery ledger",
        description=("Every recovery, collection cost and settlement in date order; recoveries before payment "
                     "reduced the loss, later ones are shared by the policy's rule (cumulative shares per line). "
                     "Totals say what the insurer paid, recovered and kept, what you get back, and who owes whom."),
        tags=["recoveries"], responses={200: RecoveryLedgerOutputSerializer}, examples=[LEDGER_EXAMPLE],
    ),
)
class RecoveryLedgerApi(APIView):
    serializer_class = RecoveryLedgerOutputSerializer
    required_permission = VIEW

    def get(self, request, claim_id):
        try:
            statement = ledger_for(tenant=request.tenant, claim_id=claim_id)
        except Claim.DoesNotExist as exc:
            raise Http404 from exc
        return Response(RecoveryLedgerOutputSerializer(ledger_payload(statement)).data)


@extend_schema_view(
    get=extend_schema(summary="Recoveries on a claim", tags=["recoveries"],
                      examples=[RECOVERY_EXAMPLE]),
    post=extend_schema(
        summary="Declare money received directly from the buyer",
        description=("The insurer's share of it becomes owed to the insurer until settled. "
                     "Send an `Idempotency-Key` to retry safely."),
        tags=["recoveries"], request=DirectReceiptInputSerializer, responses={201: RecoveryOutputSerializer},
        examples=[RECEIPT_EXAMPLE, RECOVERY_EXAMPLE],
    ),
)
class ClaimRecoveryListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = Recovery
    serializer_class = RecoveryOutputSerializer

    @property
    def required_permission(self):
        return DECLARE if self.request.method == "POST" else VIEW

    def get_tenant_queryset(self, tenant):
        claim = _claim_or_404(tenant, self.kwargs["claim_id"])
        return recoveries_of_claim(tenant=tenant, claim_id=claim.pk)

    def handle_post(self, request, claim_id):
        claim = _claim_or_404(request.tenant, claim_id)
        data = DirectReceiptInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        recovery = services.declare_direct_receipt(tenant=request.tenant, claim=claim, amount=v["amount"],
                                                   received_on=v["received_on"], declared_by=request.user,
                                                   note=v["note"])
        return Response(RecoveryOutputSerializer(recovery).data, status=status.HTTP_201_CREATED)


class CollectionCaseFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    status = django_filters.ChoiceFilter(choices=CollectionCase.Status.choices)
    claim = IdFilter(field_name="claim_id")
    overdue = IdFilter(field_name="overdue_id")

    class Meta:
        model = CollectionCase
        fields: list[str] = []


@extend_schema_view(
    get=extend_schema(summary="Your debts in collection, with their status", tags=["recoveries"],
                      examples=[CASE_EXAMPLE]),
)
class CollectionCaseListApi(TenantQuerysetMixin, generics.ListAPIView):
    model = CollectionCase
    serializer_class = CollectionCaseOutputSerializer
    filterset_class = CollectionCaseFilter
    required_permission = VIEW

    def get_tenant_queryset(self, tenant):
        return collection_cases_for_tenant(tenant=tenant)
