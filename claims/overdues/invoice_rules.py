"""The rules each invoice of an overdue keeps: checked once here, shown by the pages, the API and the CSV import."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import DomainError, row_field


@dataclass(frozen=True)
class InvoiceLine:
    number: str
    invoice_date: date
    shipment_date: date
    due_date: date
    amount: Decimal
    outstanding: Decimal


def _invoice_problems(line: InvoiceLine) -> dict[str, str]:
    """What is wrong with one invoice, by field; the database constraints on Invoice say the same."""
    problems = {}
    if not (line.number or "").strip():
        problems["number"] = _("The invoice number is required.")
    if line.due_date < line.invoice_date:
        problems["due_date"] = _("The due date is before the invoice date.")
    if line.amount <= 0:
        problems["amount"] = _("The amount must be greater than zero.")
    if line.outstanding <= 0 or line.outstanding > line.amount:
        problems["outstanding"] = _("The outstanding amount must be above zero and at most the invoice amount.")
    return problems


def _date_problems(line: InvoiceLine, *, notified_on: date | None, policy_end: date | None) -> dict[str, str]:
    """The invoices of a notification were issued and shipped on or before the notification date and within the
    policy period (domain.md, Overdues): an invoice of tomorrow is not overdue, one after the policy's end is not
    insured by it. A draft is not notified yet: nothing it lists can be dated after today either."""
    problems = {}
    if notified_on is None:
        latest = timezone.localdate()
        issued_late, shipped_late = _("The invoice date is in the future."), _("The shipment date is in the future.")
    else:
        latest = notified_on
        issued_late = _("The invoice was issued after the notification date (%(date)s).") % {"date": latest.isoformat()}
        shipped_late = _("The invoice was shipped after the notification date (%(date)s).") % {"date": latest.isoformat()}
    ends = {"date": policy_end.isoformat()} if policy_end else {}
    if line.invoice_date > latest:
        problems["invoice_date"] = issued_late
    elif policy_end and line.invoice_date > policy_end:
        problems["invoice_date"] = _("The invoice was issued after the policy ended (%(date)s).") % ends
    if line.shipment_date > latest:
        problems["shipment_date"] = shipped_late
    elif policy_end and line.shipment_date > policy_end:
        problems["shipment_date"] = _("The invoice was shipped after the policy ended (%(date)s).") % ends
    return problems


def check_invoice_lines(invoices: list[InvoiceLine], *, notified_on: date | None = None,
                        policy_end: date | None = None) -> None:
    """The rules each listed invoice keeps, every problem of every invoice at once.

    `notified_on` is the day the invoices are notified (None for a draft: today bounds them); `policy_end` the
    last day of the policy they are notified under. The one place the rules are checked: the pages, the API
    and the CSV import show the messages, each on its invoice's field (`invoices[<position in the list>].<field>`).
    """
    fields, summary = {}, []
    for index, line in enumerate(invoices):
        invoice = _("Invoice %(n)s") % {"n": (line.number or "").strip() or index + 1}
        problems = _invoice_problems(line) | _date_problems(line, notified_on=notified_on, policy_end=policy_end)
        for name, message in problems.items():
            fields[row_field("invoices", index, name)] = [message]
            summary.append(_("%(invoice)s: %(problem)s") % {"invoice": invoice, "problem": message})
    if fields:
        raise DomainError(" ".join(summary), fields=fields, code="validation_error")
