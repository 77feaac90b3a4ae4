"""Celery entry points for the shared plumbing: thin and idempotent."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone
from django_scopes import scopes_disabled

from core import notifications, outbox, webhooks
from core.models import IdempotencyKey


@shared_task(bind=True, max_retries=8, acks_late=True)
def process_outbox_message(self, message_id: int) -> bool:
    with scopes_disabled():
        try:
            return outbox.process(message_id=message_id)
        except Exception as exc:
            # Exponential backoff: 30 s, 60 s, 120 s ... The beat job picks it up after that.
            raise self.retry(exc=exc, countdown=30 * 2**self.request.retries) from exc


@shared_task
def dispatch_pending_outbox() -> int:
    with scopes_disabled():
        ids = outbox.pending_message_ids(older_than=timedelta(minutes=2))
        return outbox.dispatch(message_ids=ids)


@shared_task
def purge_idempotency_keys() -> int:
    cutoff = timezone.now() - timedelta(hours=settings.IDEMPOTENCY_KEY_TTL_HOURS)
    with scopes_disabled():
        deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


@outbox.outbox_handler("core.email_notification")
def email_notification(*, notification_id: int) -> None:
    notifications.send_email(notification_id=notification_id)


@outbox.outbox_handler("core.email_notifications")
def email_notifications(*, notification_ids: list[int]) -> None:
    """A job's batch of notices; each is sent once (send_email checks emailed_at)."""
    for notification_id in notification_ids:
        notifications.send_email(notification_id=notification_id)


@shared_task
def retry_due_webhooks() -> int:
    with scopes_disabled():
        return webhooks.retry_due()


@outbox.outbox_handler(webhooks.OUTBOX_TASK)
def deliver_webhook(*, delivery_id: int) -> None:
    # Failures are recorded on the delivery and retried by `retry_due_webhooks`,
    # so the outbox message is done once this attempt was made.
    webhooks.deliver(delivery_id=delivery_id)


@outbox.outbox_handler(webhooks.OUTBOX_TASK_MANY)
def deliver_webhooks(*, delivery_ids: list[int]) -> None:
    """A chunk of a job's deliveries, each attempted once in its own transaction (see deliver_webhook)."""
    for delivery_id in delivery_ids:
        webhooks.deliver(delivery_id=delivery_id)
