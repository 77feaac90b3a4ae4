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


def claims_paid_and_reserved(*, policy_ids: list[int]) -> dict[int, tuple[Decimal, Decimal]]:
    """(paid, reserved) per policy, summed in SQL. The policy period is the policy's (renewal periods count
    separately once a policy has several)."""
    rows = (
        Claim.objects.filter(policy_id__in=policy_ids).values("policy_id").annotate(
            paid=Coalesce(Sum("paid_amount", filter=Q(state=Claim.State.PAID)), Decimal("0"), output_field=_MONEY),
            reserved=Coalesce(Sum(Case(
                When(state=Claim.State.APPROVED, then=F("approved_indemnity")),
                default=F("calculated_indemnity"), output_field=_MONEY,
            ), filter=Q(state__in=RESERVED_STATES)), Decimal("0"), output_field=_MONEY),
        )
    )
    return {row["policy_id"]: (row["paid"], row["reserved"]) for row in rows}


def run_profit_share_job(*, today: date | None = None) -> int:
    """Daily (after the premium job settles ended periods): credit every settled period its profit share once.
    Returns how many periods were credited (a zero credit above the threshold counts: it is the answer)."""
    today = today or timezone.localdate()
    settled = list(policies_awaiting_profit_share())
    if not settled:
        return 0
    totals = claims_paid_and_reserved(policy_ids=[s.policy_id for s in settled])
    for period in settled:
        currency = period.policy.currency
        paid, reserved = totals.get(period.policy_id, (Decimal("0"), Decimal("0")))
        credit_profit_share(policy=period.policy, claims_paid=Money(paid, currency),
                            claims_reserved=Money(reserved, currency), today=today)
    return len(settled)
