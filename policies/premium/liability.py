"""The maximum liability per policy period (domain.md, Policy terms): a multiple of the premium due.

The premium due for the period is the larger of the minimum premium (the
least the insured owes for it) and the premium declared so far on turnover
(policies.premium.calculation and selectors); callers that already know it pass `premium_due`.
"""

from datetime import date

from moneyed import Money

from core.money import quantize_money


def maximum_liability(*, policy, premium_due: Money | None = None, on: date | None = None) -> Money:
    """`on`: the day whose multiple applies (a claim's date of loss); by default the period's end, when the minimum
    premium is settled."""
    terms = policy.terms_on(on or policy.end_date)
    if premium_due is None:
        from policies.premium.selectors import declared_premium

        premium_due = declared_premium(policy=policy)
    # The minimum premium is the period's end's, as the settlement reads it.
    premium = policy.terms_on(policy.end_date).minimum_premium
    if premium_due > premium:
        premium = premium_due
    return quantize_money(premium * terms.max_liability_multiple)
