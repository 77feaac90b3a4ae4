"""The per-policy statement for a period: premium, limits in force at its end, claims paid, recoveries.

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
from policies.premium.models import PeriodPremium, TurnoverDeclaration
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


def policy_statement(*, policy, start: date, end: date) -> PolicyStatement:
    currency = policy.currency
    declared = TurnoverDeclaration.objects.filter(policy=policy, period_start__gte=start, period_end__lte=end)
    totals = declared.aggregate(turnover=Sum("turnover"), premium=Sum("premium"))
    adjustment = (PeriodPremium.objects.filter(policy=policy, period_end__gte=start, period_end__lte=end)
                  .aggregate(total=Sum("adjustment"))["total"])
    claims = (Claim.objects.filter(policy=policy, state=Claim.State.PAID, paid_on__gte=start, paid_on__lte=end)
              .select_related("buyer", "paid_to").order_by("paid_on", "pk"))
    recoveries = (Recovery.objects.filter(claim__policy=policy, received_on__gte=start, received_on__lte=end)
                  .select_related("claim").order_by("received_on", "pk"))
    return PolicyStatement(
        policy_number=policy.number, currency=currency, start=start, end=end,
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
    rows += [["limit", line.effective_date.isoformat(), f"{line.buyer} ({line.country})", amount(line.amount), cur]
             for line in statement.limits_in_force]
    rows += [["claim paid", line.paid_on.isoformat(),
              f"{line.reference or line.claim_id} {line.buyer}" + (f" paid to {line.paid_to}" if line.paid_to else ""),
              amount(line.paid), cur] for line in statement.claims_paid]
    rows += [["recovery", line.received_on.isoformat(), f"{line.claim_reference or line.claim_id} {line.source}",
              amount(line.amount), cur] for line in statement.recoveries]
    return rows
