"""The daily limit review (domain.md, Review): expiries, review dates, grade deterioration.

Set-based: limits are read and written in batches, decisions bulk-created,
history recorded with simple-history's bulk helpers. Idempotent: a second run
on the same day finds nothing left to change and notifies no one.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from core import notifications
from limits import exposure_summary
from limits.models import CreditLimit, LimitDecision

# Grade from which a buyer's limits are put under review (domain.md: "worsened to 8 or more").
REVIEW_GRADE = 8
BATCH_SIZE = 1000


@dataclass
class ReviewResult:
    expired: list[int] = field(default_factory=list)
    put_under_review: list[int] = field(default_factory=list)


def _batches(qs, batch_size):
    """Yield lists of limits by ascending pk; each batch is processed then leaves the queryset."""
    last_pk = 0
    while True:
        batch = list(qs.filter(pk__gt=last_pk).select_related("buyer", "policy", "tenant").order_by("pk")[:batch_size])
        if not batch:
            return
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


def expire_limits(*, today: date, batch_size: int = BATCH_SIZE) -> list[CreditLimit]:
    """Limits past their expiry date stop covering shipments made after it."""
    done = []
    due = CreditLimit.objects.filter(state=CreditLimit.State.IN_FORCE, expiry_date__lt=today)
    for batch in _batches(due, batch_size):
        with transaction.atomic():
            LimitDecision.objects.bulk_create(
                _decisions(batch, kind=LimitDecision.Kind.EXPIRED, changes_cover=True, note=_("Expiry date passed."),
                           effective_date_of=lambda limit: limit.expiry_date + timedelta(days=1))
            )
            for limit in batch:
                limit.state = CreditLimit.State.EXPIRED
                limit.under_review = False
                limit.updated_at = timezone.now()
            bulk_update_with_history(batch, CreditLimit, ["state", "under_review", "updated_at"], batch_size=batch_size,
                                     default_change_reason="limit review: expired")
            exposure_summary.record_changes(removed=batch)  # one statement for the batch
        done.extend(batch)
    return done


def flag_limits_for_review(*, today: date, batch_size: int = BATCH_SIZE) -> list[CreditLimit]:
    """Limits whose review date passed or whose buyer is graded 8 or worse go under review."""
    done = []
    due = CreditLimit.objects.filter(state=CreditLimit.State.IN_FORCE, under_review=False).filter(
        Q(review_date__lte=today) | Q(buyer__grade__gte=REVIEW_GRADE)
    )
    for batch in _batches(due, batch_size):
        with transaction.atomic():
            LimitDecision.objects.bulk_create(
                _decisions(batch, kind=LimitDecision.Kind.UNDER_REVIEW, changes_cover=False,
                           note=_("Review date passed or buyer grade worsened."), effective_date_of=lambda limit: today)
            )
            for limit in batch:
                limit.under_review = True
                limit.updated_at = timezone.now()
            bulk_update_with_history(batch, CreditLimit, ["under_review", "updated_at"], batch_size=batch_size,
                                     default_change_reason="limit review: under review")
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


def _emit_expired_webhooks(expired: list[CreditLimit]) -> None:
    from core import webhooks
    from limits.events import decision_payload

    latest = {
        d.limit_id: d
        for d in LimitDecision.objects.filter(limit__in=expired, kind=LimitDecision.Kind.EXPIRED).order_by("pk")
    }
    by_tenant: dict[int, list] = {}
    for limit in expired:
        decision = latest.get(limit.pk)
        if decision is not None:
            by_tenant.setdefault(limit.tenant_id, [limit.tenant, []])[1].append((None, decision_payload(limit, decision)))
    # One endpoint query per tenant, not per limit.
    for tenant, items in by_tenant.values():
        webhooks.emit_many(tenant=tenant, event="limit.expired", items=items)


@transaction.atomic
def run_limit_review(*, today: date | None = None) -> ReviewResult:
    today = today or timezone.localdate()
    expired = expire_limits(today=today)
    flagged = flag_limits_for_review(today=today)
    _notify_per_tenant(expired, event="limit.expired", today=today)
    _notify_per_tenant(flagged, event="limit.under_review", today=today)
    _emit_expired_webhooks(expired)
    return ReviewResult(expired=[limit.pk for limit in expired], put_under_review=[limit.pk for limit in flagged])
