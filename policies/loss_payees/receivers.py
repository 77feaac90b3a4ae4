"""Telling the loss payee: every limit, overdue and claim event on what a bank finances reaches it, by
e-mail (in the bank's language) and, if it registered one, at its webhook receiver, in the emitting
transaction through the outbox. The events of tenants without a loss payee cost nothing here.
"""

import uuid

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone, translation

from core import outbox, webhooks
from core.messages import date_param, label_param, render_message
from core.models import WebhookEndpoint
from core.webhooks import registry
from policies.loss_payees.events import told_to_bank
from policies.loss_payees.models import LossPayee, LossPayeeNotice

EMAIL_TASK = "policies.email_loss_payee_notices"


def payees_running(*, tenant, on) -> dict[tuple[str, int | None], LossPayee]:
    """The tenant's assignments that apply on `on`, by (policy number, buyer id or None for the policy)."""
    payees = (LossPayee.objects.filter(tenant=tenant, effective_from__lte=on)
              .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on)).select_related("policy", "webhook_endpoint"))
    return {(payee.policy.number, payee.buyer_id): payee for payee in payees}


def payee_of(payees: dict, payload: dict) -> LossPayee | None:
    """The bank the event concerns: the buyer's own assignment first, else the whole policy's."""
    policy, buyer_id = payload.get("policy"), (payload.get("buyer") or {}).get("id")
    if not policy:
        return None
    return payees.get((policy, buyer_id)) or payees.get((policy, None))


@receiver(webhooks.event_emitted, sender=WebhookEndpoint)
def tell_loss_payees(sender, *, tenant, event, items, **kwargs):
    if not getattr(tenant, "has_loss_payees", False) or not told_to_bank(event):
        return
    payees = payees_running(tenant=tenant, on=timezone.localdate())
    addressed: dict[int, tuple[LossPayee, list]] = {}
    for event_id, payload in items:
        payee = payee_of(payees, payload)
        if payee is not None:
            addressed.setdefault(payee.pk, (payee, []))[1].append((event_id or str(uuid.uuid4()), payload))
    notices = []
    for payee, payee_items in addressed.values():
        if payee.webhook_endpoint is not None:
            webhooks.emit_to(endpoint=payee.webhook_endpoint, event=event, items=payee_items)
        notices += [LossPayeeNotice(tenant_id=payee.tenant_id, payee=payee, event=event, event_key=str(key)[:100],
                                    params=_notice_params(tenant, event, key, payload)) for key, payload in payee_items]
    if notices:
        LossPayeeNotice.objects.bulk_create(notices, ignore_conflicts=True)
        # Any of these payees' notices not e-mailed yet: sending is idempotent, so a wider net costs nothing.
        ids = list(LossPayeeNotice.objects.filter(
            payee_id__in={n.payee_id for n in notices}, event_key__in={n.event_key for n in notices},
            emailed_at__isnull=True).values_list("pk", flat=True))
        if ids:
            outbox.enqueue(task_name=EMAIL_TASK, payload={"notice_ids": ids})


def _notice_params(tenant, event: str, key, payload: dict) -> dict:
    return {"event": label_param(registry.EVENTS[event]), "buyer": (payload.get("buyer") or {}).get("legal_name", ""),
            "policy": payload.get("policy", ""), "insured": tenant.legal_name, "event_id": str(key),
            "day": date_param(timezone.localdate())}


@outbox.outbox_handler(EMAIL_TASK)
def email_loss_payee_notices(*, notice_ids: list[int]) -> None:
    """Each notice e-mailed once (emailed_at is set under the row lock), in its bank's language."""
    for notice_id in notice_ids:
        with transaction.atomic():
            notice = (LossPayeeNotice.objects.select_for_update().select_related("payee")
                      .filter(pk=notice_id, emailed_at__isnull=True).first())
            if notice is None:
                continue
            with translation.override(notice.payee.language):
                subject = render_message("loss_payee.bank_notice", notice.params)
                body = render_message("loss_payee.bank_notice.body", notice.params)
            send_mail(subject, body, None, [notice.payee.contact_email])
            notice.emailed_at = timezone.now()
            notice.save(update_fields=["emailed_at"])
