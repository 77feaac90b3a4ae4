"""What the insured hears about its limits: in-app notice, e-mail and webhook, once each."""

import uuid

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import notifications, webhooks
from core.money import money_json
from core.notifications import date_param, label_param, labels_param, message, money_param, text
from core.webhooks.payloads import BuyerPayload, MoneyPayload
from limits.models import CreditLimit, LimitDecision


class _DecisionPayload(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=LimitDecision.Kind.choices)
    amount = MoneyPayload()
    effective_date = serializers.DateField()
    reason_codes = serializers.ListField(child=serializers.CharField())
    note = serializers.CharField(allow_blank=True)
    conditions = serializers.CharField(allow_blank=True)


class LimitDecisionPayload(serializers.Serializer):
    """`data` of the limit.* webhooks: the limit and the decision (decision_payload below)."""

    limit_id = serializers.IntegerField()
    reference = serializers.CharField(allow_blank=True, help_text="The insured's own reference.")
    policy = serializers.CharField(help_text="The policy number.")
    buyer = BuyerPayload()
    state = serializers.ChoiceField(choices=CreditLimit.State.choices)
    decision = _DecisionPayload()


# Registered at import; limits.apps.LimitsConfig.ready() imports this module so the
# webhook endpoint form offers them from start-up.
webhooks.register_event("limit.decided", gettext_lazy("Credit limit decided"), LimitDecisionPayload)
webhooks.register_event("limit.reduced", gettext_lazy("Credit limit reduced"), LimitDecisionPayload)
webhooks.register_event("limit.withdrawn", gettext_lazy("Credit limit withdrawn"), LimitDecisionPayload)
webhooks.register_event("limit.expired", gettext_lazy("Credit limit expired"), LimitDecisionPayload)

WEBHOOK_EVENT = {
    LimitDecision.Kind.APPROVED: "limit.decided",
    LimitDecision.Kind.PARTIALLY_APPROVED: "limit.decided",
    LimitDecision.Kind.APPROVED_WITH_CONDITIONS: "limit.decided",
    LimitDecision.Kind.REFUSED: "limit.decided",
    LimitDecision.Kind.REDUCED: "limit.reduced",
    LimitDecision.Kind.WITHDRAWN: "limit.withdrawn",
    LimitDecision.Kind.EXPIRED: "limit.expired",
}


def decision_payload(limit: CreditLimit, decision: LimitDecision) -> dict:
    return {
        "limit_id": limit.pk,
        "reference": limit.reference,
        "policy": limit.policy.number,
        "buyer": {"id": limit.buyer_id, "legal_name": limit.buyer.legal_name, "country": limit.buyer.country.code},
        "state": limit.state,
        "decision": {
            "id": decision.pk,
            "kind": decision.kind,
            "amount": money_json(decision.amount, decision.currency),
            "effective_date": decision.effective_date.isoformat(),
            "reason_codes": decision.reason_codes,
            "note": decision.note,
            "conditions": decision.conditions,
        },
    }


def announce_decision(*, limit: CreditLimit, decision: LimitDecision, notify_insured: bool = True) -> None:
    """Called inside the deciding transaction; notice and webhook go out after commit.

    notify_insured=False: the caller tells the insured itself (a CSV import sends one summary
    for the whole file); integrators still get the webhook for every decision.
    """
    if notify_insured:
        _notify_insured(limit, decision)
    event = WEBHOOK_EVENT.get(decision.kind)
    if event:
        webhooks.emit(tenant=limit.tenant, event=event, payload=decision_payload(limit, decision),
                      event_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:limit-decision:{decision.pk}")))


def _notify_insured(limit: CreditLimit, decision: LimitDecision) -> None:
    from limits.models import ReasonCode

    subject = message("limit.decided", buyer=limit.buyer.legal_name, kind=label_param(LimitDecision.Kind(decision.kind).label),
                      amount=money_param(decision.amount, decision.currency))
    lines = [subject, message("limit.effective_from", date=date_param(decision.effective_date))]
    if decision.reason_codes:
        lines.append(message("limit.reasons",
                             reasons=labels_param(ReasonCode(code).label for code in decision.reason_codes)))
    if decision.note:
        lines.append(text(decision.note))  # the underwriter's own words
    if decision.conditions:
        lines.append(message("limit.conditions", conditions=decision.conditions))
    notifications.notify(
        tenant=limit.tenant,
        event=f"limit.{decision.kind}",
        dedup_key=f"limit-decision:{decision.pk}",
        subject=subject,
        body=lines,
        link=f"/limits/{limit.pk}/",
        role="Credit manager",
    )
