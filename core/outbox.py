"""Transactional outbox: enqueue work with the change that causes it.

`enqueue()` writes an OutboxMessage in the caller's transaction and, on
commit, hands its id to Celery. If the broker is down the row stays
undispatched and the beat job `dispatch_pending_outbox` sends it again.
Handlers run under a row lock and mark the message processed, so a message
delivered twice has the effect of once.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.models import OutboxMessage

log = logging.getLogger(__name__)

_handlers: dict[str, Callable[..., None]] = {}


def outbox_handler(name: str):
    """Register the function that carries out outbox messages of `name`."""

    def register(func):
        _handlers[name] = func
        return func

    return register


def enqueue(*, task_name: str, payload: dict) -> OutboxMessage:
    if task_name not in _handlers:
        raise LookupError(f"No outbox handler registered for {task_name!r}")
    message = OutboxMessage.objects.create(task_name=task_name, payload=payload)
    transaction.on_commit(lambda: dispatch(message_ids=[message.pk]))
    return message


def dispatch(*, message_ids: list[int]) -> int:
    """Send outbox messages to the broker; return how many were sent."""
    from core.tasks import process_outbox_message

    sent = 0
    for message_id in message_ids:
        try:
            process_outbox_message.apply_async(args=[message_id], ignore_result=True)
        except Exception as exc:  # broker unreachable: retried by the beat job
            log.warning("outbox message %s not dispatched: %s", message_id, exc)
            OutboxMessage.objects.filter(pk=message_id).update(
                attempts=F("attempts") + 1, last_error=str(exc)[:2000]
            )
            continue
        OutboxMessage.objects.filter(pk=message_id, dispatched_at__isnull=True).update(
            dispatched_at=timezone.now()
        )
        sent += 1
    return sent


def pending_message_ids(*, older_than: timedelta, batch_size: int = 500) -> list[int]:
    """Unprocessed messages old enough that their first dispatch must have failed."""
    cutoff = timezone.now() - older_than
    return list(
        OutboxMessage.objects.filter(processed_at__isnull=True, created_at__lt=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:batch_size]
    )


def process(*, message_id: int) -> bool:
    """Carry out one message once. Returns False if it was already processed."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.processed_at is not None:
            return False
        handler = _handlers[message.task_name]
        handler(**message.payload)
        message.processed_at = timezone.now()
        message.attempts += 1
        message.save(update_fields=["processed_at", "attempts"])
    return True
