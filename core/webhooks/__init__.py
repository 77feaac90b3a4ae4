"""Outgoing webhooks: signed JSON POSTs to the tenant's HTTPS endpoints.

Flow: a domain service calls `emit()` inside its own transaction; one
WebhookDelivery row per subscribed endpoint is written with an outbox message,
so nothing is sent for a change that rolls back and a broker outage loses
nothing. The outbox handler calls `deliver()`; failures are retried by the
beat job `retry_due_webhooks` with exponential backoff for 24 hours.

Receivers verify `Kredo-Signature: t=<unix seconds>,v1=<hex>`, where hex is
HMAC-SHA256(secret, f"{t}." + raw body), and should ignore a body `id` they
already processed (a replay carries the same id).
"""

from core.webhooks.delivery import (
    EXCERPT_LENGTH,
    GIVE_UP_AFTER,
    OUTBOX_CHUNK,
    OUTBOX_TASK,
    OUTBOX_TASK_MANY,
    RETRY_BASE,
    RETRY_CAP,
    TIMEOUT_SECONDS,
    USER_AGENT,
    deliver,
    due_delivery_ids,
    emit,
    emit_many,
    next_attempt_delay,
    replay,
    retry_due,
)
from core.webhooks.endpoints import create_endpoint, delete_endpoint, update_endpoint
from core.webhooks.registry import EVENTS, event_choices, register_event
from core.webhooks.signing import body_of, sign

# One door for callers: `from core import webhooks; webhooks.emit(...)`. Patch a name
# where it is used (e.g. core.webhooks.delivery), not here.
__all__ = [
    "EVENTS", "register_event", "event_choices",
    "create_endpoint", "update_endpoint", "delete_endpoint",
    "emit", "emit_many", "replay", "deliver", "due_delivery_ids", "retry_due", "next_attempt_delay",
    "sign", "body_of",
    "OUTBOX_TASK", "OUTBOX_TASK_MANY", "OUTBOX_CHUNK", "TIMEOUT_SECONDS", "RETRY_BASE", "RETRY_CAP",
    "GIVE_UP_AFTER", "EXCERPT_LENGTH", "USER_AGENT",
]
