"""The indemnity calculation: one pure function, no database (domain.md, Claims).

    indemnity = (covered loss, each invoice capped by the limit in force on its
                 shipment date, cumulatively) x percentage of cover
                - non-qualifying loss - aggregate first loss still to bear in the period,
                capped by the remaining maximum liability

Covered loss counts only invoices shipped while cover was in force, within the
maximum credit period, not notified late (unless waived), less payments and
recoveries received before the indemnity is paid (allocated oldest invoice
first). Money is rounded once, at the end, half up to the currency's minor unit.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from moneyed import Money

from core.messages import Message, message, money_param
from core.money import quantize_money

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class InvoiceInput:
    number: str
    invoice_date: date
    shipment_date: date
    due_date: date
    outstanding: Money
    notified_late: bool = False
    lateness_waived: bool = False


@dataclass(frozen=True)
class CoverOnDate:
    """What `cover_on(shipment_date)` returns: the limit in force and its percentage, and the maximum credit period
    of the terms on that shipment date (None: the calculation's `max_credit_period_days`)."""

    amount: Money
    percentage_of_cover: Decimal
    max_credit_period_days: int | None = None
    # The terms' exclusion the buyer fell under on that shipment date (policies.terms.PolicyTerms.buyer_exclusion).
    excluded: str = ""


@dataclass
class IndemnityLine:
    invoice: str
    shipment_date: date
    outstanding: Money
    after_recoveries: Money
    limit_in_force: Money
    limit_available: Money
    covered: Money
    percentage_of_cover: Decimal
    indemnity: Money  # unrounded share of this invoice
    # Codes and parameters (claims/notices.py), rendered in the reader's language when shown.
    notes: list[Message] = field(default_factory=list)


@dataclass
class IndemnityCalculation:
    currency: str
    lines: list[IndemnityLine]
    covered_loss: Money
    gross_indemnity: Money
    non_qualifying_loss: Money
    liability_cap: Money | None
    indemnity: Money  # rounded once, half up
    explanation: list[Message]
    first_loss_borne: Money | None = None  # what this claim bears of the period's aggregate first loss (rounded)


def calculate_indemnity(
    *,
    invoices: Sequence[InvoiceInput],
    cover_on: Callable[[date], CoverOnDate],
    max_credit_period_days: int,
    non_qualifying_loss: Money,
    recoveries_before_payment: Money | None = None,
    remaining_liability: Money | None = None,
    first_loss_to_bear: Money | None = None,
) -> IndemnityCalculation:
    """`first_loss_to_bear`: what is left of the period's aggregate first loss once the claims paid before this one
    bore theirs (domain.md, example 16); None or zero when the policy has none."""
    currency = str(non_qualifying_loss.currency)
    _check_invoices(invoices, currency)
    # A limit is the most outstanding debt covered at any one time: take the unpaid invoices in shipment order.
    ordered = sorted(invoices, key=lambda i: (i.shipment_date, i.due_date, i.number))

    # Recoveries and payments before the indemnity reduce the debt, oldest invoice first (domain.md, Overdues).
    recovery_left = (recoveries_before_payment or Money(0, currency)).amount
    lines: list[IndemnityLine] = []
    already_covered = Decimal(0)
    for inv in ordered:
        applied = min(inv.outstanding.amount, recovery_left)
        recovery_left -= applied
        cover = cover_on(inv.shipment_date)
        # The credit period of the terms in force when the goods were shipped (domain.md, The policy's life).
        days = cover.max_credit_period_days if cover.max_credit_period_days is not None else max_credit_period_days
        line = _invoice_line(inv, cover, recovered=applied, already_covered=already_covered,
                             max_credit_period_days=days, currency=currency)
        already_covered += line.covered.amount
        lines.append(line)
    return _totals(lines, currency=currency, non_qualifying_loss=non_qualifying_loss,
                   remaining_liability=remaining_liability, first_loss_to_bear=first_loss_to_bear)


def _check_invoices(invoices: Sequence[InvoiceInput], currency: str) -> None:
    for inv in invoices:
        if str(inv.outstanding.currency) != currency:
            raise ValueError(f"invoice {inv.number} is in {inv.outstanding.currency}, the policy in {currency}")
        if inv.outstanding.amount < 0:
            raise ValueError(f"invoice {inv.number} has a negative outstanding amount")


def _invoice_line(inv: InvoiceInput, cover: CoverOnDate, *, recovered: Decimal, already_covered: Decimal,
                  max_credit_period_days: int, currency: str) -> IndemnityLine:
    """One invoice: what is left after recoveries, covered up to the limit still available on its shipment date."""
    notes: list[Message] = []
    remaining = inv.outstanding.amount - recovered
    if recovered:
        notes.append(message("indemnity.recovered", amount=money_param(recovered, currency)))
    limit_amount = cover.amount.amount
    # Cover is cumulative: what earlier unpaid invoices already use of the limit is not available again.
    available = max(Decimal(0), limit_amount - already_covered)
    covered = Decimal(0)
    if cover.excluded:
        notes.append(message(f"indemnity.excluded.{cover.excluded}"))
    elif (inv.due_date - inv.invoice_date).days > max_credit_period_days:
        notes.append(message("indemnity.beyond_credit_period", days=max_credit_period_days))
    elif inv.notified_late and not inv.lateness_waived:
        notes.append(message("indemnity.notified_late"))
    elif limit_amount <= 0:
        notes.append(message("indemnity.no_cover"))
    else:
        covered = min(remaining, available)
        if covered < remaining:
            notes.append(message("indemnity.capped_by_limit", amount=money_param(available, currency)))
        if inv.notified_late:
            notes.append(message("indemnity.lateness_waived"))
    pct = cover.percentage_of_cover if covered else Decimal(0)
    return IndemnityLine(
        invoice=inv.number, shipment_date=inv.shipment_date, outstanding=inv.outstanding,
        after_recoveries=Money(remaining, currency), limit_in_force=Money(limit_amount, currency),
        limit_available=Money(available, currency), covered=Money(covered, currency),
        percentage_of_cover=pct, indemnity=Money(covered * pct / HUNDRED, currency), notes=notes,
    )


def _totals(lines: list[IndemnityLine], *, currency: str, non_qualifying_loss: Money,
            remaining_liability: Money | None, first_loss_to_bear: Money | None = None) -> IndemnityCalculation:
    """Sum the lines, deduct the non-qualifying loss and the first loss still to bear, cap by the remaining
    liability, round once at the end."""
    zero = Money(0, currency)
    covered_loss = sum((line.covered for line in lines), zero)
    gross = sum((line.indemnity for line in lines), zero)
    explanation = [message("indemnity.covered_loss", loss=money_param(covered_loss), gross=money_param(gross))]
    net = gross - non_qualifying_loss
    if non_qualifying_loss.amount:
        explanation.append(message("indemnity.non_qualifying_loss", amount=money_param(non_qualifying_loss)))
    if net.amount < 0:
        net = zero
    borne = None
    if first_loss_to_bear is not None and first_loss_to_bear.amount > 0:
        # The aggregate first loss comes off what is otherwise payable, before the liability cap (domain.md, The
        # policy's life): a claim smaller than what is left bears all of it and pays nothing.
        borne = quantize_money(min(net, first_loss_to_bear))
        left = first_loss_to_bear - borne
        explanation.append(message("indemnity.first_loss", amount=money_param(borne), left=money_param(left)))
        net = max(net - borne, zero)
    if remaining_liability is not None and net > remaining_liability:
        explanation.append(message("indemnity.liability_cap", amount=money_param(remaining_liability)))
        net = remaining_liability
    indemnity = quantize_money(net)
    explanation.append(message("indemnity.total", amount=money_param(indemnity)))
    return IndemnityCalculation(
        currency=currency, lines=lines, covered_loss=covered_loss, gross_indemnity=gross,
        non_qualifying_loss=non_qualifying_loss, liability_cap=remaining_liability, indemnity=indemnity,
        explanation=explanation, first_loss_borne=borne,
    )
