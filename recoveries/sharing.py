"""How money recovered after the indemnity is paid is shared (domain.md, Recoveries; example 8).

One pure function, used by the ledger, the statement, the admin and the API.
It works on cumulative totals: the split of everything recovered so far, net of
every collection cost so far. Each new recovery's share is the difference
between two calls, so shares never drift with rounding and costs are borne in
the same proportion as the recoveries they produced.
"""

from dataclasses import dataclass
from decimal import Decimal

from moneyed import Money

from core.money import quantize_money

PRO_RATA = "pro_rata"
INSURER_FIRST = "insurer_first"


@dataclass(frozen=True)
class Split:
    net_recovery: Money
    insurer: Money
    insured: Money


def split_net_recovery(*, recovered: Money, costs: Money, indemnity_paid: Money, percentage_of_cover: Decimal,
                       rule: str) -> Split:
    """Share (recovered - costs) between insurer and insured.

    - pro rata: the insurer takes its percentage of cover;
    - insurer first: the insurer takes everything up to what it paid, the excess goes to the insured.
    The insurer never keeps more than it paid. Costs above the recoveries leave nothing to share
    (no negative share). Rounded once, half up; the insured's share is the rest, so the two always
    add up to the net recovery exactly.
    """
    currency = str(recovered.currency)
    for value in (costs, indemnity_paid):
        if str(value.currency) != currency:
            raise ValueError("recoveries, costs and the indemnity must be in one currency")
    if recovered.amount < 0 or costs.amount < 0 or indemnity_paid.amount < 0:
        raise ValueError("amounts must not be negative")
    if not Decimal(0) <= percentage_of_cover <= Decimal(100):
        raise ValueError("percentage of cover must be within 0-100")
    zero = Money(0, currency)
    net = recovered - costs
    if net.amount <= 0:
        return Split(net_recovery=zero, insurer=zero, insured=zero)
    if rule == INSURER_FIRST:
        insurer = net
    elif rule == PRO_RATA:
        insurer = quantize_money(net * percentage_of_cover / Decimal(100))
    else:
        raise ValueError(f"unknown recovery sharing rule {rule!r}")
    insurer = min(insurer, indemnity_paid)
    return Split(net_recovery=net, insurer=insurer, insured=net - insurer)
