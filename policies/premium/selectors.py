"""Reads for premium: declarations scoped to the tenant, and one policy's premium position."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet, Sum
from moneyed import Money

from core.money import quantize_money
from policies.models import Policy
from policies.premium.calculation import DeclarationPeriod, declaration_periods, period_premium
from policies.premium.models import (
    PeriodPremium,
    TurnoverAndPremiumAsMoney,
    TurnoverDeclaration,
    declaration_frequency_of,
)


def declarations_for_tenant(*, tenant, policy: Policy | None = None) -> QuerySet[TurnoverDeclaration]:
    qs = TurnoverDeclaration.objects.filter(tenant=tenant).select_related("policy", "declared_by")
    if policy is not None:
        qs = qs.filter(policy=policy)
    return qs.order_by("policy_id", "period_start", "country", "pk")


def periods_of(policy: Policy) -> list[DeclarationPeriod]:
    return declaration_periods(policy_start=policy.start_date, policy_end=policy.end_date,
                               frequency=declaration_frequency_of(policy))


def declared_premium(*, policy: Policy) -> Money:
    """The premium declared so far in the policy period: the sum of each declaration's rounded premium."""
    total = TurnoverDeclaration.objects.filter(policy=policy).aggregate(total=Sum("premium"))["total"]
    return Money(total or Decimal("0"), policy.currency)


@dataclass
class PeriodLine(TurnoverAndPremiumAsMoney):
    period: DeclarationPeriod
    declarations: list[TurnoverDeclaration] = field(default_factory=list)
    missing: bool = False  # ended and nothing declared for it
    currency: str = "EUR"

    @property
    def turnover(self) -> Decimal:
        return sum((d.turnover for d in self.declarations), Decimal("0"))

    @property
    def premium(self) -> Decimal:
        return sum((d.premium for d in self.declarations), Decimal("0"))


@dataclass
class PremiumPosition:
    policy: Policy
    currency: str
    periods: list[PeriodLine]
    declared_premium: Money
    minimum_premium: Money
    premium_due: Money  # max(minimum, declared so far): what the maximum liability is a multiple of
    adjustment: Money  # raises the declared premium to the minimum at the period's end
    settled: PeriodPremium | None  # set once the policy period ended and the adjustment was computed
    maximum_liability: Money

    @property
    def is_settled(self) -> bool:
        return self.settled is not None

    @property
    def missing_periods(self) -> list[DeclarationPeriod]:
        return [line.period for line in self.periods if line.missing]


def premium_position(*, policy: Policy, today: date) -> PremiumPosition:
    """Periods with their declarations per country, premium, missing periods and the period-end adjustment.

    Three queries, whatever the number of declarations: the schedule, the declarations, the settlement.
    """
    from policies.premium.liability import maximum_liability

    declarations = list(
        TurnoverDeclaration.objects.filter(policy=policy).select_related("declared_by").order_by("period_start",
                                                                                                 "country")
    )
    by_start: dict[date, list[TurnoverDeclaration]] = {}
    for declaration in declarations:
        by_start.setdefault(declaration.period_start, []).append(declaration)
    lines = [
        PeriodLine(period=p, declarations=by_start.get(p.start, []), currency=policy.currency,
                   missing=p.has_ended(today) and p.start not in by_start)
        for p in periods_of(policy)
    ]
    declared = quantize_money(Money(sum((d.premium for d in declarations), Decimal("0")), policy.currency))
    minimum = policy.terms_on(policy.end_date).minimum_premium  # settled at the period's end
    due, adjustment = period_premium(declared, minimum)
    settled = PeriodPremium.objects.filter(policy=policy, period_start=policy.start_date).first()
    return PremiumPosition(
        policy=policy, currency=policy.currency, periods=lines, declared_premium=declared, minimum_premium=minimum,
        premium_due=due, adjustment=adjustment, settled=settled,
        maximum_liability=maximum_liability(policy=policy, premium_due=due),
    )
