"""The one place policy terms are read: percentages, amounts, periods, for a day.

A policy's terms are dated versions (policies.models.TermsVersion); later apps (limits, claims, recoveries,
premium) ask `policy.terms_on(day)` for the day a rule names (domain.md, The policy's life: the shipment date for
cover, discretionary limits, credit period and exclusions), so a term's meaning lives here once and an
endorsement never reaches back before its effective date.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from moneyed import Money

# The exclusions a buyer may fall under besides its country (PolicyTerms.buyer_exclusion); the private and public
# codes are the buyer kinds' own (buyers.Buyer.Kind), "related_company" a relation to the insured.
EXCLUDED_RELATED, EXCLUDED_PRIVATE, EXCLUDED_PUBLIC = "related_company", "private_individual", "public_buyer"


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
    aggregate_first_loss: Money
    credit_limit_fee_per_request: Money
    credit_limit_fee_per_buyer_year: Money
    premium_deposit_due_days: int
    premium_suspension_notice_days: int
    profit_share_percent: Decimal
    profit_share_loss_ratio_percent: Decimal
    cancellation_notice_days: int
    renewal_offer_days: int
    covers_related_companies: bool
    covers_private_individuals: bool
    covers_public_buyers: bool
    effective_from: date  # the version's first day
    version_id: int | None

    @classmethod
    def of(cls, policy, *, on: date) -> "PolicyTerms":
        """The terms of `policy` in force on `on`: the latest version effective on or before it. A day before
        the first version (a shipment before the policy started, asked about by a rule that then refuses it)
        reads the first version."""
        versions = policy.terms_versions_in_order
        if not versions:
            raise LookupError(f"Policy {policy.pk} has no terms.")
        chosen = versions[0]
        for version in versions[1:]:
            if version.effective_from > on:
                break
            chosen = version
        return cls.from_version(chosen, currency=policy.currency)

    @classmethod
    def from_version(cls, version, *, currency: str) -> "PolicyTerms":
        cur = currency
        return cls(
            currency=cur,
            percentage_of_cover_commercial=version.percentage_of_cover_commercial,
            percentage_of_cover_political=version.percentage_of_cover_political,
            discretionary_limit_max=Money(version.discretionary_limit_max_amount, cur),
            discretionary_percentage_of_cover=version.discretionary_percentage_of_cover,
            discretionary_max_buyer_grade=version.discretionary_max_buyer_grade,
            max_credit_period_days=version.max_credit_period_days,
            max_extension_days=version.max_extension_days,
            overdue_notification_days=version.overdue_notification_days,
            notification_deadline_from=version.notification_deadline_from,
            waiting_period_days=version.waiting_period_days,
            claim_filing_days=version.claim_filing_days,
            claim_payment_days=version.claim_payment_days,
            reduction_notice_days=version.reduction_notice_days,
            non_qualifying_loss=Money(version.non_qualifying_loss_amount, cur),
            max_liability_multiple=version.max_liability_multiple,
            premium_rate_percent=version.premium_rate_percent,
            minimum_premium=Money(version.minimum_premium_amount, cur),
            recovery_sharing=version.recovery_sharing,
            excluded_countries=tuple(c.code for c in version.excluded_countries),
            aggregate_first_loss=Money(version.aggregate_first_loss_amount, cur),
            credit_limit_fee_per_request=Money(version.credit_limit_fee_per_request_amount, cur),
            credit_limit_fee_per_buyer_year=Money(version.credit_limit_fee_per_buyer_year_amount, cur),
            premium_deposit_due_days=version.premium_deposit_due_days,
            premium_suspension_notice_days=version.premium_suspension_notice_days,
            profit_share_percent=version.profit_share_percent,
            profit_share_loss_ratio_percent=version.profit_share_loss_ratio_percent,
            cancellation_notice_days=version.cancellation_notice_days,
            renewal_offer_days=version.renewal_offer_days,
            covers_related_companies=version.covers_related_companies,
            covers_private_individuals=version.covers_private_individuals,
            covers_public_buyers=version.covers_public_buyers,
            effective_from=version.effective_from,
            version_id=version.pk,
        )

    @property
    def recovery_sharing_label(self) -> str:
        from policies.models import RecoverySharing

        return RecoverySharing(self.recovery_sharing).label

    def buyer_exclusion(self, *, kind: str, related: bool) -> str:
        """Which exclusion of the terms a buyer falls under ("" when none): a company related to the insured, a
        private individual or a public buyer, unless the terms cover them (issue 10, item 8). `kind` is the buyer's
        kind code (buyers.Buyer.Kind)."""
        if related and not self.covers_related_companies:
            return EXCLUDED_RELATED
        if kind == EXCLUDED_PRIVATE and not self.covers_private_individuals:
            return EXCLUDED_PRIVATE
        if kind == "public_body" and not self.covers_public_buyers:  # buyers.Buyer.Kind.PUBLIC_BODY
            return EXCLUDED_PUBLIC
        return ""

    def covers_country(self, country_code: str) -> bool:
        return country_code.upper() not in self.excluded_countries

    def percentage_of_cover(self, *, political: bool = False, discretionary: bool = False) -> Decimal:
        if discretionary:
            return self.discretionary_percentage_of_cover
        return self.percentage_of_cover_political if political else self.percentage_of_cover_commercial
