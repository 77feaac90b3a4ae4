"""What the insured hears of its policy's life: a renewal offered, the next period agreed (the `policy.renewed`
webhook), a notice of non-renewal or cancellation. Called inside the writing transaction: the outbox carries the
notices and webhooks after commit, or none goes out. Messages are codes and parameters (policies/notices.py),
written in each reader's language when read."""

import uuid

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import notifications, webhooks
from core.notifications import date_param, message


class PolicyRenewedPayload(serializers.Serializer):
    """`data` of the policy.renewed webhook: the new period, and which terms changed from its first day."""

    policy_id = serializers.IntegerField()
    policy = serializers.CharField(help_text="The policy number.")
    period = serializers.IntegerField(help_text="The new period's number (1 is the first).")
    start = serializers.DateField()
    end = serializers.DateField(help_text="The new period's last day.")
    changed_terms = serializers.ListField(child=serializers.CharField(),
                                          help_text="Terms the renewal changed, from the new period's first day.")


webhooks.register_event("policy.renewed", gettext_lazy("Policy renewed"), PolicyRenewedPayload)


def _link(policy) -> str:
    return f"/policies/{policy.pk}/"


def announce_offer(*, offer) -> None:
    policy = offer.policy
    subject = message("policy.renewal_offered", number=policy.number, end=date_param(offer.period.end))
    notifications.notify(tenant=policy.tenant, event="policy.renewal_offered", dedup_key=f"renewal-offer:{offer.pk}",
                         subject=subject, body=[subject], link=_link(policy))


def announce_renewal(*, policy, period, changed_terms: list[str]) -> None:
    subject = message("policy.renewed", number=policy.number, start=date_param(period.start),
                      end=date_param(period.end))
    notifications.notify(tenant=policy.tenant, event="policy.renewed", dedup_key=f"policy-renewed:{period.pk}",
                         subject=subject, body=[subject], link=_link(policy))
    webhooks.emit(
        tenant=policy.tenant, event="policy.renewed",
        payload={"policy_id": policy.pk, "policy": policy.number, "period": period.number,
                 "start": period.start.isoformat(), "end": period.end.isoformat(), "changed_terms": changed_terms},
        event_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:policy-renewed:{period.pk}")),
    )


def announce_notice(*, notice) -> None:
    policy = notice.policy
    code = "policy.notice_non_renewal" if notice.kind == "non_renewal" else "policy.notice_cancellation"
    subject = message(code, number=policy.number, date=date_param(notice.effective_on))
    notifications.notify(tenant=policy.tenant, event="policy.notice", dedup_key=f"policy-notice:{notice.pk}",
                         subject=subject, body=[subject, message("policy.notice_reason", reason=notice.reason)],
                         link=_link(policy))
