"""Webhook events of overdues: registered once at import, emitted inside the service's transaction.

`claims.apps.ClaimsConfig.ready()` should import this module so the webhook
endpoint form offers the events even before any overdue code ran;
claims.overdues.services imports it too, so emitting never meets an unknown event.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core import webhooks
from core.money import money_json
from core.webhooks.payloads import BuyerPayload, MoneyPayload

NOTIFIED = "overdue.notified"
CLEARED = "overdue.cleared"
COVER_REINSTATED = "overdue.cover_reinstated"


class _InvoicePayload(serializers.Serializer):
    number = serializers.CharField()
    due_date = serializers.DateField()
    outstanding = MoneyPayload()
    notified_late = serializers.BooleanField()


class OverduePayload(serializers.Serializer):
    """`data` of the overdue.* webhooks (overdue_payload below)."""

    overdue_id = serializers.IntegerField()
    reference = serializers.CharField(allow_blank=True, help_text="The insured's own reference.")
    policy = serializers.CharField(help_text="The policy number.")
    buyer = BuyerPayload()
    state = serializers.CharField()
    notified_on = serializers.DateField(allow_null=True)
    cleared_on = serializers.DateField(allow_null=True)
    outstanding = MoneyPayload()
    invoices = _InvoicePayload(many=True)
    cover_stopped_from = serializers.DateField(required=False, help_text="overdue.notified only.")
    cover_reinstated_on = serializers.DateField(required=False, help_text="overdue.cover_reinstated only.")


for _name, _label in (
    (NOTIFIED, _("Overdue notified")),
    (CLEARED, _("Overdue cleared (fully paid)")),
    (COVER_REINSTATED, _("Cover reinstated after an overdue")),
):
    webhooks.register_event(_name, _label, OverduePayload)


def _amount(value, currency) -> dict:
    return money_json(value, currency)


def overdue_payload(overdue, invoices) -> dict:
    """What a receiver needs to match the overdue in its ledger; amounts as decimal strings."""
    return {
        "overdue_id": overdue.pk,
        "reference": overdue.reference,
        "policy": overdue.policy.number,
        "buyer": {"id": overdue.buyer_id, "legal_name": overdue.buyer.legal_name,
                  "country": overdue.buyer.country.code},
        "state": overdue.state,
        "notified_on": overdue.notified_on.isoformat() if overdue.notified_on else None,  # None: a draft
        "cleared_on": overdue.cleared_on.isoformat() if overdue.cleared_on else None,
        "outstanding": _amount(sum((inv.outstanding for inv in invoices), 0), overdue.currency),
        "invoices": [
            {"number": inv.number, "due_date": inv.due_date.isoformat(),
             "outstanding": _amount(inv.outstanding, inv.currency), "notified_late": inv.notified_late}
            for inv in invoices
        ],
    }


def _emit(event: str, overdue, invoices, key: str, **extra) -> None:
    # A stable event id: emitting the same fact twice (a retried request) delivers once.
    webhooks.emit(tenant=overdue.tenant, event=event, payload={**overdue_payload(overdue, invoices), **extra},
                  event_id=key)


def overdue_notified(*, overdue, invoices, cover_stopped_from) -> None:
    _emit(NOTIFIED, overdue, invoices, f"overdue-notified:{overdue.pk}",
          cover_stopped_from=cover_stopped_from.isoformat())


def overdue_cleared(*, overdue) -> None:
    _emit(CLEARED, overdue, list(overdue.invoices.all()), f"overdue-cleared:{overdue.pk}")


def overdue_cover_reinstated(*, overdue, reinstated_on) -> None:
    _emit(COVER_REINSTATED, overdue, list(overdue.invoices.all()), f"overdue-reinstated:{overdue.pk}",
          cover_reinstated_on=reinstated_on.isoformat())
