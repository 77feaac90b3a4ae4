"""In-app notifications to a tenant's users, also sent by e-mail through the outbox."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from core.models import Notification


@transaction.atomic
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
    from core import outbox

    notification, created = Notification.objects.get_or_create(
        tenant=tenant,
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
