"""Profit share, a no-claims bonus (issue 10, item 6; domain.md, "profit share" term, example 17).

At the end of a policy period whose loss ratio is at or below `profit_share_loss_ratio_percent`, the insured is
credited `profit_share_percent` x (premium earned - claims paid and reserved), as a "profit share credit" on its
premium statement (a PremiumInvoice of that kind, which the statement subtracts).

- Premium earned: the period's settled premium due (PeriodPremium.premium_due: declared premium raised to the
  minimum), so the share is only computed once the premium job has settled the period.
- Claims paid and reserved: counted by the claims app, which sits below this one and passes plain amounts
  (claims.tasks.credit_profit_shares): paid = what was paid on the period's claims; reserved = what is still
  expected to be paid on open claims (submitted, incomplete, complete, approved), at the approved indemnity if
  approved, else the calculated one.
- The terms are those in force on the period's last day (the day the share is earned).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from moneyed import Money

from core.money import quantize_money
from policies.models import Policy
from policies.premium.invoices import raise_invoice
from policies.premium.models import PeriodPremium, PremiumInvoice

HUNDRED = Decimal("100")


@dataclass(frozen=True)
class ProfitShare:
    loss_ratio_percent: Decimal  # (paid + reserved) / premium earned, in %, shown to two places
    credit: Money  # zero above the threshold


def profit_share(*, premium_earned: Money, claims_paid: Money, claims_reserved: Money, share_percent: Decimal,
                 loss_ratio_threshold_percent: Decimal) -> ProfitShare:
    """Example 17: 20% at <= 40%, premium 50,000, claims 10,000 -> ratio 20%, credit 8,000; claims 25,000 -> 50%
    -> no credit. No premium earned, no ratio to speak of: no credit."""
    zero = Money(0, premium_earned.currency)
    claims = claims_paid + claims_reserved
    if premium_earned.amount <= 0:
        return ProfitShare(loss_ratio_percent=Decimal("0"), credit=zero)
    ratio = (claims.amount * HUNDRED / premium_earned.amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    # The threshold is compared unrounded: 40.001% is above 40%, though shown as 40.00.
    above = claims.amount * HUNDRED > loss_ratio_threshold_percent * premium_earned.amount
    if above or share_percent <= 0 or claims >= premium_earned:
        return ProfitShare(loss_ratio_percent=ratio, credit=zero)
    credit = quantize_money((premium_earned - claims) * (share_percent / HUNDRED))
    return ProfitShare(loss_ratio_percent=ratio, credit=credit)


def policies_awaiting_profit_share():
    """Settled periods with no credit raised yet (the job's work list); only periods invoiced here (they have a
    deposit), not those settled before premium invoices existed."""
    from django.db.models import Exists, OuterRef

    deposits = PremiumInvoice.objects.filter(kind=PremiumInvoice.Kind.DEPOSIT).values("policy_id")
    # Each insurance period has its own profit share (domain.md, The policy's life).
    credited = PremiumInvoice.objects.filter(policy_id=OuterRef("policy_id"), period_start=OuterRef("period_start"),
                                             kind=PremiumInvoice.Kind.PROFIT_SHARE_CREDIT)
    return (PeriodPremium.objects.filter(policy__in=deposits).exclude(Exists(credited))
            .select_related("policy", "policy__tenant").prefetch_related("policy__terms_versions", "policy__periods")
            .order_by("pk"))


@transaction.atomic
def credit_profit_share(*, policy: Policy, claims_paid: Money, claims_reserved: Money,
                        today: date, period_start: date | None = None) -> tuple[ProfitShare, PremiumInvoice | None]:
    """Credit the insurance period's profit share (the one from `period_start`, the first by default) once it is
    settled; running it again credits nothing more. A period above the threshold gets a credit of nothing, so the
    statement says so and the job does not ask again."""
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    settled = PeriodPremium.objects.filter(policy=policy, period_start=period_start or policy.start_date).first()
    if settled is None:
        return ProfitShare(loss_ratio_percent=Decimal("0"), credit=Money(0, policy.currency)), None
    terms = policy.terms_on(settled.period_end)
    share = profit_share(premium_earned=settled.money("premium_due"), claims_paid=claims_paid,
                         claims_reserved=claims_reserved, share_percent=terms.profit_share_percent,
                         loss_ratio_threshold_percent=terms.profit_share_loss_ratio_percent)
    invoice, _created = raise_invoice(policy=policy, kind=PremiumInvoice.Kind.PROFIT_SHARE_CREDIT,
                                      period_start=settled.period_start, period_end=settled.period_end,
                                      amount=share.credit, issued_on=today, due_on=today)
    return share, invoice
