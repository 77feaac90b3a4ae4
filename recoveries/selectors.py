"""Reads on recoveries a tenant's user can reach, scoped to the tenant.

The list of claims carries its ledger totals as subquery annotations (one query
whatever the number of claims); one claim's statement uses recoveries.ledger.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from moneyed import Money

from claims.claims.models import Claim
from core.amounts import money_sum_field
from recoveries.ledger import RecoveryLedger, build_ledger, claim_percentage_of_cover, who_owes_whom
from recoveries.models import CollectionCase, CollectionCost, Recovery, Settlement
from recoveries.sharing import Split, split_net_recovery

_AMOUNT = money_sum_field()


def _total(queryset) -> Coalesce:
    """Sum of `amount` of the rows of one claim, as a subquery (0 when there are none)."""
    rows = queryset.filter(claim=OuterRef("pk")).order_by().values("claim")
    total = rows.annotate(total=Sum("amount")).values("total")[:1]
    return Coalesce(Subquery(total, output_field=_AMOUNT), Value(Decimal("0")), output_field=_AMOUNT)


def _latest_case(field: str):
    # A case may be opened on the overdue before the claim is filed: it is still this debt's collection.
    cases = CollectionCase.objects.filter(overdue=OuterRef("overdue_id")).order_by("-opened_on", "-pk")
    return Subquery(cases.values(field)[:1])


def claims_with_recoveries(*, tenant) -> QuerySet[Claim]:
    """The tenant's paid claims and claims with recoveries, each annotated with its ledger totals."""
    after = Recovery.objects.filter(phase=Recovery.Phase.AFTER_PAYMENT)
    direct = Q(source=Recovery.Source.INSURED_DIRECT)
    return (
        Claim.objects.filter(tenant=tenant)
        .filter(Q(state=Claim.State.PAID) | Exists(Recovery.objects.filter(claim=OuterRef("pk"))))
        .select_related("policy", "buyer")
        .prefetch_related("policy__terms_versions")  # each claim's sharing rule, on its date of loss
        .annotate(
            total_before_payment=_total(Recovery.objects.filter(phase=Recovery.Phase.BEFORE_PAYMENT)),
            total_by_insurer=_total(after.exclude(direct)),
            total_by_insured=_total(after.filter(direct)),
            total_costs=_total(CollectionCost.objects.all()),
            total_to_insurer=_total(Settlement.objects.filter(to_insurer=True)),
            total_to_insured=_total(Settlement.objects.filter(to_insurer=False)),
            collection_status=_latest_case("status"),
            collection_case_id=_latest_case("pk"),
        )
        .order_by("-paid_on", "-pk")
    )


@dataclass(frozen=True)
class RecoverySummary:
    """One row of the recoveries list: the ledger's totals without its lines."""

    claim: Claim
    currency: str
    indemnity_paid: Money
    recovered_before_payment: Money
    recovered: Money
    costs: Money
    split: Split
    insured_owes_insurer: Money
    insurer_owes_insured: Money
    collection_status: str | None

    @property
    def collection_status_display(self) -> str:
        return CollectionCase.Status(self.collection_status).label if self.collection_status else ""


def summarize(claim: Claim) -> RecoverySummary:
    """Totals of a claim from `claims_with_recoveries`: no query.

    The same split and balance as recoveries.ledger.build_ledger, from the query's totals.
    """
    cur = claim.currency
    by_insurer, by_insured = Money(claim.total_by_insurer, cur), Money(claim.total_by_insured, cur)
    costs = Money(claim.total_costs, cur)
    to_insurer, to_insured = Money(claim.total_to_insurer, cur), Money(claim.total_to_insured, cur)
    paid = Money(claim.paid_amount or 0, cur)
    split = split_net_recovery(recovered=by_insurer + by_insured, costs=costs, indemnity_paid=paid,
                               percentage_of_cover=claim_percentage_of_cover(claim),
                               rule=claim.terms_at_loss.recovery_sharing)
    insured_owes, insurer_owes = who_owes_whom(split=split, by_insurer=by_insurer, by_insured=by_insured,
                                               costs=costs, to_insurer=to_insurer, to_insured=to_insured)
    return RecoverySummary(
        claim=claim, currency=cur, indemnity_paid=paid, recovered_before_payment=Money(claim.total_before_payment, cur),
        recovered=by_insurer + by_insured, costs=costs, split=split, insured_owes_insurer=insured_owes,
        insurer_owes_insured=insurer_owes, collection_status=claim.collection_status,
    )


@dataclass(frozen=True)
class RecourseStatement:
    claim: Claim
    ledger: RecoveryLedger
    collection_cases: list[CollectionCase]


def claim_of_tenant(*, tenant, claim_id: int) -> Claim:
    """DoesNotExist outside the tenant."""
    return Claim.objects.filter(tenant=tenant).select_related("policy", "buyer", "overdue").get(pk=claim_id)


def ledger_for(*, tenant, claim_id: int) -> RecourseStatement:
    """A claim's recourse statement: its ledger and its collection cases. Claim.DoesNotExist outside the tenant."""
    claim = claim_of_tenant(tenant=tenant, claim_id=claim_id)
    return RecourseStatement(claim=claim, ledger=build_ledger(claim=claim),
                             collection_cases=list(collection_cases_of(claim)))


def recoveries_of_claim(*, tenant, claim_id: int) -> QuerySet[Recovery]:
    return Recovery.objects.filter(tenant=tenant, claim_id=claim_id).order_by("received_on", "pk")


def collection_cases_of(claim: Claim) -> QuerySet[CollectionCase]:
    """The collection cases of a claim's debt, newest first: a case may be opened on the overdue before the
    claim was filed, and it is still this debt's collection. The claim is the caller's to reach (the tenant's
    own, or any submitted claim on the insurer side)."""
    return (CollectionCase.objects.filter(overdue_id=claim.overdue_id)
            .select_related("overdue__buyer", "claim").order_by("-opened_on", "-pk"))


def collection_cases_for_tenant(*, tenant, status: str | None = None) -> QuerySet[CollectionCase]:
    """The tenant's collection cases, newest first; the insured sees their status and latest note."""
    qs = (CollectionCase.objects.filter(tenant=tenant)
          .select_related("overdue__buyer", "claim").order_by("-opened_on", "-pk"))
    return qs.filter(status=status) if status else qs

