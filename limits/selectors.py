"""Reads on credit limits, already scoped to the tenant, and cover in force."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, JSONField, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from moneyed import Money

from buyers.selectors import matching_buyer_or_reference
from core.work_queues import WorkQueue
from limits.models import CoverStop, CreditLimit, LimitDecision
from policies.premium.suspension import suspensions_of as premium_suspensions_of


def limits_for_tenant(*, tenant, state: str | None = None) -> QuerySet[CreditLimit]:
    qs = CreditLimit.objects.filter(tenant=tenant).select_related("buyer", "policy")
    return qs.filter(state=state) if state else qs


# The columns a list of limits shows (the API's LimitOutputSerializer): a page of 50 then builds its limits,
# buyers and policies from 20 columns, not the ~70 of the three tables (search text, addresses, terms ...).
LIST_COLUMNS = (
    "id", "tenant", "reference", "state", "currency", "requested_amount", "requested_terms_days", "decided_amount",
    "decided_terms_days", "conditions", "is_discretionary", "under_review", "review_date", "expiry_date",
    "decided_at", "created_at", "policy__number", "buyer__legal_name", "buyer__country",
    "buyer__registration_number", "buyer__grade",
)


def limit_list_for_tenant(*, tenant) -> QuerySet[CreditLimit]:
    """The tenant's limits, newest first, with only the columns a list shows (LIST_COLUMNS); another column
    read from a row costs a query, so a list that shows more names it there."""
    return limits_for_tenant(tenant=tenant).only(*LIST_COLUMNS, "policy", "buyer").order_by("-created_at", "-pk")


def search_limits(*, tenant, q: str = "", state: str | None = None) -> QuerySet[CreditLimit]:
    """The tenant's limits matching `q` (buyer name or identifier, or reference), newest first."""
    # The buyer matches as in the buyer search: every word in its names, case and accents ignored ('muller'
    # finds 'Müller'), or an identifier written with or without separators.
    return matching_buyer_or_reference(limits_for_tenant(tenant=tenant, state=state), q).order_by("-created_at", "-pk")


def limit_with_history(*, tenant, pk: int) -> CreditLimit:
    """One limit of the tenant with its decisions (raises DoesNotExist for another tenant's)."""
    return (
        limits_for_tenant(tenant=tenant)
        .prefetch_related(Prefetch("decisions", queryset=LimitDecision.objects.order_by("created_at", "pk")))
        .get(pk=pk)
    )


def open_cover_stop_exists(*, policy_id: int, buyer_id: int, on: date) -> bool:
    return CoverStop.objects.filter(
        Q(lifted_on__isnull=True) | Q(lifted_on__gt=on), policy_id=policy_id, buyer_id=buyer_id, stopped_from__lte=on
    ).exists()


@dataclass(frozen=True)
class Cover:
    """The cover that applied to a shipment made on a given date."""

    amount: Money
    percentage_of_cover: Decimal
    is_discretionary: bool = False
    stopped: bool = False
    limit_id: int | None = None
    suspended: bool = False  # premium unpaid after its notice (policies.premium.suspension, example 18)
    # Shipped before the policy began or after it ended: after its last period, or from a notice's effective day
    # (the notice moved the end: policies.periods.ending). Earlier shipments stay covered (run-off).
    outside_policy: bool = False


