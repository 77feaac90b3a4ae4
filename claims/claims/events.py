"""What the insured hears about its claims: in-app notice (and e-mail) and webhooks, once each."""

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import notifications, webhooks
from core.money import money_json
from core.webhooks.payloads import MoneyPayload


class _ClaimBuyer(serializers.Serializer):
    id = serializers.IntegerField()
    legal_name = serializers.CharField()


class ClaimPayload(serializers.Serializer):
    """`data` of claim.paid (claim_payload below)."""

    claim_id = serializers.IntegerField()
    reference = serializers.CharField(allow_blank=True, help_text="The insured's own reference.")
    policy = serializers.CharField(help_text="The policy number.")
    buyer = _ClaimBuyer()
    overdue_id = serializers.IntegerField()
    cause = serializers.CharField()
    state = serializers.CharField()
    date_of_loss = serializers.DateField()
    filed_on = serializers.DateField(allow_null=True)
    complete_on = serializers.DateField(allow_null=True)
    payment_due_on = serializers.DateField(allow_null=True)
    calculated_indemnity = MoneyPayload(allow_null=True)
    approved_indemnity = MoneyPayload(allow_null=True)
    paid_amount = MoneyPayload(allow_null=True)
    paid_on = serializers.DateField(allow_null=True)


class ClaimTransitionPayload(ClaimPayload):
    """`data` of claim.state_changed: the claim, the state it left and the handler's note."""

    previous_state = serializers.CharField()
    note = serializers.CharField(allow_blank=True)


class DeadlineApproachingPayload(serializers.Serializer):
    """`data` of claim.deadline_approaching (claims/reminders.py): a claim window's or a draft's deadlines."""

    overdue_id = serializers.IntegerField()
    buyer = serializers.CharField(help_text="The buyer's legal name.")
    policy = serializers.CharField(help_text="The policy number.")
    kind = serializers.CharField(help_text="Which deadline: claim.filing_deadline or overdue.notification_deadline.")
    opens = serializers.DateField(required=False, help_text="A claim can be filed from this day.")
    closes = serializers.DateField(required=False, help_text="The claim filing deadline.")
    oldest_due_date = serializers.DateField(required=False)
    notification_deadline = serializers.DateField(required=False)
    max_extension_end = serializers.DateField(required=False)


webhooks.register_event("claim.state_changed", gettext_lazy("Claim state changed"), ClaimTransitionPayload)
webhooks.register_event("claim.paid", gettext_lazy("Claim paid"), ClaimPayload)
webhooks.register_event("claim.deadline_approaching", gettext_lazy("Overdue or claim deadline approaching"),
                        DeadlineApproachingPayload)

# States the insured must hear about by notice; the others show on the claim page and in webhooks.
_NOTIFIED = {"incomplete", "complete", "approved", "rejected", "withdrawn"}


def claim_payload(claim) -> dict:
    def amount(value):
        return money_json(value, claim.currency)

    return {
        "claim_id": claim.pk,
        "reference": claim.reference,
        "policy": claim.policy.number,
        "buyer": {"id": claim.buyer_id, "legal_name": claim.buyer.legal_name},
        "overdue_id": claim.overdue_id,
        "cause": claim.cause,
        "state": claim.state,
        "date_of_loss": claim.date_of_loss.isoformat(),
        "filed_on": claim.filed_on.isoformat() if claim.filed_on else None,
        "complete_on": claim.complete_on.isoformat() if claim.complete_on else None,
        "payment_due_on": claim.payment_due_on.isoformat() if claim.payment_due_on else None,
        "calculated_indemnity": amount(claim.calculated_indemnity),
        "approved_indemnity": amount(claim.approved_indemnity),
        "paid_amount": amount(claim.paid_amount),
        "paid_on": claim.paid_on.isoformat() if claim.paid_on else None,
    }


def announce_transition(*, claim, source: str, note: str = "") -> None:
    """Called inside the transition's transaction; keyed by the transition so a retry announces once."""
    key = f"claim:{claim.pk}:{source}->{claim.state}:{claim.transitions.count()}"
    payload = claim_payload(claim) | {"previous_state": source, "note": note}
    webhooks.emit(tenant=claim.tenant, event="claim.state_changed", payload=payload, event_id=key)
    if claim.state in _NOTIFIED:
        subject = notifications.message("claim.state_changed", ref=claim.reference or claim.pk,
                                        buyer=claim.buyer.legal_name,
                                        state=notifications.label_param(type(claim).State(claim.state).label))
        # The note is the handler's own words (a reason, documents asked for), shown as written.
        notifications.notify(tenant=claim.tenant, event=f"claim.{claim.state}", dedup_key=key, subject=subject,
                             body=[notifications.text(note)] if note else [], link=f"/claims/{claim.pk}/",
                             role="Finance")


def announce_paid(*, claim) -> None:
    webhooks.emit(tenant=claim.tenant, event="claim.paid", payload=claim_payload(claim), event_id=f"claim-paid:{claim.pk}")
    subject = notifications.message("claim.paid", ref=claim.reference or claim.pk,
                                    amount=notifications.money_param(claim.paid_amount, claim.currency))
    notifications.notify(tenant=claim.tenant, event="claim.paid", dedup_key=f"claim-paid:{claim.pk}",
                         subject=subject, link=f"/claims/{claim.pk}/", role="Finance")
