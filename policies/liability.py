"""The maximum liability per policy period (domain.md, Policy terms): a multiple of the premium due.

Until turnover declarations exist for the period, the premium due is the
minimum premium, the least the insured owes for it; the premium module passes
the declared premium once it is known.
"""

from moneyed import Money

from core.money import quantize_money


def maximum_liability(*, policy, premium_due: Money | None = None) -> Money:
    terms = policy.terms
    premium = terms.minimum_premium
    if premium_due is not None and premium_due > premium:
        premium = premium_due
    return quantize_money(premium * terms.max_liability_multiple)
