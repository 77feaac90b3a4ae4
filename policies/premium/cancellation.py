"""Cancelling a premium invoice (issue 10, item 5): insurer staff withdraw an invoice raised in error, with the
reason. A cancelled invoice leaves the statement's balance (policies.premium.selectors.premium_statement skips it)
and can never be paid (record_payment refuses what is not open); the state and its reason are CHECKed in the
database (premium_invoice_cancelled_has_reason)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from policies.premium.models import PremiumInvoice, PremiumSuspension

State = PremiumInvoice.State


@transaction.atomic
def cancel_invoice(*, invoice: PremiumInvoice, reason: str, cancelled_by, today: date | None = None) -> PremiumInvoice:
    today = today or timezone.localdate()
    invoice = PremiumInvoice.objects.select_for_update().get(pk=invoice.pk)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the reason for cancelling the invoice."), field="reason")
    if invoice.state != State.OPEN:
        raise DomainError(_("This invoice is not open: it is %(state)s.") % {"state": invoice.get_state_display()},
                          field="invoice", code="not_open")
    if invoice.payments.exists():
        # What was paid stays on the statement; an invoice with payments is settled, not cancelled.
        raise DomainError(_("Payments are recorded on this invoice: it cannot be cancelled."), field="invoice",
                          code="has_payments")
    invoice.state, invoice.cancelled_on = State.CANCELLED, today
    invoice.cancellation_reason, invoice.cancelled_by = reason, cancelled_by
    invoice._change_reason = "cancelled"
    invoice.save(update_fields=["state", "cancelled_on", "cancellation_reason", "cancelled_by"])
    # Premium no longer owed suspends nothing: a suspension it caused ends today, as if it were paid.
    suspension = PremiumSuspension.objects.select_for_update().filter(invoice=invoice).first()
    if suspension is not None:
        if suspension.starts_on >= today:
            suspension.delete()
        elif suspension.ends_on is None or suspension.ends_on > today:
            suspension.ends_on = today
            suspension.save(update_fields=["ends_on"])
    return invoice
