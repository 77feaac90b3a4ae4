"""The maximum liability per policy period (domain.md, Policy terms): a multiple of the premium due.

The premium due for the period is the larger of the minimum premium (the
least the insured owes for it) and the premium declared so far on turnover
(policies.premium.calculation and selectors); callers that already know it pass `premium_due`.
"""

from datetime import date

from moneyed import Money

from core.money import quantize_money


def maximum_liability(*, policy, premium_due: Money | None = None, on: date | None = None) -> Money:
    """The maximum liability of the insurance period of `on` (the day whose multiple applies: a claim's date of loss
    clamped into its period); by default the last period's end, when its minimum premium is settled. Each period
    has its own (domain.md, example 15), from the premium due for that period."""
    from policies.periods.selectors import period_on

    period = period_on(policy, on or policy.end_date)
    terms = policy.terms_on(on or period.end)
    if premium_due is None:
        from policies.premium.selectors import declared_premium

        premium_due = declared_premium(policy=policy, period=period)
    # The minimum premium is the period's end's, as the settlement reads it.
    premium = policy.terms_on(period.end).minimum_premium
    if premium_due > premium:
        premium = premium_due
    return quantize_money(premium * terms.max_liability_multiple)
