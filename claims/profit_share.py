"""The claims side of the profit share (domain.md, "profit share" term, example 17; policies.premium.profit_share).

Claims sit below policies (style.md, Apps depend one way): this job counts each settled period's claims paid and
reserved in one aggregate query and hands the policies' service the plain amounts.
"""

from datetime import date
from decimal import Decimal

from django.db.models import Case, F, Q, Sum, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from moneyed import Money

from claims.claims.models import Claim
from core.amounts import money_sum_field
from policies.premium.profit_share import credit_profit_share, policies_awaiting_profit_share

# Reserved: claims the insurer still expects to pay, at the amount it expects to pay; once approved that is the
# approved indemnity, before that the calculated one. Drafts are not filed; rejected and withdrawn claims cost
# nothing. A paid claim counts at what was paid.
RESERVED_STATES = (Claim.State.SUBMITTED, Claim.State.INCOMPLETE, Claim.State.COMPLETE, Claim.State.APPROVED)
_MONEY = money_sum_field()


def _paid_and_reserved(claims):
    return claims.values("policy_id").annotate(
        paid=Coalesce(Sum("paid_amount", filter=Q(state=Claim.State.PAID)), Decimal("0"), output_field=_MONEY),
        reserved=Coalesce(Sum(Case(
            When(state=Claim.State.APPROVED, then=F("approved_indemnity")),
            default=F("calculated_indemnity"), output_field=_MONEY,
        ), filter=Q(state__in=RESERVED_STATES)), Decimal("0"), output_field=_MONEY),
    )


def claims_paid_and_reserved(*, policy_ids: list[int]) -> dict[int, tuple[Decimal, Decimal]]:
    """(paid, reserved) per policy, summed in SQL, every period of the policy."""
    rows = _paid_and_reserved(Claim.objects.filter(policy_id__in=policy_ids))
    return {row["policy_id"]: (row["paid"], row["reserved"]) for row in rows}


def period_claims_paid_and_reserved(*, policy, period) -> tuple[Money, Money]:
    """(paid, reserved) of the claims counted in one insurance period (claims.claims.calculation.claims_of_period:
    by the oldest invoice's shipment date), for the loss ratio of the period's renewal offer."""
    from claims.claims.calculation import claims_of_period

    row = _paid_and_reserved(claims_of_period(policy=policy, period=period)).order_by("policy_id").first()
    paid, reserved = (row["paid"], row["reserved"]) if row else (Decimal("0"), Decimal("0"))
    return Money(paid, policy.currency), Money(reserved, policy.currency)


def run_profit_share_job(*, today: date | None = None) -> int:
    """Daily (after the premium job settles ended periods): credit every settled period its profit share once.
    Returns how many periods were credited (a zero credit above the threshold counts: it is the answer)."""
    today = today or timezone.localdate()
    settled = list(policies_awaiting_profit_share())
    if not settled:
        return 0
    from policies.periods.selectors import PeriodSpan, periods_in_order

    # A policy of one period: every claim is that period's, summed for all such policies in one query; a renewed
    # policy's period counts its own claims (by the shipment date: claims.claims.calculation.claims_of_period).
    single = [s.policy_id for s in settled if len(periods_in_order(s.policy)) <= 1]
    totals = claims_paid_and_reserved(policy_ids=single)
    for period in settled:
        currency = period.policy.currency
        if period.policy_id in single:
            paid, reserved = (Money(v, currency) for v in totals.get(period.policy_id, (Decimal("0"), Decimal("0"))))
        else:
            span = PeriodSpan(number=0, start=period.period_start, end=period.period_end)
            paid, reserved = period_claims_paid_and_reserved(policy=period.policy, period=span)
        credit_profit_share(policy=period.policy, claims_paid=paid, claims_reserved=reserved, today=today,
                            period_start=period.period_start)
    return len(settled)
