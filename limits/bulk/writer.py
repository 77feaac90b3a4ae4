"""Resolved limit requests written in bulk: the same rows `request_limit` writes, a batch at a time.

For a request the matrix decides (limits.services.requests), the single path writes: the limit (pending,
then decided: two history rows, '+' and '~'), the limit it replaces marked superseded (one history row),
the decision (approved, automatic; or referred), and for a decision the `limit.decided` webhook; no
notice (an import sends one summary). Here the same rows are written with one insert or update per kind
for the whole batch, and the decision is taken by the same rule: the same cover-stop check and
`automatic_ceiling`, asked once per grade and currency instead of once per row.

Rows on a policy the active scorecard covers go through `request_limit` one by one: the scorecard reads
the insurer's exposure on the buyer, which earlier rows of the batch change, so only the single path gives
the same answers in the same order. A batch whose insert collides with a concurrent request (a unique
constraint) is written again row by row the same way, so a race refuses one row, not the batch.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from core import webhooks
from core.exceptions import DomainError
from core.imports import bulk
from core.imports.history import copy_history
from limits import exposure_summary
from limits.bulk.importer import _service_error
from limits.bulk.rows import PreviewRow, RowError
from limits.events import decision_payload
from limits.models import CoverStop, CreditLimit, LimitDecision
from limits.scorecard.inputs import scorecard_for
from limits.services import request_limit
from limits.services.requests import automatic_ceiling

Kind = LimitDecision.Kind
State = CreditLimit.State


@dataclass
class BatchOutcome:
    created: int = 0
    decided: int = 0
    referred: int = 0
    errors: list[RowError] = field(default_factory=list)
    limit_ids: list[int] = field(default_factory=list)


class ScorecardPolicies:
    """Which of the tenant's policies the active scorecard decides on, asked once per policy per job."""

    def __init__(self):
        self._answers: dict[int, bool] = {}

    def covers(self, policy_id: int) -> bool:
        if policy_id not in self._answers:
            self._answers[policy_id] = scorecard_for(policy_id=policy_id) is not None
        return self._answers[policy_id]


def write_batch(*, tenant, requested_by, rows: list[PreviewRow], today: date,
                scorecards: ScorecardPolicies) -> BatchOutcome:
    """Create the batch's valid requests; call inside the batch's transaction."""
    outcome = BatchOutcome()
    single = [row for row in rows if scorecards.covers(row.policy.pk)]
    matrix = [row for row in rows if not scorecards.covers(row.policy.pk)]
    if matrix:
        try:
            with transaction.atomic():
                _write_matrix_rows(tenant=tenant, requested_by=requested_by, rows=matrix, today=today,
                                   outcome=outcome)
        except IntegrityError:
            # A concurrent request took a pair (or a reference) meanwhile: the single path refuses that row alone.
            outcome.created = outcome.decided = outcome.referred = 0
            outcome.limit_ids = []
            single = rows
    if single:
        _write_one_by_one(tenant=tenant, requested_by=requested_by, rows=single, today=today, outcome=outcome)
    return outcome


def _write_one_by_one(*, tenant, requested_by, rows, today, outcome: BatchOutcome) -> None:
    for row in rows:
        try:
            with transaction.atomic():
                result = request_limit(
                    tenant=tenant, requested_by=requested_by, policy=row.policy, buyer=row.buyer, amount=row.amount,
                    terms_days=row.terms_days, reference=row.reference, today=today, notify_insured=False,
                )
        except DomainError as exc:
            outcome.errors.append(_service_error(row, exc))
            continue
        outcome.created += 1
        outcome.limit_ids.append(result.limit.pk)
        if result.decided:
            outcome.decided += 1
        else:
            outcome.referred += 1


def _stopped_pairs(pairs: set[tuple[int, int]], today: date) -> set[tuple[int, int]]:
    """The pairs with a cover stop open today (the single path asks open_cover_stop_exists per request)."""
    return set(
        CoverStop.objects.filter(Q(lifted_on__isnull=True) | Q(lifted_on__gt=today), stopped_from__lte=today,
                                 policy_id__in={p for p, _b in pairs}, buyer_id__in={b for _p, b in pairs})
        .values_list("policy_id", "buyer_id")
    ) & pairs


def _current_limits(pairs: set[tuple[int, int]]) -> dict[tuple[int, int], CreditLimit]:
    """The limits in force the requests would replace, locked as the single path locks each."""
    found = (CreditLimit.objects.select_for_update()
             .filter(state=State.IN_FORCE, policy_id__in={p for p, _b in pairs}, buyer_id__in={b for _p, b in pairs})
             .order_by("pk"))
    current: dict[tuple[int, int], CreditLimit] = {}
    for limit in found:
        if (limit.policy_id, limit.buyer_id) in pairs:
            current.setdefault((limit.policy_id, limit.buyer_id), limit)
    return current


class _Ceilings:
    """`automatic_ceiling` once per (buyer status and grade, currency): the matrix reads nothing else of the buyer."""

    def __init__(self, today: date):
        self.today, self._known = today, {}

    def approves(self, row: PreviewRow) -> bool:
        buyer, currency = row.buyer, row.policy.currency
        key = (buyer.status, buyer.grade, currency)
        if key not in self._known:
            self._known[key] = automatic_ceiling(buyer=buyer, currency=currency, on=self.today)
        ceiling = self._known[key]
        return ceiling is not None and row.amount.amount <= ceiling.amount


