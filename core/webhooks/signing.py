"""What a receiver checks: the body sent and its HMAC-SHA256 signature."""

import hashlib
import hmac
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.views.decorators.debug import sensitive_variables

from core.models import WebhookDelivery


@sensitive_variables("secret")  # error reports never show a signing secret
def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    """HMAC-SHA256 hex over b"<timestamp>." + body; the timestamp lets receivers refuse stale replays."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def body_of(delivery: WebhookDelivery) -> bytes:
    # A replay carries the original event's time: it is the same event, sent again.
    occurred_at = delivery.replay_of.created_at if delivery.replay_of_id else delivery.created_at
    body = {"id": str(delivery.event_id), "event": delivery.event, "created_at": occurred_at.isoformat(),
            "data": delivery.payload}
    return json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
