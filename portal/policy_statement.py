"""The per-policy statement for a period: premium, limits in force at its end, claims paid, recoveries, and the
premium account of the period (its invoices, the payments on them, the profit share credited).

The period is normally an insurance period (policies.periods; the page defaults to the current one); an invoice
belongs to the period its own premium period starts in.

It reads every area, so it lives in the portal. A fixed number
of queries whatever the number of rows (the statement of a large policy is a
report, not a loop over limits).
"""

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from moneyed import Money

from claims.claims.models import Claim
from core.csvcell import csv_cell
from limits.models import LimitDecision
from policies.premium.models import PeriodPremium, PremiumInvoice, PremiumPayment, TurnoverDeclaration
from recoveries.models import Recovery


@dataclass(frozen=True)
class LimitLine:
    limit_id: int
    buyer: str
    country: str
    amount: Money
    discretionary: bool
    effective_date: date


@dataclass(frozen=True)
class ClaimLine:
    claim_id: int
    reference: str
    buyer: str
    paid_on: date
    paid: Money
    paid_to: str = ""  # the bank paid as loss payee, empty when the insured was paid


@dataclass(frozen=True)
class RecoveryLine:
    claim_id: int
    claim_reference: str
    received_on: date
    source: str
    phase: str
    amount: Money


@dataclass(frozen=True)
class InvoiceLine:
    invoice_id: int
    kind: str  # the invoice kind's code (PremiumInvoice.Kind)
    kind_label: str
    period_start: date
    period_end: date
    issued_on: date
    due_on: date
    state: str
    state_label: str
    amount: Money

    @property
    def counts(self) -> bool:
        return self.state != PremiumInvoice.State.CANCELLED


@dataclass(frozen=True)
class PaymentLine:
    invoice_id: int
    kind_label: str
    paid_on: date
    amount: Money


@dataclass
class PolicyStatement:
    policy_number: str
    currency: str
    start: date
    end: date
    turnover: Money
    premium_declared: Money
    premium_adjustment: Money
    limits_in_force: list[LimitLine]
    claims_paid: list[ClaimLine]
    recoveries: list[RecoveryLine]
    invoices: list[InvoiceLine]
    payments: list[PaymentLine]
    period_number: int | None = None  # the insurance period shown, None for other dates

    @property
    def premium_invoices(self) -> list[InvoiceLine]:
        return [line for line in self.invoices if line.kind != PremiumInvoice.Kind.PROFIT_SHARE_CREDIT]

    @property
    def profit_share_credits(self) -> list[InvoiceLine]:
        return [line for line in self.invoices if line.kind == PremiumInvoice.Kind.PROFIT_SHARE_CREDIT]

    @property
    def invoiced_total(self) -> Money:
        return sum((line.amount for line in self.premium_invoices if line.counts), Money(0, self.currency))

    @property
    def profit_share_total(self) -> Money:
        return sum((line.amount for line in self.profit_share_credits if line.counts), Money(0, self.currency))

    @property
    def payments_total(self) -> Money:
        return sum((line.amount for line in self.payments), Money(0, self.currency))

    @property
    def premium_total(self) -> Money:
        return self.premium_declared + self.premium_adjustment

    @property
    def limits_total(self) -> Money:
        return sum((line.amount for line in self.limits_in_force), Money(0, self.currency))

    @property
    def claims_total(self) -> Money:
        return sum((line.paid for line in self.claims_paid), Money(0, self.currency))

    @property
    def recoveries_total(self) -> Money:
        return sum((line.amount for line in self.recoveries), Money(0, self.currency))


def _limits_in_force(policy, on: date) -> list[LimitLine]:
    """The cover each buyer had on `on`: the last cover-changing decision effective by then, if above zero."""
    latest: dict[int, LimitDecision] = {}
    decisions = (LimitDecision.objects.filter(policy=policy, changes_cover=True, effective_date__lte=on)
                 .select_related("limit__buyer").order_by("effective_date", "created_at", "pk"))
    for decision in decisions:
        latest[decision.buyer_id] = decision
    lines = [
        LimitLine(limit_id=d.limit_id, buyer=d.limit.buyer.legal_name, country=d.limit.buyer.country.code,
                  amount=Money(d.amount, d.currency), discretionary=d.limit.is_discretionary,
                  effective_date=d.effective_date)
        for d in latest.values() if d.amount > 0
    ]
    return sorted(lines, key=lambda line: (-line.amount.amount, line.buyer))


