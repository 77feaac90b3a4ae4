"""Writes on overdues: notification with invoices, payments, waivers, extensions, reinstatement."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buyers.models import Buyer
from claims.models import Invoice, Overdue, OverduePayment, PaymentAllocation
from core import notifications
from core.exceptions import DomainError
from limits import services as limit_services
from limits.models import CoverStop
from policies.deadlines import invoice_deadlines
from policies.models import Policy


@dataclass(frozen=True)
class InvoiceLine:
    number: str
    invoice_date: date
    shipment_date: date
    due_date: date
    amount: Decimal
    outstanding: Decimal


def _check_invoice(line: InvoiceLine, index: int) -> None:
    where = _("Invoice %(n)s") % {"n": line.number or index + 1}
    if not (line.number or "").strip():
        raise DomainError(_("Row %(row)d: the invoice number is required.") % {"row": index + 1}, field="invoices")
    if line.due_date < line.invoice_date:
        raise DomainError(_("%(where)s: the due date is before the invoice date.") % {"where": where}, field="invoices")
    if line.amount <= 0:
        raise DomainError(_("%(where)s: the amount must be greater than zero.") % {"where": where}, field="invoices")
    if line.outstanding <= 0 or line.outstanding > line.amount:
        raise DomainError(
            _("%(where)s: the outstanding amount must be above zero and at most the invoice amount.") % {"where": where},
            field="invoices",
        )


@transaction.atomic
def declare_overdue(*, tenant, notified_by, policy: Policy, buyer: Buyer, invoices: list[InvoiceLine],
                    notified_on: date | None = None, reference: str = "") -> Overdue:
    """Notify an overdue with its invoices; stop cover on the buyer for new shipments.

    Invoices notified after due date + the notification deadline are flagged late
    (domain.md, example 6): not covered unless an underwriter waives it.
    """
    notified_on = notified_on or timezone.localdate()
    if policy.tenant_id != tenant.pk:
        raise DomainError(_("Unknown policy."), field="policy")
    if notified_on > timezone.localdate():
        raise DomainError(_("The notification date cannot be in the future."), field="notified_on")
    if not invoices:
        raise DomainError(_("List at least one unpaid invoice."), field="invoices")
    numbers = [line.number.strip() for line in invoices]
    if len(set(numbers)) != len(numbers):
        raise DomainError(_("The same invoice number is listed twice."), field="invoices")
    for index, line in enumerate(invoices):
        _check_invoice(line, index)
    if Overdue.objects.filter(policy=policy, buyer=buyer, state=Overdue.State.OPEN).exists():
        raise DomainError(_("An overdue on this buyer is already open: add the invoices to it."), field="buyer")

    terms = policy.terms
    try:
        with transaction.atomic():
            overdue = Overdue.objects.create(
                tenant=tenant, policy=policy, buyer=buyer, reference=(reference or "").strip(), currency=policy.currency,
                notified_on=notified_on, notified_by=notified_by,
            )
    except IntegrityError as exc:
        raise DomainError(_("An overdue on this buyer is already open: add the invoices to it."), field="buyer") from exc

    rows = []
    for line in invoices:
        deadlines = invoice_deadlines(terms=terms, due_date=line.due_date)
        rows.append(Invoice(
            tenant=tenant, overdue=overdue, number=line.number.strip(), invoice_date=line.invoice_date,
            shipment_date=line.shipment_date, due_date=line.due_date, amount=line.amount, outstanding=line.outstanding,
            currency=policy.currency, notified_late=deadlines.notified_late(notified_on),
        ))
    Invoice.objects.bulk_create(rows)

    # Cover stops at the notification, or earlier once the maximum extension period of the oldest invoice ended.
    oldest_due = min(line.due_date for line in invoices)
    extension_end = invoice_deadlines(terms=terms, due_date=oldest_due).max_extension_end
    stopped_from = min(notified_on, extension_end + timedelta(days=1))
    stop = limit_services.stop_cover(
        tenant=tenant, policy=policy, buyer=buyer, stopped_from=stopped_from, reason=CoverStop.Reason.OVERDUE,
        source_reference=f"overdue:{overdue.pk}",
    )
    overdue.cover_stop_id = stop.pk
    overdue.save(update_fields=["cover_stop_id"])

    late = [row.number for row in rows if row.notified_late]
    body = [_("No new shipment to this buyer is covered from %(date)s.") % {"date": stopped_from.isoformat()}]
    if late:
        body.append(_("Notified late, not covered unless the insurer waives it: %(invoices)s.") % {"invoices": ", ".join(late)})
    notifications.notify(
        tenant=tenant, event="overdue.notified", dedup_key=f"overdue-notified:{overdue.pk}",
        subject=_("Overdue notified on %(buyer)s") % {"buyer": buyer.legal_name}, body="\n".join(body),
        link=f"/overdues/{overdue.pk}/",
    )
    return overdue


def _allocate(overdue: Overdue, amount: Decimal, designated: Invoice | None) -> list[tuple[Invoice, Decimal]]:
    """Oldest unpaid invoice first, unless the buyer designated one (domain.md, Overdues)."""
    invoices = list(overdue.invoices.select_for_update().filter(outstanding__gt=0).order_by("due_date", "shipment_date", "pk"))
    if designated is not None:
        invoices.sort(key=lambda inv: inv.pk != designated.pk)
    left = amount
    allocations = []
    for inv in invoices:
        if left <= 0:
            break
        share = min(left, inv.outstanding)
        inv.outstanding -= share
        left -= share
        allocations.append((inv, share))
    if left > 0:
        raise DomainError(_("The payment is more than what is outstanding."), field="amount")
    return allocations


@transaction.atomic
def record_payment(*, overdue: Overdue, amount: Decimal, received_on: date, recorded_by=None,
                   designated_invoice: Invoice | None = None) -> OverduePayment:
    overdue = Overdue.objects.select_for_update().get(pk=overdue.pk)
    if overdue.state != Overdue.State.OPEN:
        raise DomainError(_("Payments are recorded on open overdues only."))
    if amount <= 0:
        raise DomainError(_("The amount must be greater than zero."), field="amount")
    if received_on > timezone.localdate():
        raise DomainError(_("The payment date cannot be in the future."), field="received_on")
    if designated_invoice is not None and designated_invoice.overdue_id != overdue.pk:
        raise DomainError(_("This invoice is not part of the overdue."), field="designated_invoice")
    allocations = _allocate(overdue, amount, designated_invoice)
    payment = OverduePayment.objects.create(
        tenant_id=overdue.tenant_id, overdue=overdue, received_on=received_on, amount=amount, currency=overdue.currency,
        designated_invoice=designated_invoice, recorded_by=recorded_by,
    )
    from simple_history.utils import bulk_update_with_history

    bulk_update_with_history([inv for inv, _ in allocations], Invoice, ["outstanding"],
                             default_change_reason="payment allocated")
    PaymentAllocation.objects.bulk_create(
        [PaymentAllocation(tenant_id=overdue.tenant_id, payment=payment, invoice=inv, amount=share) for inv, share in allocations]
    )
    if not overdue.invoices.filter(outstanding__gt=0).exists():
        overdue.state = Overdue.State.CLEARED
        overdue.cleared_on = received_on
        overdue.save(update_fields=["state", "cleared_on"])
    return payment


@transaction.atomic
def waive_lateness(*, invoice: Invoice, waived_by) -> Invoice:
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if not invoice.notified_late:
        raise DomainError(_("This invoice was notified in time."))
    invoice.lateness_waived = True
    invoice.lateness_waived_by = waived_by
    invoice.save(update_fields=["lateness_waived", "lateness_waived_by"])
    return invoice


@transaction.atomic
def reinstate_cover(*, overdue: Overdue, reinstated_by, on: date | None = None) -> Overdue:
    """The underwriter lifts the stop once the overdue is cleared; shipments from `on` are covered again."""
    overdue = Overdue.objects.select_for_update().get(pk=overdue.pk)
    if overdue.state != Overdue.State.CLEARED:
        raise DomainError(_("Cover is reinstated only once the overdue is cleared."))
    stop = CoverStop.objects.filter(pk=overdue.cover_stop_id).first()
    if stop is None or stop.lifted_on is not None:
        raise DomainError(_("Cover was already reinstated."))
    limit_services.lift_cover_stop(stop=stop, lifted_on=on or timezone.localdate(), lifted_by=reinstated_by)
    return overdue
