"""Reads for premium: declarations scoped to the tenant, and one policy's premium position."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce
from moneyed import Money

from core.money import quantize_money
from policies.models import Policy
from policies.premium.calculation import DeclarationPeriod, declaration_periods, period_premium
from policies.premium.models import (
    PeriodPremium,
    PremiumInvoice,
    PremiumPayment,
    PremiumSuspension,
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


def declared_premium(*, policy: Policy, period=None) -> Money:
    """The premium declared so far in the insurance period (`period`, a PeriodSpan; every period when None): the sum
    of each declaration's rounded premium. A declaration counts in the period of its first day."""
    qs = TurnoverDeclaration.objects.filter(policy=policy)
    if period is not None:
        qs = qs.filter(period_start__gte=period.start, period_start__lte=period.end)
    total = qs.aggregate(total=Sum("premium"))["total"]
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
    # The premium, minimum and settlement of the insurance period of today (each period settles on its own).
    from policies.periods.selectors import period_on

    insured = period_on(policy, today)
    declared = quantize_money(Money(sum((d.premium for d in declarations if insured.contains(d.period_start)),
                                        Decimal("0")), policy.currency))
    minimum = policy.terms_on(insured.end).minimum_premium  # settled at the period's end
    due, adjustment = period_premium(declared, minimum)
    settled = PeriodPremium.objects.filter(policy=policy, period_start=insured.start).first()
    return PremiumPosition(
        policy=policy, currency=policy.currency, periods=lines, declared_premium=declared, minimum_premium=minimum,
        premium_due=due, adjustment=adjustment, settled=settled,
        maximum_liability=maximum_liability(policy=policy, premium_due=due, on=insured.end),
    )


# Premium invoices and the statement (policies.premium.invoices)


def premium_invoices_for_tenant(*, tenant, policy: Policy | None = None) -> QuerySet[PremiumInvoice]:
    """The tenant's invoices with what was paid on each (`paid_total`, summed in SQL), newest first."""
    qs = (PremiumInvoice.objects.filter(tenant=tenant).select_related("policy")
          .annotate(paid_total=Coalesce(Sum("payments__amount"), Decimal("0"), output_field=DecimalField()))
          .order_by("-issued_on", "-pk"))
    return qs.filter(policy=policy) if policy is not None else qs


@dataclass
class StatementLine:
    invoice: PremiumInvoice
    paid: Money
    payments: list[PremiumPayment]

    @property
    def outstanding(self) -> Money:
        if self.invoice.is_credit or self.invoice.state == PremiumInvoice.State.CANCELLED:
            return Money(0, self.invoice.currency)
        return self.invoice.amount_money - self.paid


@dataclass
class PremiumStatement:
    """A policy's premium account: invoices (debits), credits, payments and the balance still owed."""

    policy: Policy
    lines: list[StatementLine]
    suspensions: list[PremiumSuspension]
    invoiced: Money
    credited: Money
    paid: Money

    @property
    def balance(self) -> Money:
        """Owed by the insured when positive; owed to it (a credit not yet settled) when negative."""
        return self.invoiced - self.credited - self.paid


def premium_statement(*, policy: Policy) -> PremiumStatement:
    """Three queries whatever the number of invoices: invoices, their payments, the suspensions."""
    invoices = list(PremiumInvoice.objects.filter(policy=policy).order_by("issued_on", "pk")
                    .prefetch_related(Prefetch("payments", queryset=PremiumPayment.objects.order_by("paid_on", "pk"))))
    zero = Money(0, policy.currency)
    lines, invoiced, credited, paid = [], zero, zero, zero
    for invoice in invoices:
        payments = list(invoice.payments.all())
        line_paid = sum((p.amount_money for p in payments), zero)
        lines.append(StatementLine(invoice=invoice, paid=line_paid, payments=payments))
        paid += line_paid
        if invoice.state == PremiumInvoice.State.CANCELLED:
            continue
        if invoice.is_credit:
            credited += invoice.amount_money
        else:
            invoiced += invoice.amount_money
    suspensions = list(PremiumSuspension.objects.filter(policy=policy).order_by("starts_on", "pk"))
    return PremiumStatement(policy=policy, lines=lines, suspensions=suspensions, invoiced=invoiced,
                            credited=credited, paid=paid)