def _premium_account(policy, start: date, end: date) -> tuple[list[InvoiceLine], list[PaymentLine]]:
    """The period's invoices and the payments on them: two queries whatever their number."""
    invoices = (PremiumInvoice.objects.filter(policy=policy, period_start__gte=start, period_start__lte=end)
                .order_by("issued_on", "pk"))
    lines = [InvoiceLine(invoice_id=i.pk, kind=i.kind, kind_label=i.get_kind_display(), period_start=i.period_start,
                         period_end=i.period_end, issued_on=i.issued_on, due_on=i.due_on, state=i.state,
                         state_label=i.get_state_display(), amount=i.amount_money) for i in invoices]
    payments = (PremiumPayment.objects.filter(invoice__policy=policy, invoice__period_start__gte=start,
                                              invoice__period_start__lte=end)
                .select_related("invoice").order_by("paid_on", "pk"))
    return lines, [PaymentLine(invoice_id=p.invoice_id, kind_label=p.invoice.get_kind_display(), paid_on=p.paid_on,
                               amount=p.amount_money) for p in payments]


def policy_statement(*, policy, start: date, end: date, period_number: int | None = None) -> PolicyStatement:
    currency = policy.currency
    declared = TurnoverDeclaration.objects.filter(policy=policy, period_start__gte=start, period_end__lte=end)
    totals = declared.aggregate(turnover=Sum("turnover"), premium=Sum("premium"))
    adjustment = (PeriodPremium.objects.filter(policy=policy, period_end__gte=start, period_end__lte=end)
                  .aggregate(total=Sum("adjustment"))["total"])
    claims = (Claim.objects.filter(policy=policy, state=Claim.State.PAID, paid_on__gte=start, paid_on__lte=end)
              .select_related("buyer", "paid_to").order_by("paid_on", "pk"))
    recoveries = (Recovery.objects.filter(claim__policy=policy, received_on__gte=start, received_on__lte=end)
                  .select_related("claim").order_by("received_on", "pk"))
    invoices, payments = _premium_account(policy, start, end)
    return PolicyStatement(
        policy_number=policy.number, currency=currency, start=start, end=end, period_number=period_number,
        invoices=invoices, payments=payments,
        turnover=Money(totals["turnover"] or Decimal(0), currency),
        premium_declared=Money(totals["premium"] or Decimal(0), currency),
        premium_adjustment=Money(adjustment or Decimal(0), currency),
        limits_in_force=_limits_in_force(policy, end),
        claims_paid=[ClaimLine(claim_id=c.pk, reference=c.reference, buyer=c.buyer.legal_name, paid_on=c.paid_on,
                               paid=Money(c.paid_amount, currency), paid_to=str(c.paid_to) if c.paid_to else "")
                     for c in claims],
        recoveries=[RecoveryLine(claim_id=r.claim_id, claim_reference=r.claim.reference, received_on=r.received_on,
                                 source=r.get_source_display(), phase=r.get_phase_display(),
                                 amount=Money(r.amount, currency)) for r in recoveries],
    )


def statement_csv(statement: PolicyStatement) -> str:
    """The statement as CSV: section, date, description, amount, currency (amounts as decimal strings)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in statement_rows(statement):
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def statement_rows(statement: PolicyStatement) -> list[list]:
    cur = statement.currency

    def amount(money: Money) -> Money:
        return money

    rows = [["section", "date", "description", "amount", "currency"],
            ["premium", statement.end.isoformat(), "turnover declared", amount(statement.turnover), cur],
            ["premium", statement.end.isoformat(), "premium declared", amount(statement.premium_declared), cur],
            ["premium", statement.end.isoformat(), "minimum premium adjustment", amount(statement.premium_adjustment),
             cur]]
    rows += [["premium invoice", line.issued_on.isoformat(),
              f"{line.kind_label} {line.period_start.isoformat()}/{line.period_end.isoformat()}, due "
              f"{line.due_on.isoformat()}, {line.state_label}", amount(line.amount), cur]
             for line in statement.premium_invoices]
    rows += [["premium payment", line.paid_on.isoformat(), line.kind_label, amount(line.amount), cur]
             for line in statement.payments]
    rows += [["profit share", line.issued_on.isoformat(), f"{line.kind_label}, {line.state_label}",
              amount(line.amount), cur] for line in statement.profit_share_credits]
    rows += [["limit", line.effective_date.isoformat(), f"{line.buyer} ({line.country})", amount(line.amount), cur]
             for line in statement.limits_in_force]
    rows += [["claim paid", line.paid_on.isoformat(),
              f"{line.reference or line.claim_id} {line.buyer}" + (f" paid to {line.paid_to}" if line.paid_to else ""),
              amount(line.paid), cur] for line in statement.claims_paid]
    rows += [["recovery", line.received_on.isoformat(), f"{line.claim_reference or line.claim_id} {line.source}",
              amount(line.amount), cur] for line in statement.recoveries]
    return rows
