"""Emitting events as deliveries, sending them, retrying and replaying them.

A delivery is one event for one endpoint; its outbox message is written in the
transaction of the change it announces, and `deliver()` makes each attempt.
"""

import http.client
import ipaddress
import json
import logging
import socket
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from core import outbox
from core.exceptions import DomainError
from core.models import WebhookDelivery, WebhookEndpoint, insecure_loopback_allowed
from core.webhooks import registry
from core.webhooks.signing import body_of, headers_for

log = logging.getLogger(__name__)

# Sent by emit/emit_many with (tenant, event, items), in the emitting transaction, before the tenant's own
# endpoints are read: an app may address the event to someone else (a loss payee) through `emit_to`.
event_emitted = Signal()

OUTBOX_TASK = "core.deliver_webhook"
OUTBOX_TASK_MANY = "core.deliver_webhooks"
OUTBOX_CHUNK = 50  # deliveries per outbox message: a slow receiver holds one worker for at most 50 timeouts
TIMEOUT_SECONDS = 10
# The wait after the n-th failed attempt, as the Standard Webhooks spec suggests (5 s, 5 min, 30 min, 2 h,
# 5 h, then every 10 h), continued to about three days (2 days 19 h 35 min after the first attempt), so a
# receiver down for a long weekend still gets every event; after the last one the delivery fails for good
# and can be replayed. Due retries are sent by the retry job every minute, so 5 s means "at the next run".
RETRY_SCHEDULE = (
    timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=5),
    *[timedelta(hours=10)] * 6,
)
GIVE_UP_AFTER = sum(RETRY_SCHEDULE, timedelta())
EXCERPT_LENGTH = 500
USER_AGENT = "Kredo-Webhooks/2.0"
# A receiver answering 410 Gone says the endpoint no longer exists: Kredo stops sending to it.
GONE = 410
DISABLED_GONE = "gone"  # WebhookEndpoint.disabled_reason: a code, shown translated


def _event_uuid(event_id: str | None) -> uuid.UUID:
    if event_id is None:
        return uuid.uuid4()
    try:
        return uuid.UUID(str(event_id))
    except ValueError:
        # A stable key such as "claim-paid:12" maps to the same uuid every time,
        # so emitting it again still delivers once.
        return uuid.uuid5(uuid.NAMESPACE_URL, f"kredo:{event_id}")


def emit(*, tenant, event: str, payload: dict, event_id: str | None = None) -> list[int]:
    """Queue `event` for every active endpoint of `tenant` subscribed to it.

    Call it inside the transaction of the change it announces: the deliveries
    and their outbox messages commit or roll back with it. Returns the ids of
    the deliveries created (none when the event was already emitted).
    """
    return emit_many(tenant=tenant, event=event, items=[(event_id, payload)])


def emit_many(*, tenant, event: str, items: Iterable[tuple[str | None, dict]]) -> list[int]:
    """`emit` for many occurrences of one event, e.g. a job expiring limits:
    one endpoint query and one insert whatever the number of items.

    `items` are (event_id or None, payload) pairs. Endpoints that take only what is addressed to them (a
    financing bank's, `addressed_only`) are left out here; `event_emitted` tells the apps that address them.
    """
    if event not in registry.EVENTS:
        raise LookupError(f"Unknown webhook event {event!r}: register it with core.webhooks.register_event()")
    items = list(items)
    # No savepoint: this joins the caller's transaction, and jobs call it in loops
    # where two extra statements per call would make their query count grow.
    with transaction.atomic(savepoint=False):
        event_emitted.send(sender=WebhookEndpoint, tenant=tenant, event=event, items=items)
        endpoints = [
            endpoint
            for endpoint in WebhookEndpoint.objects.filter(tenant=tenant, is_active=True, addressed_only=False)
            .only("pk", "events")
            if event in endpoint.events
        ]
        return _queue(tenant=tenant, event=event, items=[(endpoint, item) for item in items for endpoint in endpoints])