def _write_matrix_rows(*, tenant, requested_by, rows: list[PreviewRow], today: date, outcome: BatchOutcome) -> None:
    pairs = {(row.policy.pk, row.buyer.pk) for row in rows}
    stopped, current, ceilings = _stopped_pairs(pairs, today), _current_limits(pairs), _Ceilings(today)
    now = timezone.now()
    limits, approved = [], []
    for row in rows:
        pair = (row.policy.pk, row.buyer.pk)
        fields = dict(
            tenant=tenant, policy=row.policy, buyer=row.buyer, reference=row.reference, currency=row.policy.currency,
            requested_amount=row.amount.amount, requested_terms_days=row.terms_days, supersedes=current.get(pair),
            requested_by=requested_by, created_at=now, updated_at=now,
        )
        # Decided first, so each limit is one instance (it used to be made pending, then again in force).
        if pair not in stopped and ceilings.approves(row):
            limit = CreditLimit(state=State.IN_FORCE, decided_amount=row.amount.amount,
                                decided_terms_days=row.terms_days, decided_at=now, **fields)
            approved.append(limit)
        else:
            limit = CreditLimit(state=State.PENDING, **fields)
        limits.append(limit)
    replaced = [limit.supersedes for limit in approved if limit.supersedes is not None]
    if replaced:
        # Before the new limits go in: one limit in force per policy and buyer, also in the database.
        CreditLimit.objects.filter(pk__in=[limit.pk for limit in replaced]).update(
            state=State.SUPERSEDED, under_review=False, updated_at=now)
        for limit in replaced:
            limit.state, limit.under_review, limit.updated_at = State.SUPERSEDED, False, now
    bulk.insert(CreditLimit, limits)  # COPY on PostgreSQL
    exposure_summary.record_changes(added=approved, removed=replaced)  # one statement for the batch
    new_ids = [limit.pk for limit in limits]
    # History as the single path's saves record it: '+' pending for every new limit, then '~' for each limit
    # decided and each limit it replaced, copied from the rows just written (no model instance per row).
    _copy_history(new_ids, history_type="+", when=now, user=requested_by, as_pending=True)
    _copy_history([limit.pk for limit in [*replaced, *approved]], history_type="~", when=now, user=requested_by)
    decided = [limit.state == State.IN_FORCE for limit in limits]
    decision_ids = bulk.insert_rows(LimitDecision, _DECISION_COLUMNS, [
        _decision(limit, today=today, approved=is_approved) for limit, is_approved in zip(limits, decided, strict=True)])
    _announce(tenant, [(limit, _Decided(pk=pk, amount=limit.requested_amount, currency=limit.currency,
                                        effective_date=today))
                       for limit, pk, is_approved in zip(limits, decision_ids, decided, strict=True) if is_approved])
    outcome.created += len(limits)
    outcome.decided += len(approved)
    outcome.referred += len(limits) - len(approved)
    outcome.limit_ids.extend(new_ids)


# A limit's state before its decision, as the pending request's first save recorded it.
_PENDING_SNAPSHOT = {"state": "%s", "decided_amount": "NULL", "decided_terms_days": "NULL", "decided_at": "NULL"}


def _copy_history(ids: list[int], *, history_type: str, when, user, as_pending: bool = False) -> None:
    """One INSERT ... SELECT of the limits' history rows (simple-history's columns), whatever their number."""
    copy_history(CreditLimit, ids, history_type=history_type, when=when, user=user,
                 overrides=_PENDING_SNAPSHOT if as_pending else None,
                 override_params=[State.PENDING] if as_pending else ())


# A decision as record_decision writes it, as a tuple of these columns (no model instance: bulk.insert_rows);
# the other columns take their defaults (no note, conditions or scorecard; decided by no one; created now).
_DECISION_COLUMNS = ("tenant_id", "limit_id", "policy_id", "buyer_id", "kind", "amount", "currency", "effective_date",
                     "changes_cover", "reason_codes", "automatic", "scorecard_result")


def _decision(limit: CreditLimit, *, today: date, approved: bool) -> tuple:
    # An automatic approval changes cover, a referral leaves it.
    return (limit.tenant_id, limit.pk, limit.policy_id, limit.buyer_id, Kind.APPROVED if approved else Kind.REFERRED,
            limit.requested_amount if approved else Decimal(0), limit.currency, today, approved, [], approved, {})


@dataclass(frozen=True)
class _Decided:
    """What `decision_payload` reads of an automatic approval just written (its other fields are the defaults)."""

    pk: int
    amount: Decimal
    currency: str
    effective_date: date
    kind: str = Kind.APPROVED
    reason_codes: list = field(default_factory=list)
    note: str = ""
    conditions: str = ""


def _announce(tenant, decided: list[tuple[CreditLimit, _Decided]]) -> None:
    """The `limit.decided` webhook of every decision, with the event id announce_decision gives it."""
    if decided:
        webhooks.emit_many(tenant=tenant, event="limit.decided", items=[
            (str(uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:limit-decision:{decision.pk}")),
             decision_payload(limit, decision))
            for limit, decision in decided
        ])
