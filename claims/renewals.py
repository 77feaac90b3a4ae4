"""The renewal job (issue 10, item 3; domain.md, The policy's life): each day, every period whose renewal offer days
have begun (policies.deadlines.renewal_offer_from) gets its offer, informed by the period's loss ratio.

The loss ratio is the claims side's to count (claims sit below policies: style.md, Apps depend one way), as the
profit share's is: (claims paid + reserved) / premium earned, by the profit share's own arithmetic
(policies.premium.profit_share.profit_share). The beat task writes one outbox message per period due, in one
transaction; each message offers once (a period has one offer: RenewalOffer.period is one-to-one and
offer_renewal returns None when it exists), so a job run twice or a message sent twice offers once.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from claims.profit_share import period_claims_paid_and_reserved
from core import outbox
from policies.periods import services as periods
from policies.periods.models import InsurancePeriod
from policies.periods.selectors import PeriodSpan, periods_due_for_offer, premium_earned
from policies.premium.profit_share import profit_share

OFFER_TASK = "policies.offer_renewal"


@outbox.outbox_handler(OFFER_TASK)
def offer_renewal_of(*, period_id: int, today: str) -> None:
    period = InsurancePeriod.objects.select_related("policy").filter(pk=period_id).first()
    if period is None:
        return
    policy, span = period.policy, PeriodSpan(number=period.number, start=period.start, end=period.end, id=period.pk)
    paid, reserved = period_claims_paid_and_reserved(policy=policy, period=span)
    share = profit_share(premium_earned=premium_earned(policy=policy, period=span), claims_paid=paid,
                         claims_reserved=reserved, share_percent=0, loss_ratio_threshold_percent=0)
    periods.offer_renewal(period=period, loss_ratio_percent=share.loss_ratio_percent,
                          today=date.fromisoformat(today))


@transaction.atomic
def run_renewal_job(*, today: date | None = None) -> dict:
    """Daily (Celery beat): queue an offer for each period due, then close ended periods and set policy statuses.
    Idempotent: a period with an offer is no longer due."""
    today = today or timezone.localdate()
    due = periods_due_for_offer(today=today)
    for period in due:
        outbox.enqueue(task_name=OFFER_TASK, payload={"period_id": period.pk, "today": today.isoformat()})
    ended = periods.run_period_end_job(today=today)
    return {"offers_queued": len(due), **ended}
