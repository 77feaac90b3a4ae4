"""The insurer's side of recoveries in the API: claims handlers and back-office integrations.

Served under /api/v1/insurer/ to insurer staff (session) and insurer tokens only
(accounts.permissions.IsInsurerStaff); the middleware lifts the tenant scope there,
so any tenant's claim is found by its id. Every write goes through recoveries.services,
as in the admin.
"""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from claims.claims.api.insurer_base import InsurerClaimPostApi, insurer_claim_or_404
from recoveries import services
from recoveries.api.insurer_serializers import (
    InsurerCollectionCaseInputSerializer,
    InsurerCollectionCostInputSerializer,
    InsurerCollectionCostOutputSerializer,
    InsurerRecoveryInputSerializer,
    InsurerRecoveryLedgerOutputSerializer,
    InsurerSettlementInputSerializer,
    InsurerSettlementOutputSerializer,
)
from recoveries.api.serializers import (
    CollectionCaseOutputSerializer,
    RecoveryOutputSerializer,
    ledger_payload,
)
from recoveries.api.views import LEDGER_EXAMPLE
from recoveries.ledger import build_ledger
from recoveries.models import CollectionCase
from recoveries.selectors import RecourseStatement, collection_cases_of

TAGS = ["insurer: recoveries"]
IDEMPOTENCY_NOTE = " Send an `Idempotency-Key` to retry safely."


def _eur(amount: str) -> dict:
    return {"amount": amount, "currency": "EUR"}


LEDGER_INSURER_EXAMPLE = OpenApiExample(
    LEDGER_EXAMPLE.name, summary=LEDGER_EXAMPLE.summary,
    value={**LEDGER_EXAMPLE.value, "tenant_id": 4, "tenant": "Iberia Export S.L."}, response_only=True,
)


@extend_schema(
    summary="A claim's recovery ledger (any insured)",
    description=("The same statement the insured sees: every recovery, collection cost and settlement with the "
                 "cumulative shares, the totals and who owes whom, and the debt's collection cases."),
    tags=TAGS, responses={200: InsurerRecoveryLedgerOutputSerializer}, examples=[LEDGER_INSURER_EXAMPLE],
)
class InsurerRecoveryLedgerApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "claims.view_claim"
    serializer_class = InsurerRecoveryLedgerOutputSerializer

    def get(self, request, claim_id):
        claim = insurer_claim_or_404(claim_id)
        statement = RecourseStatement(claim=claim, ledger=build_ledger(claim=claim), collection_cases=list(collection_cases_of(claim)))
        payload = {**ledger_payload(statement), "tenant_id": claim.tenant_id, "tenant": claim.tenant.legal_name}
        return Response(InsurerRecoveryLedgerOutputSerializer(payload).data)


