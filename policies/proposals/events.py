"""What the insured hears of its quote and its new policy: in-app notice, e-mail and the `quote.offered` and
`policy.issued` webhooks, in the transaction of the change through the outbox."""

import uuid

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import notifications, webhooks
from core.notifications import date_param, message


class QuoteOfferedPayload(serializers.Serializer):
    """`data` of quote.offered: read the quote (`GET /api/v1/quotes/{id}/`) for its terms."""

    quote_id = serializers.IntegerField()
    proposal_id = serializers.IntegerField()
    valid_until = serializers.DateField(help_text="The last day the quote may be accepted.")


class PolicyIssuedPayload(serializers.Serializer):
    """`data` of policy.issued: read the policy (`GET /api/v1/policies/{id}/`) for its terms."""

    policy_id = serializers.IntegerField()
    policy = serializers.CharField(help_text="The policy number.")
    quote_id = serializers.IntegerField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()


# Registered at import; policies.apps.PoliciesConfig.ready() imports this module.
webhooks.register_event("quote.offered", gettext_lazy("Quote offered"), QuoteOfferedPayload)
webhooks.register_event("policy.issued", gettext_lazy("Policy issued"), PolicyIssuedPayload)


def announce_offer(*, quote) -> None:
    subject = message("quote.offered", quote=f"Q-{quote.pk}", date=date_param(quote.valid_until))
    notifications.notify(tenant=quote.tenant, event="quote.offered", dedup_key=f"quote-offered:{quote.pk}",
                         subject=subject, body=[subject], link=f"/policies/proposals/quotes/{quote.pk}/")
    webhooks.emit(tenant=quote.tenant, event="quote.offered",
                  payload={"quote_id": quote.pk, "proposal_id": quote.proposal_id,
                           "valid_until": quote.valid_until.isoformat()},
                  event_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:quote-offered:{quote.pk}")))


def announce_issue(*, policy, quote) -> None:
    subject = message("policy.issued", number=policy.number, date=date_param(policy.start_date))
    notifications.notify(tenant=policy.tenant, event="policy.issued", dedup_key=f"policy-issued:{policy.pk}",
                         subject=subject, body=[subject], link=f"/policies/{policy.pk}/")
    webhooks.emit(tenant=policy.tenant, event="policy.issued",
                  payload={"policy_id": policy.pk, "policy": policy.number, "quote_id": quote.pk,
                           "start_date": policy.start_date.isoformat(), "end_date": policy.end_date.isoformat()},
                  event_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:policy-issued:{policy.pk}")))
