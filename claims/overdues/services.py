"""Writes on overdues: notification with invoices (at once or from a draft), payments, waivers, extensions,
reinstatement."""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from buyers.models import Buyer
from claims import next_deadline
from claims.overdues import events  # importing it registers the overdue webhook events
from claims.overdues.invoice_rules import InvoiceLine, check_invoice_lines
from claims.overdues.models import Invoice, Overdue, OverduePayment, PaymentAllocation
from claims.overdues.selectors import deadlines_of, extension_counts
from core import notifications
from core.exceptions import DomainError
from core.references import check_reference
from limits import services as limit_services
from limits.models import CoverStop
from policies.deadlines import overdue_deadlines
from policies.models import Policy

__all__ = ["InvoiceLine", "check_invoice_lines"]  # the invoices' rules (invoice_rules), offered with the services


def _check_invoices(invoices: list[InvoiceLine], *, policy: Policy, notified_on: date | None,
                    existing_numbers=()) -> None:
    if not invoices:
        raise DomainError(_("List at least one unpaid invoice."), field="invoices")
    numbers = [(line.number or "").strip() for line in invoices]
    if len(set(numbers)) != len(numbers) or set(numbers) & set(existing_numbers):
        raise DomainError(_("The same invoice number is listed twice."), field="invoices")
    check_invoice_lines(invoices, notified_on=notified_on, policy_end=policy.end_date)


def _refuse_second_overdue(*, policy: Policy, buyer: Buyer) -> None:
    existing = Overdue.objects.filter(policy=policy, buyer=buyer, state__in=[Overdue.State.DRAFT, Overdue.State.OPEN])
    state = existing.values_list("state", flat=True).first()
    if state == Overdue.State.DRAFT:
        raise DomainError(_("A draft overdue on this buyer exists: add the invoices to it, then notify it."),
                          field="buyer")
    if state is not None:
        raise DomainError(_("An overdue on this buyer is already open: add the invoices to it."), field="buyer")


def notification_date(*, draft: bool, notified_on: date | None = None) -> date | None:
    """The day a declaration notifies the insurer on: none for a draft (only watched), else the day given or
    today. The one answer for the service and for a page that checks a file before declaring it."""
    return None if draft else (notified_on or timezone.localdate())


@transaction.atomic
def declare_overdue(*, tenant, notified_by, policy: Policy, buyer: Buyer, invoices: list[InvoiceLine],
                    notified_on: date | None = None, reference: str = "", draft: bool = False) -> Overdue:
    """Notify an overdue with its invoices; stop cover on the buyer for new shipments.

    Invoices notified after due date + the notification deadline are flagged late
    (domain.md, example 6): not covered unless an underwriter waives it.
    With `draft` the invoices are only watched (`notify_overdue` notifies them later):
    the insurer is not told, so no cover stops and nothing is late; `notified_on` is ignored.
    """
    notified_on = notification_date(draft=draft, notified_on=notified_on)
    if policy.tenant_id != tenant.pk:
        raise DomainError(_("Unknown policy."), field="policy")
    if notified_on is not None and notified_on > timezone.localdate():
        raise DomainError(_("The notification date cannot be in the future."), field="notified_on")
    _check_invoices(invoices, policy=policy, notified_on=notified_on)
    _refuse_second_overdue(policy=policy, buyer=buyer)
    reference = check_reference(Overdue, tenant.pk, reference)

    try:
        with transaction.atomic():
            overdue = Overdue.objects.create(
                tenant=tenant, policy=policy, buyer=buyer, reference=reference, currency=policy.currency,
                state=Overdue.State.DRAFT if draft else Overdue.State.OPEN, notified_on=notified_on,
                notified_by=None if draft else notified_by,
            )
    except IntegrityError as exc:  # a concurrent request declared one first, or took the reference
        check_reference(Overdue, tenant.pk, reference)
        raise DomainError(_("An overdue on this buyer is already open: add the invoices to it."), field="buyer") from exc

    rows = [
        Invoice(tenant=tenant, overdue=overdue, number=line.number.strip(), invoice_date=line.invoice_date,
                shipment_date=line.shipment_date, due_date=line.due_date, amount=line.amount,
                outstanding=line.outstanding, currency=policy.currency)
        for line in invoices
    ]
    if not draft:
        _flag_lateness(rows, notified_on=notified_on, policy=policy)
    Invoice.objects.bulk_create(rows)
    if not draft:
        _put_on_notice(overdue=overdue, invoices=rows, policy=policy)
    next_deadline.refresh(overdue_ids=[overdue.pk])
    return overdue


