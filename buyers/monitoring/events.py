"""The `buyer.alert` webhook: one per alert raised, with its code and parameters (translated by the receiver)."""

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from buyers.monitoring.models import AlertCode
from core import webhooks
from core.webhooks.payloads import BuyerPayload


class BuyerAlertPayload(serializers.Serializer):
    """`data` of `buyer.alert` (buyers.monitoring.services.webhook_payload)."""

    alert_id = serializers.IntegerField()
    code = serializers.ChoiceField(choices=AlertCode.choices)
    params = serializers.DictField(help_text=(
        "The message's parameters: `buyer` (its legal name), and per code `date`, `grade`, `previous`, `policy`, "
        "`reference`, `share` (percent), `outstanding` and `limit` (money), `recent` and `previous` (days). "
        "Typed values are objects: {\"money\": {amount, currency}}, {\"date\": \"YYYY-MM-DD\"}. "
        "`adverse_information` names nothing but the buyer: another insured's overdue is never told whose."))
    raised_on = serializers.DateField()
    buyer = BuyerPayload()


webhooks.register_event("buyer.alert", gettext_lazy("Alert on a buyer"), BuyerAlertPayload)
