"""Raising alerts once per cause, with the insured's notice and the `buyer.alert` webhook in the same transaction
(both through the outbox), and marking them read.

Set-based: the candidates already raised are found by their causes in chunks, the new ones inserted in bulk,
one notification and one webhook batch per tenant. A second run over the same causes inserts nothing and
tells no one.
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.roles import CREDIT_MANAGER
from buyers.monitoring.models import BuyerAlert
from buyers.monitoring.registry import AlertCandidate
from core import notifications, webhooks

CHUNK = 1000
NOTICE_LINES = 20  # lines of one notification; the subject counts them all
MONITORING_LINK = "/limits/monitoring/"


def _already_raised(candidates: list[AlertCandidate]) -> set[tuple[int, int, str]]:
    raised = set()
    for start in range(0, len(candidates), CHUNK):
        chunk = candidates[start:start + CHUNK]
        raised |= set(BuyerAlert.objects.filter(
            tenant_id__in={c.tenant_id for c in chunk}, cause_key__in={c.cause_key for c in chunk},
        ).values_list("tenant_id", "buyer_id", "cause_key"))
    return raised


def _new_alerts(candidates: Iterable[AlertCandidate], today: date) -> list[BuyerAlert]:
    unique = list({(c.tenant_id, c.buyer_id, c.cause_key): c for c in candidates}.values())
    raised = _already_raised(unique)
    return [BuyerAlert(tenant_id=c.tenant_id, buyer_id=c.buyer_id, code=c.code, cause_key=c.cause_key,
                       params=c.params, raised_on=today)
            for c in unique if (c.tenant_id, c.buyer_id, c.cause_key) not in raised]


def _insert(alerts: list[BuyerAlert]) -> list[BuyerAlert]:
    try:
        with transaction.atomic():
            return BuyerAlert.objects.bulk_create(alerts, batch_size=CHUNK)
    except IntegrityError:
        # A concurrent run raised some of them first: one by one, keeping only the ones this run created.
        created = []
        for alert in alerts:
            row, new = BuyerAlert.objects.get_or_create(
                tenant_id=alert.tenant_id, buyer_id=alert.buyer_id, cause_key=alert.cause_key,
                defaults={"code": alert.code, "params": alert.params, "raised_on": alert.raised_on})
            if new:
                created.append(row)
        return created


def alert_message(alert: BuyerAlert) -> notifications.Message:
    return notifications.message(f"buyer_alert.{alert.code}", **alert.params)


def webhook_payload(alert: BuyerAlert, buyer) -> dict:
    return {"alert_id": alert.pk, "code": alert.code, "params": alert.params,
            "raised_on": alert.raised_on.isoformat(),
            "buyer": {"id": buyer.pk, "legal_name": buyer.legal_name, "country": buyer.country.code}}


def _tell_insureds(alerts: list[BuyerAlert], today: date) -> None:
    from accounts.models import Tenant
    from buyers.models import Buyer

    by_tenant: dict[int, list[BuyerAlert]] = defaultdict(list)
    for alert in alerts:
        by_tenant[alert.tenant_id].append(alert)
    buyers = Buyer.objects.in_bulk({alert.buyer_id for alert in alerts})
    tenants = Tenant.objects.in_bulk(by_tenant)
    specs = []
    for tenant_id, tenant_alerts in by_tenant.items():
        keys = ",".join(str(alert.pk) for alert in tenant_alerts)
        lines = [alert_message(alert) for alert in tenant_alerts[:NOTICE_LINES]]
        if len(tenant_alerts) > NOTICE_LINES:
            lines.append(notifications.message("buyer_alert.more", n=len(tenant_alerts) - NOTICE_LINES))
        specs.append(notifications.NotificationSpec(
            tenant_id=tenant_id, event="buyer.alert", role=CREDIT_MANAGER, link=MONITORING_LINK,
            dedup_key=f"buyer.alert:{today.isoformat()}:{hashlib.sha256(keys.encode()).hexdigest()[:16]}",
            subject=notifications.message("buyer_alert.subject", n=len(tenant_alerts)), body=tuple(lines)))
        webhooks.emit_many(tenant=tenants[tenant_id], event="buyer.alert", items=[
            (f"buyer.alert:{alert.pk}", webhook_payload(alert, buyers[alert.buyer_id])) for alert in tenant_alerts])
    notifications.notify_many(specs)


@transaction.atomic
def raise_alerts(*, candidates: Iterable[AlertCandidate], today: date) -> list[BuyerAlert]:
    """Store the candidates not raised before, tell each insured once (notice and webhook); returns the new ones."""
    new = _new_alerts(candidates, today)
    if not new:
        return []
    created = _insert(new)
    if created and created[0].pk is None:  # a backend that returns no ids on bulk insert
        created = list(BuyerAlert.objects.filter(raised_on=today, cause_key__in=[a.cause_key for a in created]))
    _tell_insureds(created, today)
    return created


@transaction.atomic
def mark_alerts_read(*, tenant, alert_ids: Iterable[int] | None = None, buyer_id: int | None = None) -> int:
    """The insured has seen these alerts (all its unread ones without ids); returns how many were unread."""
    unread = BuyerAlert.objects.filter(tenant=tenant, read_at__isnull=True)
    if alert_ids is not None:
        unread = unread.filter(pk__in=list(alert_ids))
    if buyer_id is not None:
        unread = unread.filter(buyer_id=buyer_id)
    return unread.update(read_at=timezone.now())