@transaction.atomic
def notify_overdue(*, overdue: Overdue, notified_by, notified_on: date | None = None) -> Overdue:
    """Notify a draft to the insurer: exactly what `declare_overdue` does, for the draft's invoices.

    Lateness is judged against the notification date with each invoice's effective due date
    (an extension that counts moves it), and cover stops from that date (domain.md, example 6).
    """
    overdue = Overdue.objects.select_for_update().select_related("policy", "buyer").get(pk=overdue.pk)
    notified_on = notified_on or timezone.localdate()
    if overdue.state != Overdue.State.DRAFT:
        raise DomainError(_("This overdue was already notified to the insurer."), code="invalid_state")
    if notified_on > timezone.localdate():
        raise DomainError(_("The notification date cannot be in the future."), field="notified_on")
    drafted_on = timezone.localtime(overdue.created_at).date()
    if notified_on < drafted_on:
        # The insurer cannot have been told of a draft before it existed: a backdated notification would
        # move the cover stop and the lateness of its invoices to a day nobody notified anything.
        raise DomainError(_("The notification date cannot be before the draft was saved (%(date)s).")
                          % {"date": drafted_on.isoformat()}, field="notified_on")
    invoices = list(Invoice.objects.select_for_update().filter(overdue=overdue))
    check_invoice_lines([_line_of(invoice) for invoice in invoices], notified_on=notified_on,
                        policy_end=overdue.policy.end_date)
    overdue.state = Overdue.State.OPEN
    overdue.notified_on = notified_on
    overdue.notified_by = notified_by
    overdue.save(update_fields=["state", "notified_on", "notified_by"])
    policy = overdue.policy
    _flag_lateness(invoices, notified_on=notified_on, policy=policy)
    bulk_update_with_history(invoices, Invoice, ["notified_late"], default_change_reason="overdue notified")
    _put_on_notice(overdue=overdue, invoices=invoices, policy=policy)
    next_deadline.refresh(overdue_ids=[overdue.pk])  # a draft's deadlines to tell become a claim's
    return overdue


def _line_of(invoice: Invoice) -> InvoiceLine:
    return InvoiceLine(number=invoice.number, invoice_date=invoice.invoice_date, shipment_date=invoice.shipment_date,
                       due_date=invoice.due_date, amount=invoice.amount, outstanding=invoice.outstanding)


@transaction.atomic
def discard_draft(*, overdue: Overdue) -> None:
    """Delete a draft with its invoices (and any payment recorded on it): the insurer never knew of it."""
    overdue = Overdue.objects.select_for_update().filter(pk=overdue.pk).first()
    if overdue is None or overdue.state != Overdue.State.DRAFT:
        raise DomainError(_("Only a draft can be discarded: a notified overdue stays on record."), code="invalid_state")
    try:
        with transaction.atomic():
            # Payments first: their allocations protect the invoices they paid.
            OverduePayment.objects.filter(overdue=overdue).delete()
            overdue.delete()
    except ProtectedError as exc:  # a claim or collection case points at it
        raise DomainError(_("This draft is referred to elsewhere and cannot be discarded."),
                          code="invalid_state") from exc


def _flag_lateness(invoices: list[Invoice], *, notified_on: date, policy) -> None:
    """Late = notified after the notification deadline of the invoice's effective due date (example 6)."""
    for invoice in invoices:
        invoice.notified_late = deadlines_of(invoice, policy).notified_late(notified_on)


def _put_on_notice(*, overdue: Overdue, invoices: list[Invoice], policy) -> None:
    """What a notification sets off, at a declaration or when a draft is notified: the cover stop,
    the tenant's notification and the overdue.notified webhook. `invoices` carry their late flags."""
    stopped_from = _cover_stopped_from(overdue=overdue, policy=policy, invoices=invoices)
    stop = limit_services.stop_cover(
        tenant=overdue.tenant, policy=overdue.policy, buyer=overdue.buyer, stopped_from=stopped_from,
        reason=CoverStop.Reason.OVERDUE, source_reference=f"overdue:{overdue.pk}",
    )
    overdue.cover_stop_id = stop.pk
    overdue.save(update_fields=["cover_stop_id"])

    late = [row.number for row in invoices if row.notified_late]
    body = [notifications.message("overdue.cover_stopped", date=notifications.date_param(stopped_from))]
    if late:
        body.append(notifications.message("overdue.notified_late", invoices=", ".join(late)))
    notifications.notify(
        tenant=overdue.tenant, event="overdue.notified", dedup_key=f"overdue-notified:{overdue.pk}",
        subject=notifications.message("overdue.notified", buyer=overdue.buyer.legal_name), body=body,
        link=f"/overdues/{overdue.pk}/",
    )
    events.overdue_notified(overdue=overdue, invoices=invoices, cover_stopped_from=stopped_from)


