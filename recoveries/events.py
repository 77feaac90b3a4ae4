"""What the insured hears about recoveries and collection: notice and webhook, once each."""

from django.utils.translation import gettext_lazy
from rest_framework import serializers

from core import notifications, webhooks
from core.money import money_json
from core.webhooks.payloads import MoneyPayload


class RecoveryPayload(serializers.Serializer):
    """`data` of recovery.recorded."""

    claim_id = serializers.IntegerField()
    recovery_id = serializers.IntegerField()
    source = serializers.CharField()
    phase = serializers.CharField()
    amount = MoneyPayload()
    received_on = serializers.DateField()


class CollectionPayload(serializers.Serializer):
    """`data` of collection.status_changed."""

    collection_case_id = serializers.IntegerField()
    overdue_id = serializers.IntegerField()
    claim_id = serializers.IntegerField(allow_null=True)
    status = serializers.CharField()
    note = serializers.CharField(allow_blank=True)
    agency = serializers.CharField(allow_blank=True)


webhooks.register_event("recovery.recorded", gettext_lazy("Recovery recorded on a claim"), RecoveryPayload)
webhooks.register_event("collection.status_changed", gettext_lazy("Collection status changed"), CollectionPayload)


def announce_recovery(*, claim, recovery) -> None:
    payload = {
        "claim_id": claim.pk, "recovery_id": recovery.pk, "source": recovery.source, "phase": recovery.phase,
        "amount": money_json(recovery.amount, recovery.currency),
        "received_on": recovery.received_on.isoformat(),
    }
    webhooks.emit(tenant=claim.tenant, event="recovery.recorded", payload=payload,
                  event_id=f"recovery-recorded:{recovery.pk}")
    notifications.notify(
        tenant=claim.tenant, event="recovery.recorded", dedup_key=f"recovery-recorded:{recovery.pk}",
        subject=notifications.message("recovery.recorded", ref=claim.reference or claim.pk,
                                      amount=notifications.money_param(recovery.amount, recovery.currency)),
        link=f"/recoveries/claims/{claim.pk}/", role="Finance",
    )


def announce_collection(*, case) -> None:
    version = case.history.count() if hasattr(case, "history") else 0
    payload = {"collection_case_id": case.pk, "overdue_id": case.overdue_id, "claim_id": case.claim_id,
               "status": case.status, "note": case.status_note, "agency": case.agency}
    webhooks.emit(tenant=case.tenant, event="collection.status_changed", payload=payload,
                  event_id=f"collection:{case.pk}:{version}")
