"""What the insured hears of an endorsement of its policy: in-app notice, e-mail and the `policy.endorsed`
webhook, once each (issue 10, item 9). Called inside the endorsing transaction: the outbox carries them after
commit, or neither goes out."""

import uuid

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import notifications, webhooks
from core.notifications import date_param, message
from policies.models import Policy, TermsVersion


class PolicyEndorsedPayload(serializers.Serializer):
    """`data` of the policy.endorsed webhook: which terms changed, from which day (read the policy for them all)."""

    policy_id = serializers.IntegerField()
    policy = serializers.CharField(help_text="The policy number.")
    version_id = serializers.IntegerField()
    effective_from = serializers.DateField(help_text="The first shipment day the new terms apply to.")
    changed_terms = serializers.ListField(child=serializers.CharField(),
                                          help_text="The names of the terms the endorsement changed.")
    reason = serializers.CharField()


# Registered at import; policies.apps.PoliciesConfig.ready() imports this module.
webhooks.register_event("policy.endorsed", gettext_lazy("Policy terms endorsed"), PolicyEndorsedPayload)


def announce_endorsement(*, policy: Policy, version: TermsVersion, changed_terms: list[str]) -> None:
    subject = message("policy.endorsed", number=policy.number, date=date_param(version.effective_from))
    notifications.notify(
        tenant=policy.tenant, event="policy.endorsed", dedup_key=f"policy-endorsed:{version.pk}", subject=subject,
        body=[subject, message("policy.endorsed_reason", reason=version.reason)], link=f"/policies/{policy.pk}/",
    )
    webhooks.emit(
        tenant=policy.tenant, event="policy.endorsed",
        payload={"policy_id": policy.pk, "policy": policy.number, "version_id": version.pk,
                 "effective_from": version.effective_from.isoformat(), "changed_terms": changed_terms,
                 "reason": version.reason},
        event_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:policy-endorsed:{version.pk}")),
    )