def _unpaid_dues(invoices) -> list:
    """The unpaid invoices' due dates (all invoices' if none is unpaid): the maximum extension period runs
    from the oldest unpaid invoice (domain.md, Overdues)."""
    unpaid = [inv for inv in invoices if inv.outstanding > 0] or list(invoices)
    return [(inv.shipment_date, inv.due_date, inv.extended_due_date, inv.extension_consented) for inv in unpaid]


def _cover_stopped_from(*, overdue: Overdue, policy, invoices) -> date:
    deadlines = overdue_deadlines(terms_on=policy.terms_on, unpaid=_unpaid_dues(invoices))
    return deadlines.cover_stops_from(overdue.notified_on)


def _follow_cover_stop(overdue: Overdue, policy) -> None:
    """Re-derive the stop's first day after the invoices or their due dates changed."""
    if overdue.cover_stop_id is None:
        return  # a draft: nothing stopped yet
    stop = CoverStop.objects.filter(pk=overdue.cover_stop_id, lifted_on__isnull=True).first()
    if stop is None:
        return
    invoices = list(Invoice.objects.filter(overdue=overdue))
    if invoices:
        limit_services.move_cover_stop(stop=stop, stopped_from=_cover_stopped_from(overdue=overdue, policy=policy,
                                                                                   invoices=invoices))


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
    if overdue.state not in (Overdue.State.DRAFT, Overdue.State.OPEN):
        raise DomainError(_("Payments are recorded on draft or open overdues only."))
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
    for inv, _share in allocations:
        inv.paid_on = received_on if inv.outstanding == 0 else None
    bulk_update_with_history([inv for inv, _ in allocations], Invoice, ["outstanding", "paid_on"],
                             default_change_reason="payment allocated")
    PaymentAllocation.objects.bulk_create(
        [PaymentAllocation(tenant_id=overdue.tenant_id, payment=payment, invoice=inv, amount=share) for inv, share in allocations]
    )
    if not overdue.invoices.filter(outstanding__gt=0).exists():
        was_draft = overdue.state == Overdue.State.DRAFT
        overdue.state = Overdue.State.CLEARED
        overdue.cleared_on = received_on
        overdue.save(update_fields=["state", "cleared_on"])
        if not was_draft:  # a draft paid before it was notified: nothing to announce, no cover to reinstate
            events.overdue_cleared(overdue=overdue)
    next_deadline.refresh(overdue_ids=[overdue.pk])  # the oldest unpaid invoice may be another one now
    return payment


@transaction.atomic
def waive_lateness(*, invoice: Invoice, waived_by) -> Invoice:
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if not invoice.notified_late:
        raise DomainError(_("This invoice was notified in time."))
    if invoice.lateness_waived:
        raise DomainError(_("The lateness was already waived."))
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
    if overdue.cover_stop_id is None:
        raise DomainError(_("This overdue was paid before it was notified: cover never stopped."))
    stop = CoverStop.objects.filter(pk=overdue.cover_stop_id).first()
    if stop is None or stop.lifted_on is not None:
        raise DomainError(_("Cover was already reinstated."))
    stop = limit_services.lift_cover_stop(stop=stop, lifted_on=on or timezone.localdate(), lifted_by=reinstated_by)
    events.overdue_cover_reinstated(overdue=overdue, reinstated_on=stop.lifted_on)
    return overdue


