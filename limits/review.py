"""The daily limit review (domain.md, Review): expiries, review dates, grade deterioration.

Set-based: limits are read in batches of 1,000; each batch is one UPDATE (every limit of a batch gets the same
values), its decisions one COPY on PostgreSQL and its history one INSERT ... SELECT. Django's `bulk_update` (one
CASE per row and column) and simple-history's instance-per-row history had cost ~3.5 ms a limit changed
(bench/RESULTS.md, "Limit review job"). Idempotent: a second run on the same day finds nothing left to change and
notifies no one.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Tenant
from core import notifications
from core.imports.bulk import insert
from core.imports.history import copy_history
from limits import exposure_summary
from limits.models import CreditLimit, LimitDecision
from policies.models import Policy

# Grade from which a buyer's limits are put under review (domain.md: "worsened to 8 or more").
REVIEW_GRADE = 8
BATCH_SIZE = 1000


@dataclass
class ReviewResult:
    expired: list[int] = field(default_factory=list)
    put_under_review: list[int] = field(default_factory=list)


def _batches(qs, batch_size):
    """Yield lists of limits by ascending pk; each batch is processed then leaves the queryset.

    Only the buyer is joined: the few policies and insureds of a run are read once and shared by their limits,
    instead of a policy and a tenant instance built for every row."""
    last_pk = 0
    shared: dict[type, dict] = {Policy: {}, Tenant: {}}
    while True:
        batch = list(qs.filter(pk__gt=last_pk).select_related("buyer").order_by("pk")[:batch_size])
        if not batch:
            return
        for model, relation in ((Policy, "policy"), (Tenant, "tenant")):
            known = shared[model]
            missing = {getattr(limit, f"{relation}_id") for limit in batch} - known.keys()
            if missing:
                known.update(model.objects.in_bulk(missing))
            for limit in batch:
                setattr(limit, relation, known[getattr(limit, f"{relation}_id")])
        yield batch
        last_pk = batch[-1].pk


def _decisions(batch, *, kind, effective_date_of, changes_cover, note):
    return [
        LimitDecision(
            tenant_id=limit.tenant_id, limit=limit, policy_id=limit.policy_id, buyer_id=limit.buyer_id, kind=kind,
            amount=0 if changes_cover else (limit.decided_amount or 0), currency=limit.currency,
            effective_date=effective_date_of(limit), changes_cover=changes_cover, note=note,
        )
        for limit in batch
    ]


def _mark(batch: list[CreditLimit], *, reason: str, **values) -> None:
    """Set `values` on every limit of the batch with one UPDATE, and record each change in its history."""
    now = timezone.now()
    ids = [limit.pk for limit in batch]
    CreditLimit.objects.filter(pk__in=ids).update(updated_at=now, **values)
    for limit in batch:
        limit.updated_at = now
        for name, value in values.items():
            setattr(limit, name, value)
    copy_history(CreditLimit, ids, history_type="~", when=now, user=None, change_reason=reason)


def expire_limits(*, today: date, batch_size: int = BATCH_SIZE) -> list[tuple[CreditLimit, LimitDecision]]:
    """Limits past their expiry date stop covering shipments made after it; each with its expiry decision."""
    done = []
    due = CreditLimit.objects.filter(state=CreditLimit.State.IN_FORCE, expiry_date__lt=today)
    for batch in _batches(due, batch_size):
        with transaction.atomic():
            decisions = _decisions(batch, kind=LimitDecision.Kind.EXPIRED, changes_cover=True,
                                   note=_("Expiry date passed."),
                                   effective_date_of=lambda limit: limit.expiry_date + timedelta(days=1))
            insert(LimitDecision, decisions)
            _mark(batch, reason="limit review: expired", state=CreditLimit.State.EXPIRED, under_review=False)
            exposure_summary.record_changes(removed=batch)  # one statement for the batch
        done.extend(zip(batch, decisions, strict=True))
    return done


def flag_limits_for_review(*, today: date, batch_size: int = BATCH_SIZE) -> list[CreditLimit]:
    """Limits whose review date passed or whose buyer is graded 8 or worse go under review."""
    done = []
    due = CreditLimit.objects.filter(state=CreditLimit.State.IN_FORCE, under_review=False).filter(
        Q(review_date__lte=today) | Q(buyer__grade__gte=REVIEW_GRADE)
    )
    for batch in _batches(due, batch_size):
        with transaction.atomic():
            insert(LimitDecision, _decisions(batch, kind=LimitDecision.Kind.UNDER_REVIEW, changes_cover=False,
                                             note=_("Review date passed or buyer grade worsened."),
                                             effective_date_of=lambda limit: today))
            _mark(batch, reason="limit review: under review", under_review=True)
        done.extend(batch)
    return done


def _notify_per_tenant(limits: list[CreditLimit], *, event: str, today: date) -> None:
    by_tenant: dict[int, list[CreditLimit]] = {}
    for limit in limits:
        by_tenant.setdefault(limit.tenant_id, []).append(limit)
    for tenant_limits in by_tenant.values():
        ids = ",".join(str(limit.pk) for limit in tenant_limits)
        # The same limits on the same day notify once, however often the job runs.
        key = f"{event}:{today.isoformat()}:{hashlib.sha256(ids.encode()).hexdigest()[:16]}"
        lines = [
            notifications.message("limit.review_line", buyer=limit.buyer.legal_name, policy=limit.policy.number,
                                  amount=notifications.money_param(limit.decided_amount, limit.currency))
            for limit in tenant_limits
        ]
        notifications.notify(
            tenant=tenant_limits[0].tenant, event=event, dedup_key=key,
            subject=notifications.message(event, n=len(tenant_limits)), body=lines, link="/limits/",
            role="Credit manager",
        )


def _emit_expired_webhooks(expired: list[tuple[CreditLimit, LimitDecision]]) -> None:
    from core import webhooks
    from limits.events import decision_payload

    # The decisions written by the job itself: no re-read of them by an IN list of every expired limit.
    by_tenant: dict[int, list] = {}
    for limit, decision in expired:
        by_tenant.setdefault(limit.tenant_id, [limit.tenant, []])[1].append((None, decision_payload(limit, decision)))
    # One endpoint query per tenant, not per limit.
    for tenant, items in by_tenant.values():
        webhooks.emit_many(tenant=tenant, event="limit.expired", items=items)


@transaction.atomic
def run_limit_review(*, today: date | None = None) -> ReviewResult:
    today = today or timezone.localdate()
    expired = expire_limits(today=today)
    flagged = flag_limits_for_review(today=today)
    _notify_per_tenant([limit for limit, _decision in expired], event="limit.expired", today=today)
    _notify_per_tenant(flagged, event="limit.under_review", today=today)
    _emit_expired_webhooks(expired)
    return ReviewResult(expired=[limit.pk for limit, _decision in expired],
                        put_under_review=[limit.pk for limit in flagged])