def emit_to(*, endpoint: WebhookEndpoint, event: str, items: Iterable[tuple[str | None, dict]]) -> list[int]:
    """`emit_many` to one endpoint only, whatever it subscribed to: for an app that addresses events itself
    (policies.loss_payees tells a bank of what it finances). Inside the caller's transaction, like `emit`."""
    if event not in registry.EVENTS:
        raise LookupError(f"Unknown webhook event {event!r}: register it with core.webhooks.register_event()")
    if not endpoint.is_active:
        return []
    with transaction.atomic(savepoint=False):
        return _queue(tenant=endpoint.tenant, event=event, items=[(endpoint, item) for item in items])


def _queue(*, tenant, event: str, items: list[tuple[WebhookEndpoint, tuple[str | None, dict]]]) -> list[int]:
    """One delivery per (endpoint, item), written with their outbox messages; a repeated event is skipped."""
    if not items:
        return []
    now = timezone.now()
    rows = []
    for endpoint, (event_id, payload) in items:
        # Stored as JSON now, so the body sent later is exactly what the caller meant then.
        payload = json.loads(json.dumps(payload, cls=DjangoJSONEncoder))
        rows.append(WebhookDelivery(tenant=tenant, endpoint=endpoint, event=event, event_id=_event_uuid(event_id),
                                    payload=payload, next_attempt_at=now))
    # A repeated event hits the unique (endpoint, event_id) and is skipped, not an error.
    WebhookDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    created = list(
        WebhookDelivery.objects.filter(uuid__in=[row.uuid for row in rows])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(created) == 1:
        outbox.enqueue(task_name=OUTBOX_TASK, payload={"delivery_id": created[0]})
    else:
        # A job's many events: one outbox message per chunk, not per delivery; each is still its own attempt.
        for start in range(0, len(created), OUTBOX_CHUNK):
            outbox.enqueue(task_name=OUTBOX_TASK_MANY, payload={"delivery_ids": created[start:start + OUTBOX_CHUNK]})
    return created


@transaction.atomic
def replay(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a finished delivery again as a new delivery (see WebhookDelivery for the keying)."""
    if delivery.state == WebhookDelivery.State.PENDING:
        raise DomainError(
            _("This delivery is still being retried; replay it once it has succeeded or failed."),
            code="delivery_pending",
        )
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        raise DomainError(_("Enable the endpoint before replaying a delivery to it."), code="endpoint_disabled")
    new_delivery = WebhookDelivery.objects.create(
        tenant=delivery.tenant,
        endpoint=endpoint,
        event=delivery.event,
        event_id=delivery.event_id,
        payload=delivery.payload,
        # Replays of a replay point at the first delivery: one original per event and endpoint.
        replay_of_id=delivery.replay_of_id or delivery.pk,
        next_attempt_at=timezone.now(),
    )
    outbox.enqueue(task_name=OUTBOX_TASK, payload={"delivery_id": new_delivery.pk})
    return new_delivery


# --- Sending ---------------------------------------------------------------


@dataclass(frozen=True)
class _Outcome:
    status_code: int | None = None
    response_excerpt: str = ""
    error: str = ""

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect could lead the signed POST to an address the URL check never saw.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _refused_destination(url: str) -> str:
    """Why the URL's host must not be called now ("" if it may). Checked at send
    time too, because a host name can resolve to a private address later."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)}
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot resolve {host}: {exc}"
    for raw in addresses:
        address = ipaddress.ip_address(raw.split("%")[0])
        if address.is_loopback and insecure_loopback_allowed():
            continue
        if not address.is_global:
            return f"{host} resolves to a non-public address ({address})"
    return ""


def _excerpt(response) -> str:
    try:
        raw = response.read(EXCERPT_LENGTH * 4)
    except (OSError, http.client.HTTPException):
        return ""
    return raw.decode("utf-8", errors="replace")[:EXCERPT_LENGTH]


def _post(delivery: WebhookDelivery) -> _Outcome:
    endpoint = delivery.endpoint
    refused = _refused_destination(endpoint.url)
    if refused:
        return _Outcome(error=refused)
    body = body_of(delivery)
    timestamp = int(time.time())
    request = urllib.request.Request(
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            # The event's id: the same for every retry and replay of the event, what receivers deduplicate on.
            **headers_for(secrets_in_use=endpoint.signing_secrets(timezone.now()), msg_id=str(delivery.event_id),
                          timestamp=timestamp, body=body),
            # Not signed, for the receiver's logs: which event, and which of Kredo's deliveries.
            "Kredo-Event": delivery.event,
            "Kredo-Delivery": str(delivery.uuid),
        },
    )
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return _Outcome(status_code=response.status, response_excerpt=_excerpt(response))
    except urllib.error.HTTPError as exc:  # the receiver answered, with a non-2xx status
        try:
            return _Outcome(status_code=exc.code, response_excerpt=_excerpt(exc))
        finally:
            exc.close()
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        return _Outcome(error=f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"[:2000])


def next_attempt_delay(attempts: int) -> timedelta | None:
    """The wait after `attempts` failed attempts; None once the schedule is spent (give up)."""
    return RETRY_SCHEDULE[attempts - 1] if 1 <= attempts <= len(RETRY_SCHEDULE) else None


def _disable_gone_endpoint(endpoint) -> None:
    endpoint.is_active = False
    endpoint.disabled_reason = DISABLED_GONE
    endpoint.save(update_fields=["is_active", "disabled_reason"])
    # Its other pending deliveries fail when their turn comes (an inactive endpoint is never called).


def deliver(*, delivery_id: int) -> bool:
    """Make one attempt at a due pending delivery; True if a request was sent.

    The row stays locked while the request is in flight, so a second worker
    (outbox and retry job racing) skips it instead of sending twice; a row that
    succeeded, gave up or is not yet due is left alone.
    """
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint", "replay_of")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.state != WebhookDelivery.State.PENDING:
            return False
        if delivery.next_attempt_at and delivery.next_attempt_at > timezone.now():
            return False
        if not delivery.endpoint.is_active:
            delivery.state = WebhookDelivery.State.FAILED
            delivery.next_attempt_at = None
            delivery.last_error = "endpoint disabled"
            delivery.save(update_fields=["state", "next_attempt_at", "last_error"])
            return False

        outcome = _post(delivery)
        now = timezone.now()
        delivery.attempts += 1
        delivery.last_status_code = outcome.status_code
        delivery.last_response_excerpt = outcome.response_excerpt
        delivery.last_error = outcome.error
        if outcome.succeeded:
            delivery.state = WebhookDelivery.State.SUCCEEDED
            delivery.delivered_at = now
            delivery.next_attempt_at = None
        else:
            delay = next_attempt_delay(delivery.attempts)
            if outcome.status_code == GONE:
                _disable_gone_endpoint(delivery.endpoint)
                delay = None
            if delay is None:
                delivery.state = WebhookDelivery.State.FAILED
                delivery.next_attempt_at = None
            else:
                delivery.next_attempt_at = now + delay
            log.info("webhook delivery %s failed (%s %s)", delivery.pk, outcome.status_code, outcome.error)
        delivery.save(
            update_fields=[
                "state", "attempts", "next_attempt_at", "last_status_code", "last_response_excerpt",
                "last_error", "delivered_at",
            ]
        )
    return True


def due_delivery_ids(*, now, after_pk: int = 0, batch_size: int = 100) -> list[int]:
    return list(
        WebhookDelivery.objects.filter(state=WebhookDelivery.State.PENDING, next_attempt_at__lte=now, pk__gt=after_pk)
        .order_by("pk")
        .values_list("pk", flat=True)[:batch_size]
    )


def retry_due(*, batch_size: int = 100, time_budget: timedelta = timedelta(seconds=50)) -> int:
    """Attempt every delivery due now, batch by batch; return how many requests were sent.

    Stops after `time_budget` so one run ends before the next minute's starts;
    what is left is still due and the next run takes it.
    """
    now = timezone.now()
    started = time.monotonic()
    sent = 0
    after_pk = 0
    while ids := due_delivery_ids(now=now, after_pk=after_pk, batch_size=batch_size):
        for delivery_id in ids:
            sent += deliver(delivery_id=delivery_id)
        after_pk = ids[-1]
        if time.monotonic() - started > time_budget.total_seconds():
            break
    return sent