@transaction.atomic
def add_invoices(*, overdue: Overdue, invoices: list[InvoiceLine], added_by, notified_on: date | None = None) -> list[Invoice]:
    """List more unpaid invoices of the same buyer on a draft or an open overdue.

    On an open overdue they are notified on the day they are added, so their lateness
    is judged against that day, with the same deadlines as at the declaration (example 6).
    On a draft they are only watched until the draft is notified (`notified_on` is ignored).
    """
    overdue = Overdue.objects.select_for_update().select_related("policy").get(pk=overdue.pk)
    draft = overdue.state == Overdue.State.DRAFT
    notified_on = None if draft else (notified_on or timezone.localdate())
    if overdue.state not in (Overdue.State.DRAFT, Overdue.State.OPEN):
        raise DomainError(_("Invoices are added to draft or open overdues only."))
    if notified_on is not None and notified_on > timezone.localdate():
        raise DomainError(_("The notification date cannot be in the future."), field="notified_on")
    if notified_on is not None and notified_on < overdue.notified_on:
        raise DomainError(_("Invoices cannot be notified before the overdue itself."), field="notified_on")
    _check_invoices(invoices, policy=overdue.policy, notified_on=notified_on,
                    existing_numbers=set(overdue.invoices.values_list("number", flat=True)))
    policy = overdue.policy
    rows = [
        Invoice(
            tenant_id=overdue.tenant_id, overdue=overdue, number=line.number.strip(), invoice_date=line.invoice_date,
            shipment_date=line.shipment_date, due_date=line.due_date, amount=line.amount,
            outstanding=line.outstanding, currency=overdue.currency,
        )
        for line in invoices
    ]
    if not draft:
        _flag_lateness(rows, notified_on=notified_on, policy=policy)
    try:
        with transaction.atomic():
            Invoice.objects.bulk_create(rows)
    except IntegrityError as exc:  # a concurrent request added the same number
        raise DomainError(_("The same invoice number is listed twice."), field="invoices") from exc
    _follow_cover_stop(overdue, policy)
    late = [row.number for row in rows if row.notified_late]
    if late:
        notifications.notify(
            tenant=overdue.tenant, event="overdue.invoices_added",
            dedup_key=f"overdue-invoices:{overdue.pk}:{rows[0].pk}",
            subject=notifications.message("overdue.invoices_added", buyer=overdue.buyer.legal_name),
            body=[notifications.message("overdue.notified_late", invoices=", ".join(late))],
            link=f"/overdues/{overdue.pk}/",
        )
    next_deadline.refresh(overdue_ids=[overdue.pk])  # an older invoice brings every deadline forward
    return rows


def _recheck_lateness(invoice: Invoice, overdue: Overdue, policy) -> None:
    # An extension that counts moves the notification deadline too (policies.deadlines);
    # a draft's invoices are judged only when it is notified.
    if overdue.notified_on is None:
        invoice.notified_late = False
        return
    invoice.notified_late = deadlines_of(invoice, policy).notified_late(overdue.notified_on)


@transaction.atomic
def extend_due_date(*, invoice: Invoice, new_due_date: date, requested_by) -> Invoice:
    """Record an extension of an invoice's due date agreed with the buyer.

    Within the policy's maximum extension days it counts at once; beyond them it
    is recorded but every deadline keeps the original due date until an
    underwriter consents (domain.md, Overdues). A new extension replaces the
    previous one and needs consent again if it goes beyond.
    """
    invoice = Invoice.objects.select_for_update().select_related("overdue__policy").get(pk=invoice.pk)
    overdue = invoice.overdue
    if overdue.state not in (Overdue.State.DRAFT, Overdue.State.OPEN):
        raise DomainError(_("Due dates are extended on draft or open overdues only."))
    if new_due_date <= invoice.due_date:
        raise DomainError(_("The new due date must be after the original due date."), field="new_due_date")
    policy = overdue.policy
    invoice.extended_due_date = new_due_date
    invoice.extension_consented = False
    _recheck_lateness(invoice, overdue, policy)
    invoice.save(update_fields=["extended_due_date", "extension_consented", "notified_late"])
    _follow_cover_stop(overdue, policy)
    next_deadline.refresh(overdue_ids=[overdue.pk])  # an extension that counts moves every deadline
    return invoice


@transaction.atomic
def consent_extension(*, invoice: Invoice, consented_by) -> Invoice:
    """The underwriter accepts an extension beyond the maximum: from now on it moves every deadline."""
    invoice = Invoice.objects.select_for_update().select_related("overdue__policy").get(pk=invoice.pk)
    policy = invoice.overdue.policy
    if invoice.extended_due_date is None:
        raise DomainError(_("No extension was requested on this invoice."))
    if invoice.extension_consented:
        raise DomainError(_("The extension was already consented."))
    if extension_counts(invoice, policy):
        raise DomainError(_("This extension is within the maximum extension period and needs no consent."))
    invoice.extension_consented = True
    _recheck_lateness(invoice, invoice.overdue, policy)
    invoice.save(update_fields=["extension_consented", "notified_late"])
    _follow_cover_stop(invoice.overdue, policy)
    next_deadline.refresh(overdue_ids=[invoice.overdue_id])
    return invoice