@extend_schema(
    summary="Record a recovery on a claim",
    description=("Before the indemnity is paid it reduces the loss (the indemnity is recalculated, or the claim "
                 "withdrawn when the debt is cleared); after payment it is shared by the policy's rule."
                 + IDEMPOTENCY_NOTE),
    tags=TAGS, request=InsurerRecoveryInputSerializer, responses={201: RecoveryOutputSerializer},
    examples=[
        OpenApiExample("The liquidator paid 5,000 EUR (example 8)", request_only=True,
                       value={"amount": _eur("5000.00"), "received_on": "2026-10-01", "source": "liquidator",
                              "note": "First dividend"}),
        OpenApiExample("Recorded after payment: shared", response_only=True, status_codes=["201"],
                       value={"id": 22, "claim_id": 7, "received_on": "2026-10-01", "amount": _eur("5000.00"),
                              "source": "liquidator", "phase": "after_payment", "note": "First dividend",
                              "created_at": "2026-10-02T09:00:00Z"}),
    ],
)
class InsurerRecoveryCreateApi(InsurerClaimPostApi):
    required_permission = "recoveries.record_recovery"

    def handle_post(self, request, claim_id):
        data = InsurerRecoveryInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        recovery = services.record_recovery(claim=self.claim, amount=v["amount"], received_on=v["received_on"],
                                            source=v["source"], recorded_by=request.user, note=v["note"])
        return Response(RecoveryOutputSerializer(recovery).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Record a collection cost on a paid claim",
    description="Shared with the recoveries in the same proportion." + IDEMPOTENCY_NOTE,
    tags=TAGS, request=InsurerCollectionCostInputSerializer, responses={201: InsurerCollectionCostOutputSerializer},
    examples=[
        OpenApiExample("Lawyer's fees", request_only=True,
                       value={"amount": _eur("1000.00"), "incurred_on": "2026-09-15", "kind": "legal_fees",
                              "note": "Proof of debt filed"}),
        OpenApiExample("Recorded", response_only=True, status_codes=["201"],
                       value={"id": 5, "claim_id": 7, "incurred_on": "2026-09-15", "kind": "legal_fees",
                              "amount": _eur("1000.00"), "note": "Proof of debt filed",
                              "created_at": "2026-09-16T09:00:00Z"}),
    ],
)
class InsurerCollectionCostCreateApi(InsurerClaimPostApi):
    required_permission = "recoveries.record_recovery"

    def handle_post(self, request, claim_id):
        data = InsurerCollectionCostInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        cost = services.record_collection_cost(claim=self.claim, amount=v["amount"], incurred_on=v["incurred_on"],
                                               kind=v["kind"], recorded_by=request.user, note=v["note"])
        return Response(InsurerCollectionCostOutputSerializer(cost).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Record a settlement between insurer and insured",
    description="Never more than the ledger says is owed in that direction." + IDEMPOTENCY_NOTE,
    tags=TAGS, request=InsurerSettlementInputSerializer, responses={201: InsurerSettlementOutputSerializer},
    examples=[
        OpenApiExample("The insurer pays the insured its 500 EUR share", request_only=True,
                       value={"amount": _eur("500.00"), "settled_on": "2026-10-05", "to_insurer": False,
                              "reference": "PAY-2026-0412"}),
        OpenApiExample("Recorded", response_only=True, status_codes=["201"],
                       value={"id": 3, "claim_id": 7, "settled_on": "2026-10-05", "amount": _eur("500.00"),
                              "to_insurer": False, "reference": "PAY-2026-0412",
                              "created_at": "2026-10-05T12:00:00Z"}),
    ],
)
class InsurerSettlementCreateApi(InsurerClaimPostApi):
    required_permission = "recoveries.record_recovery"

    def handle_post(self, request, claim_id):
        data = InsurerSettlementInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        settlement = services.record_settlement(claim=self.claim, amount=v["amount"], settled_on=v["settled_on"],
                                                to_insurer=v["to_insurer"], recorded_by=request.user,
                                                reference=v["reference"])
        return Response(InsurerSettlementOutputSerializer(settlement).data, status=status.HTTP_201_CREATED)


_CASE = {"id": 3, "overdue_id": 12, "claim_id": 7, "buyer": "Late Payer S.p.A.", "agency": "Cobros Madrid SL",
         "status": "payment_plan", "status_note": "12 instalments agreed", "opened_on": "2026-06-01",
         "closed_on": None, "updated_at": "2026-07-02T10:00:00Z"}


@extend_schema(
    summary="Hand the claim's debt to collection, or update its status",
    description=("With no open collection case on the claim's overdue, one is opened (201) with `agency` and, "
                 "if given, `status` and `note`; otherwise the open case's status and latest note are updated "
                 "(200). The insured sees the status and the note." + IDEMPOTENCY_NOTE),
    tags=TAGS, request=InsurerCollectionCaseInputSerializer,
    responses={200: CollectionCaseOutputSerializer, 201: CollectionCaseOutputSerializer},
    examples=[
        OpenApiExample("Open a case", request_only=True, value={"agency": "Cobros Madrid SL"}),
        OpenApiExample("A payment plan was agreed", request_only=True,
                       value={"status": "payment_plan", "note": "12 instalments agreed"}),
        OpenApiExample("The case", response_only=True, status_codes=["200", "201"], value=_CASE),
    ],
)
class InsurerCollectionCaseApi(InsurerClaimPostApi):
    required_permission = "recoveries.manage_collection"

    def handle_post(self, request, claim_id):
        data = InsurerCollectionCaseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        case, opened = services.set_collection_status(claim=self.claim, status=v.get("status", ""), note=v["note"],
                                                      agency=v["agency"], updated_by=request.user)
        code = status.HTTP_201_CREATED if opened else status.HTTP_200_OK
        case = CollectionCase.objects.select_related("overdue__buyer", "claim").get(pk=case.pk)
        return Response(CollectionCaseOutputSerializer(case).data, status=code)