class CoverTimeline:
    """Every cover change on one (policy, buyer), loaded in two queries, answered for any date.

    Claims ask it for each invoice's shipment date without a query per invoice. The percentage of cover is the
    terms' on the shipment date (domain.md, example 14: an endorsement never reaches an earlier shipment); the
    policy's versions are read once per policy object.
    """

    def __init__(self, *, policy, buyer_id: int):
        self.policy = policy
        self.decisions = list(
            LimitDecision.objects.filter(policy=policy, buyer_id=buyer_id, changes_cover=True)
            .select_related("limit")
            .order_by("effective_date", "created_at", "pk")
        )
        self.stops = list(CoverStop.objects.filter(policy=policy, buyer_id=buyer_id))
        self.suspensions = premium_suspensions_of(policy)

    def _zero(self, **kwargs) -> Cover:
        return Cover(amount=Money(0, self.policy.currency), percentage_of_cover=Decimal(0), **kwargs)

    def on(self, shipment_date: date) -> Cover:
        if not self.policy.start_date <= shipment_date <= self.policy.end_date:
            return self._zero(outside_policy=True)
        for stop in self.stops:
            if stop.stopped_from <= shipment_date and (stop.lifted_on is None or stop.lifted_on > shipment_date):
                return self._zero(stopped=True)
        if any(suspension.covers(shipment_date) for suspension in self.suspensions):
            return self._zero(suspended=True)
        latest = None
        for decision in self.decisions:
            if decision.effective_date > shipment_date:
                break
            latest = decision
        if latest is None or latest.amount <= 0:
            return self._zero(limit_id=latest.limit_id if latest else None)
        discretionary = latest.limit.is_discretionary
        return Cover(
            amount=Money(latest.amount, latest.currency),
            percentage_of_cover=self.policy.terms_on(shipment_date).percentage_of_cover(discretionary=discretionary),
            is_discretionary=discretionary,
            limit_id=latest.limit_id,
        )


def cover_in_force(*, policy, buyer, on: date) -> Cover:
    """What amount and percentage of cover applied to shipments to `buyer` under `policy` on `on`.

    Honours reductions and withdrawals from their effective date (domain.md,
    example 5), cover stops after overdues, and discretionary limits.
    """
    return CoverTimeline(policy=policy, buyer_id=buyer.pk).on(on)


def pending_requests() -> QuerySet[CreditLimit]:
    """The underwriters' queue (insurer staff, all tenants)."""
    return (
        CreditLimit.objects.filter(state=CreditLimit.State.PENDING)
        .select_related("buyer", "policy", "tenant")
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class LimitActions:
    can_edit: bool  # edit or cancel the request: the insured's own, while an underwriter has not decided it


def limit_actions(*, limit: CreditLimit, user) -> LimitActions:
    """What `user` may do on the limit's page now; the services refuse the rest all the same."""
    return LimitActions(
        can_edit=limit.state == CreditLimit.State.PENDING and user.has_perm("limits.request_limit"),
    )



def limits_for_insurer() -> QuerySet[CreditLimit]:
    """Every insured's limits (the insurer API and the admin run unscoped)."""
    return CreditLimit.objects.select_related("buyer", "policy", "tenant")


def underwriting_queue() -> QuerySet[CreditLimit]:
    """The pending requests, oldest first, each with the scorecard's suggestion recorded when it was referred.

    The suggestion comes from the request's latest `referred` decision (one subquery, not a scoring per row);
    the live one, on the amount as it stands, is on the request's own page (`suggestion_for`).
    """
    referral = (LimitDecision.objects.filter(limit=OuterRef("pk"), kind=LimitDecision.Kind.REFERRED)
                .order_by("-created_at", "-pk"))
    return pending_requests().annotate(
        referral_result=Subquery(referral.values("scorecard_result")[:1], output_field=JSONField()),
        referred_at=Subquery(referral.values("created_at")[:1]),
    )


def underwriting_queues() -> list[WorkQueue]:
    """The underwriters' queues on the admin home (core.work_queues): requests to decide, limits under review.

    One aggregate over the limits, however many tenants and limits there are.
    """
    pending, review = Q(state=CreditLimit.State.PENDING), Q(state=CreditLimit.State.IN_FORCE, under_review=True)
    row = CreditLimit.objects.aggregate(
        pending=Count("pk", filter=pending), pending_since=Min("created_at", filter=pending),
        review=Count("pk", filter=review), review_since=Min("updated_at", filter=review))
    changelist = reverse("admin:limits_creditlimit_changelist")
    return [
        WorkQueue("limit_requests", _("Limit requests waiting for a decision"), row["pending"], row["pending_since"],
                  reverse("admin:limits_queue")),
        WorkQueue("limits_under_review", _("Limits under review"), row["review"], row["review_since"],
                  f"{changelist}?state__exact={CreditLimit.State.IN_FORCE}&under_review__exact=1"),
    ]
