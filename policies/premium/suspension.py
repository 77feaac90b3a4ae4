"""Cover suspended for unpaid premium (domain.md, Premium: "premium payment" term; example 18).

Premium unpaid past its due date is reminded (the daily job, `reminded_on` = that day). If it is still unpaid
when the suspension notice (`premium_suspension_notice_days` of the terms in force on the reminder day) runs
out, shipments from that day are not covered until the day it is paid: from the payment day shipments are
covered again, and a shipment made during the suspension stays uncovered. Each suspension is a row
(PremiumSuspension: from, until), written by the job and by the payment service, and read by limits'
CoverTimeline, so claims calculate it with every other cover rule.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from policies.deadlines import cover_suspended_from
from policies.premium import events
from policies.premium.models import PremiumInvoice, PremiumSuspension

State = PremiumInvoice.State
# A credit is the insurer's to pay: never reminded, never a reason to suspend cover.
REMINDED_KINDS = [k for k in PremiumInvoice.Kind.values if k != PremiumInvoice.Kind.PROFIT_SHARE_CREDIT]
BATCH_SIZE = 500


def suspension_start(invoice: PremiumInvoice) -> date:
    """Example 18: reminded 1 February, 15 days -> shipments from 16 February are not covered."""
    return cover_suspended_from(terms=invoice.policy.terms_on(invoice.reminded_on), reminded_on=invoice.reminded_on)


# Reads


def suspensions_of(policy) -> list[PremiumSuspension]:
    """Every suspension of the policy's cover, oldest first: one query, read once per cover timeline."""
    return list(PremiumSuspension.objects.filter(policy_id=policy.pk).order_by("starts_on", "pk"))


def suspended_on(*, policy, day: date) -> bool:
    return PremiumSuspension.objects.filter(policy_id=policy.pk, starts_on__lte=day).exclude(
        ends_on__lte=day).exists()


def suspensions_for_tenant(*, tenant, policy=None) -> QuerySet[PremiumSuspension]:
    qs = PremiumSuspension.objects.filter(tenant=tenant).select_related("policy", "invoice")
    return qs.filter(policy=policy) if policy is not None else qs


# Writes


def reinstate(*, invoice: PremiumInvoice, paid_on: date) -> PremiumSuspension | None:
    """The invoice was paid in full on `paid_on`: a suspension it caused ends that day. Called by the payment
    service in its transaction. A payment dated on or before the day the suspension would start means cover was
    never suspended; one dated after it, recorded before the job wrote the suspension, writes it closed."""
    suspension = PremiumSuspension.objects.select_for_update().filter(invoice=invoice).first()
    if invoice.reminded_on is None:
        return None
    starts_on = suspension.starts_on if suspension else suspension_start(invoice)
    if paid_on <= starts_on:
        if suspension is not None:
            suspension._change_reason = "paid before the suspension started"
            suspension.delete()
        return None
    if suspension is None:
        return PremiumSuspension.objects.create(tenant_id=invoice.tenant_id, policy_id=invoice.policy_id,
                                                invoice=invoice, starts_on=starts_on, ends_on=paid_on)
    suspension.ends_on = paid_on
    suspension._change_reason = "premium paid"
    suspension.save(update_fields=["ends_on"])
    return suspension


@dataclass
class ReminderJobResult:
    reminded: int = 0
    suspended: int = 0


def _open_invoices():
    return (PremiumInvoice.objects.filter(state=State.OPEN, kind__in=REMINDED_KINDS, amount__gt=0)
            .select_related("policy", "tenant").prefetch_related("policy__terms_versions"))


def remind_overdue(*, today: date, batch_size: int = BATCH_SIZE) -> int:
    """Remind every open invoice past its due date not reminded yet: `reminded_on` = today. Set-based: a batch
    is one read, one update, one notification insert; a second run the same day finds none left."""
    reminded, last_pk = 0, 0
    while True:
        batch = list(_open_invoices().filter(due_on__lt=today, reminded_on__isnull=True, pk__gt=last_pk)
                     .order_by("pk")[:batch_size])
        if not batch:
            return reminded
        last_pk = batch[-1].pk
        with transaction.atomic():
            for invoice in batch:
                invoice.reminded_on = today
            bulk_update_with_history(batch, PremiumInvoice, ["reminded_on"], batch_size=batch_size,
                                     default_change_reason="premium job: reminded")
            events.announce_overdue([(invoice, suspension_start(invoice)) for invoice in batch])
        reminded += len(batch)


def suspend_unpaid(*, today: date, batch_size: int = BATCH_SIZE) -> int:
    """Suspend cover for every reminded invoice still unpaid when its notice has run out."""
    suspended, last_pk = 0, 0
    while True:
        batch = list(_open_invoices().filter(reminded_on__isnull=False, suspension__isnull=True, reminded_on__lt=today,
                                             pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return suspended
        last_pk = batch[-1].pk
        due = [(invoice, suspension_start(invoice)) for invoice in batch]
        due = [(invoice, starts_on) for invoice, starts_on in due if starts_on <= today]
        if not due:
            continue
        with transaction.atomic():
            bulk_create_with_history(
                [PremiumSuspension(tenant_id=i.tenant_id, policy_id=i.policy_id, invoice=i, starts_on=starts_on)
                 for i, starts_on in due],
                PremiumSuspension, batch_size=batch_size, default_change_reason="premium job: unpaid after notice",
            )
            events.announce_suspended(due)
        suspended += len(due)


def run_reminder_job(*, today: date) -> ReminderJobResult:
    """Daily, after the invoices are raised: reminders first, so a reminder is never followed by a suspension
    the same day (the notice runs from the reminder)."""
    return ReminderJobResult(reminded=remind_overdue(today=today), suspended=suspend_unpaid(today=today))
