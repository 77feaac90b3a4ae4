"""Outgoing webhooks: signed JSON POSTs to the tenant's HTTPS endpoints.

Flow: a domain service calls `emit()` inside its own transaction; one
WebhookDelivery row per subscribed endpoint is written with an outbox message,
so nothing is sent for a change that rolls back and a broker outage loses
nothing. The outbox handler calls `deliver()`; failures are retried by the
beat job `retry_due_webhooks` on the Standard Webhooks schedule (RETRY_SCHEDULE,
about three days); a receiver answering 410 Gone has its endpoint disabled.

Signed as Standard Webhooks (signing.py): receivers verify `webhook-signature`
with any Standard Webhooks library and the endpoint's `whsec_` secret, and ignore
a `webhook-id` they already processed (retries and replays carry the same id).
docs/webhooks.md is the integrator's guide.
"""

from core.webhooks.delivery import (
    EXCERPT_LENGTH,
    GIVE_UP_AFTER,
    OUTBOX_CHUNK,
    OUTBOX_TASK,
    OUTBOX_TASK_MANY,
    RETRY_SCHEDULE,
    TIMEOUT_SECONDS,
    USER_AGENT,
    deliver,
    due_delivery_ids,
    emit,
    emit_many,
    emit_to,
    event_emitted,
    next_attempt_delay,
    replay,
    retry_due,
)
from core.webhooks.endpoints import create_endpoint, delete_endpoint, rotate_secret, update_endpoint
from core.webhooks.registry import EVENTS, event_choices, register_event
from core.webhooks.signing import body_of, headers_for, new_secret, rewrap_legacy_secret, sign

# One door for callers: `from core import webhooks; webhooks.emit(...)`. Patch a name
# where it is used (e.g. core.webhooks.delivery), not here.
__all__ = [
    "EVENTS", "register_event", "event_choices",
    "create_endpoint", "update_endpoint", "delete_endpoint", "rotate_secret",
    "emit", "emit_many", "emit_to", "event_emitted", "replay", "deliver", "due_delivery_ids", "retry_due", "next_attempt_delay",
    "sign", "body_of", "headers_for", "new_secret", "rewrap_legacy_secret",
    "OUTBOX_TASK", "OUTBOX_TASK_MANY", "OUTBOX_CHUNK", "TIMEOUT_SECONDS", "RETRY_SCHEDULE",
    "GIVE_UP_AFTER", "EXCERPT_LENGTH", "USER_AGENT",
]
