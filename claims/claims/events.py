"""What the insured hears about its claims: in-app notice (and e-mail) and webhooks, once each."""

from django.utils.translation import gettext_lazy

from core import notifications, webhooks
from core.money import money_json

webhooks.register_event("claim.state_changed", gettext_lazy("Claim state changed"))
webhooks.register_event("claim.paid", gettext_lazy("Claim paid"))
webhooks.register_event("claim.deadline_approaching", gettext_lazy("Overdue or claim deadline approaching"))

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
