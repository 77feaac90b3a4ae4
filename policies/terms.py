"""The one place policy terms are read: percentages, amounts, periods.

Later apps (limits, claims, recoveries, premium) ask `policy.terms` instead of
reading Policy fields, so a term's meaning lives here once.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from moneyed import Money


def default_end_date(start: date) -> date:
    """The policy period is 12 months from the start date (domain.md): the day before the anniversary."""
    year, month = start.year + 1, start.month
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


@dataclass(frozen=True)
class PolicyTerms:
    currency: str
    percentage_of_cover_commercial: Decimal
    percentage_of_cover_political: Decimal
    discretionary_limit_max: Money
    discretionary_percentage_of_cover: Decimal
    discretionary_max_buyer_grade: int
    max_credit_period_days: int
    max_extension_days: int
    overdue_notification_days: int
    notification_deadline_from: str  # "due_date" or "max_extension_end" (Policy.NotificationDeadlineFrom)
    waiting_period_days: int
    claim_filing_days: int
    claim_payment_days: int
    reduction_notice_days: int
    non_qualifying_loss: Money
    max_liability_multiple: Decimal
    premium_rate_percent: Decimal
    minimum_premium: Money
    recovery_sharing: str
    excluded_countries: tuple[str, ...]

    @classmethod
    def of(cls, policy) -> "PolicyTerms":
        cur = policy.currency
        return cls(
            currency=cur,
            percentage_of_cover_commercial=policy.percentage_of_cover_commercial,
            percentage_of_cover_political=policy.percentage_of_cover_political,
            discretionary_limit_max=Money(policy.discretionary_limit_max_amount, cur),
            discretionary_percentage_of_cover=policy.discretionary_percentage_of_cover,
            discretionary_max_buyer_grade=policy.discretionary_max_buyer_grade,
            max_credit_period_days=policy.max_credit_period_days,
            max_extension_days=policy.max_extension_days,
            overdue_notification_days=policy.overdue_notification_days,
            notification_deadline_from=policy.notification_deadline_from,
            waiting_period_days=policy.waiting_period_days,
            claim_filing_days=policy.claim_filing_days,
            claim_payment_days=policy.claim_payment_days,
            reduction_notice_days=policy.reduction_notice_days,
            non_qualifying_loss=Money(policy.non_qualifying_loss_amount, cur),
            max_liability_multiple=policy.max_liability_multiple,
            premium_rate_percent=policy.premium_rate_percent,
            minimum_premium=Money(policy.minimum_premium_amount, cur),
            recovery_sharing=policy.recovery_sharing,
            excluded_countries=tuple(c.code for c in policy.excluded_countries),
        )

    def covers_country(self, country_code: str) -> bool:
        return country_code.upper() not in self.excluded_countries

    def percentage_of_cover(self, *, political: bool = False, discretionary: bool = False) -> Decimal:
        if discretionary:
            return self.discretionary_percentage_of_cover
        return self.percentage_of_cover_political if political else self.percentage_of_cover_commercial
