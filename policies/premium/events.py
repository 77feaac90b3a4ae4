"""What the insured hears about its premium invoices: in-app notice, e-mail and webhook, once each.

`premium.invoiced` when an invoice (or a profit-share credit) is raised, `premium.overdue` when an unpaid one is
reminded. Called inside the transaction that raises or reminds, so the outbox carries them after commit.
"""

import uuid

from django.urls import reverse
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import notifications, webhooks
from core.money import money_json
from core.notifications import date_param, label_param, message, money_param
from core.webhooks.payloads import MoneyPayload
from policies.premium.models import PremiumInvoice

FINANCE_ROLE = "Finance"


class PremiumInvoicePayload(serializers.Serializer):
    """`data` of the premium.* webhooks."""

    invoice_id = serializers.IntegerField()
    policy = serializers.CharField(help_text="The policy number.")
    policy_id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=PremiumInvoice.Kind.choices)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    amount = MoneyPayload()
    issued_on = serializers.DateField()
    due_on = serializers.DateField()
    reminded_on = serializers.DateField(allow_null=True)
    state = serializers.ChoiceField(choices=PremiumInvoice.State.choices)


# Registered at import; policies.apps.PoliciesConfig.ready() imports this module.
webhooks.register_event("premium.invoiced", gettext_lazy("Premium invoiced"), PremiumInvoicePayload)
webhooks.register_event("premium.overdue", gettext_lazy("Premium overdue"), PremiumInvoicePayload)


def invoice_payload(invoice: PremiumInvoice) -> dict:
    return {
        "invoice_id": invoice.pk, "policy": invoice.policy.number, "policy_id": invoice.policy_id,
        "kind": invoice.kind, "period_start": invoice.period_start.isoformat(),
        "period_end": invoice.period_end.isoformat(), "amount": money_json(invoice.amount, invoice.currency),
        "issued_on": invoice.issued_on.isoformat(), "due_on": invoice.due_on.isoformat(),
        "reminded_on": invoice.reminded_on.isoformat() if invoice.reminded_on else None, "state": invoice.state,
    }


def _event_id(event: str, invoice: PremiumInvoice) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:{event}:{invoice.pk}"))


def _link(invoice: PremiumInvoice) -> str:
    return reverse("policies:premium", args=[invoice.policy_id])


def _invoiced_spec(invoice: PremiumInvoice) -> notifications.NotificationSpec:
    kind = label_param(PremiumInvoice.Kind(invoice.kind).label)
    amount = money_param(invoice.amount, invoice.currency)
    if invoice.is_credit:
        subject = message("premium.credited", number=invoice.policy.number, kind=kind, amount=amount)
    else:
        subject = message("premium.invoiced", number=invoice.policy.number, kind=kind, amount=amount,
                          due=date_param(invoice.due_on))
    return notifications.NotificationSpec(
        tenant_id=invoice.tenant_id, event="premium.invoiced", dedup_key=f"premium.invoiced:{invoice.pk}",
        subject=subject, role=FINANCE_ROLE, link=_link(invoice),
    )


def _overdue_spec(invoice: PremiumInvoice, suspension_from) -> notifications.NotificationSpec:
    return notifications.NotificationSpec(
        tenant_id=invoice.tenant_id, event="premium.overdue", dedup_key=f"premium.overdue:{invoice.pk}",
        subject=message("premium.overdue", number=invoice.policy.number,
                        amount=money_param(invoice.amount, invoice.currency), due=date_param(invoice.due_on),
                        suspension=date_param(suspension_from)),
        role=FINANCE_ROLE, link=_link(invoice),
    )


def _suspended_spec(invoice: PremiumInvoice, starts_on) -> notifications.NotificationSpec:
    return notifications.NotificationSpec(
        tenant_id=invoice.tenant_id, event="premium.suspended", dedup_key=f"premium.suspended:{invoice.pk}",
        subject=message("premium.suspended", number=invoice.policy.number,
                        amount=money_param(invoice.amount, invoice.currency), date=date_param(starts_on)),
        role=FINANCE_ROLE, link=_link(invoice),
    )


def _emit(event: str, invoices: list[PremiumInvoice]) -> None:
    by_tenant: dict = {}
    for invoice in invoices:
        by_tenant.setdefault(invoice.tenant_id, (invoice.tenant, []))[1].append(invoice)
    for tenant, items in by_tenant.values():
        webhooks.emit_many(tenant=tenant, event=event,
                           items=[(_event_id(event, i), invoice_payload(i)) for i in items])


def announce_invoiced(invoices: list[PremiumInvoice]) -> None:
    """A notice to Finance and a webhook per invoice raised; an invoice of nothing (all covered by the deposit)
    is on the statement but not announced."""
    invoices = [i for i in invoices if i.amount > 0]
    notifications.notify_many([_invoiced_spec(i) for i in invoices])
    _emit("premium.invoiced", invoices)


def announce_overdue(reminded: list[tuple[PremiumInvoice, object]]) -> None:
    """`reminded`: (invoice, the day cover is suspended if it is still unpaid)."""
    notifications.notify_many([_overdue_spec(i, day) for i, day in reminded])
    _emit("premium.overdue", [i for i, _day in reminded])


def announce_suspended(suspended: list[tuple[PremiumInvoice, object]]) -> None:
    notifications.notify_many([_suspended_spec(i, day) for i, day in suspended])
