"""In-app notifications to a tenant's users, also sent by e-mail through the outbox."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import Notification


def notify(
    *,
    tenant,
    event: str,
    dedup_key: str,
    subject: str,
    body: str = "",
    link: str = "",
    recipient=None,
    role: str = "",
) -> tuple[Notification, bool]:
    """Create the notification once per (tenant, dedup_key); e-mail it after commit.

    Jobs call this on every run: the dedup key makes a second run a no-op.
    """
    return _notify(tenant_id=tenant.pk, event=event, dedup_key=dedup_key, subject=subject, body=body, link=link,
                   recipient=recipient, role=role)


@transaction.atomic
def _notify(*, tenant_id: int, event: str, dedup_key: str, subject: str, body: str = "", link: str = "",
            recipient=None, role: str = "") -> tuple[Notification, bool]:
    from core import outbox

    notification, created = Notification.objects.get_or_create(
        tenant_id=tenant_id,
        dedup_key=dedup_key,
        defaults={
            "event": event,
            "subject": subject[:200],
            "body": body,
            "link": link,
            "recipient": recipient,
            "role": role,
        },
    )
    if created:
        outbox.enqueue(task_name="core.email_notification", payload={"notification_id": notification.pk})
    return notification, created


@dataclass(frozen=True)
class NotificationSpec:
    tenant_id: int
    event: str
    dedup_key: str
    subject: str
    body: str = ""
    link: str = ""
    role: str = ""


def notify_many(specs: list[NotificationSpec]) -> list[NotificationSpec]:
    """`notify` for a job's batch: one query to skip what was sent, one insert, one outbox message.

    Returns the specs that were new. A second run with the same keys returns [].
    """
    from core import outbox

    if not specs:
        return []
    keys = {spec.dedup_key for spec in specs}
    sent = set(Notification.objects.filter(dedup_key__in=keys).values_list("tenant_id", "dedup_key"))
    new, seen = [], set()
    for spec in specs:
        key = (spec.tenant_id, spec.dedup_key)
        if key not in sent and key not in seen:
            seen.add(key)
            new.append(spec)
    if not new:
        return []
    try:
        with transaction.atomic():
            rows = Notification.objects.bulk_create([
                Notification(tenant_id=s.tenant_id, event=s.event, dedup_key=s.dedup_key, subject=s.subject[:200],
                             body=s.body, link=s.link, role=s.role) for s in new])
    except IntegrityError:
        # Another run got there first for some keys: fall back to one by one, which skips those.
        return [s for s in new if _notify(tenant_id=s.tenant_id, event=s.event, dedup_key=s.dedup_key,
                                         subject=s.subject, body=s.body, link=s.link, role=s.role)[1]]
    ids = [row.pk for row in rows if row.pk is not None]
    if len(ids) != len(rows):  # a backend that returns no ids on bulk insert
        ids = list(Notification.objects.filter(dedup_key__in=[s.dedup_key for s in new], emailed_at__isnull=True)
                   .values_list("pk", flat=True))
    outbox.enqueue(task_name="core.email_notifications", payload={"notification_ids": ids})
    return new


def recipient_emails(notification: Notification) -> list[str]:
    if notification.recipient_id:
        users = get_user_model().objects.filter(pk=notification.recipient_id)
    else:
        users = get_user_model().objects.filter(membership__tenant_id=notification.tenant_id)
        if notification.role:
            users = users.filter(groups__name=notification.role)
    return sorted(set(users.filter(is_active=True).exclude(email="").values_list("email", flat=True)))


def send_email(*, notification_id: int) -> bool:
    """Send the e-mail once; a second call finds `emailed_at` set and does nothing."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.emailed_at is not None:
            return False
        emails = recipient_emails(notification)
        if emails:
            send_mail(notification.subject, notification.body or notification.subject, None, emails)
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
