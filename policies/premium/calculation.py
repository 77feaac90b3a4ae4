"""Premium arithmetic and declaration periods (domain.md, Premium and example 10). Pure: no database.

Declaration periods are calendar months (or quarters) clipped to the policy
period: a policy starting on 15 March has a first period 15-31 March. The
premium period is the policy period itself; the minimum premium applies to it.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from moneyed import Money

from core.money import quantize_money

MONTHLY = "monthly"
QUARTERLY = "quarterly"
_MONTHS_PER_PERIOD = {MONTHLY: 1, QUARTERLY: 3}


@dataclass(frozen=True)
class DeclarationPeriod:
    start: date
    end: date
    frequency: str = MONTHLY

    @property
    def label(self) -> str:
        if self.frequency == QUARTERLY:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"

    def has_ended(self, today: date) -> bool:
        return self.end < today


def premium_for(turnover: Money, rate_percent: Decimal) -> Money:
    """Turnover x rate, rounded once half up to the currency's minor unit (example 10: 1,000,000 at 0.25% -> 2,500)."""
    return quantize_money(turnover * Decimal(rate_percent) / Decimal(100))


def period_premium(declared: Money, minimum: Money) -> tuple[Money, Money]:
    """(premium due, adjustment) at the end of the period: the premium is raised to the minimum (example 10)."""
    adjustment = minimum - declared
    if adjustment.amount < 0:
        adjustment = Money(0, declared.currency)
    return quantize_money(declared + adjustment), quantize_money(adjustment)


def month_start(day: date, months_later: int = 0) -> date:
    """The first day of the month `months_later` after `day`'s month (before it when negative)."""
    index = day.year * 12 + day.month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def _calendar_period_start(day: date, frequency: str) -> date:
    months = _MONTHS_PER_PERIOD[frequency]
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def _next_calendar_start(start: date, frequency: str) -> date:
    return month_start(start, _MONTHS_PER_PERIOD[frequency])


def declaration_periods(*, policy_start: date, policy_end: date, frequency: str = MONTHLY) -> list[DeclarationPeriod]:
    """Every declaration period of a policy period, in order."""
    if frequency not in _MONTHS_PER_PERIOD:
        raise ValueError(f"Unknown declaration frequency {frequency!r}")
    periods = []
    calendar_start = _calendar_period_start(policy_start, frequency)
    while calendar_start <= policy_end:
        following = _next_calendar_start(calendar_start, frequency)
        periods.append(DeclarationPeriod(
            start=max(calendar_start, policy_start),
            end=min(following - timedelta(days=1), policy_end),
            frequency=frequency,
        ))
        calendar_start = following
    return periods


def period_starting(*, periods: list[DeclarationPeriod], start: date) -> DeclarationPeriod | None:
    """The declaration period that starts on `start`; also found from the calendar month's or quarter's
    first day when the policy period starts later in it."""
    for period in periods:
        if start in (period.start, _calendar_period_start(period.start, period.frequency)):
            return period
    return None


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_period(text: str) -> date | None:
    """'2026-01' (a month), '2026-Q1' (a quarter) or '2026-01-01' (its first day) -> the first day; None if unreadable."""
    text = (text or "").strip()
    try:
        if match := _MONTH.match(text):
            return date(int(match.group(1)), int(match.group(2)), 1)
        if match := _QUARTER.match(text):
            return date(int(match.group(1)), (int(match.group(2)) - 1) * 3 + 1, 1)
        if match := _DAY.match(text):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None
