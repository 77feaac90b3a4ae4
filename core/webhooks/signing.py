"""Standard Webhooks signing (https://www.standardwebhooks.com/): what a receiver verifies.

Each request carries `webhook-id` (the event's id: the same in every retry and replay, so a receiver
deduplicates on it), `webhook-timestamp` (unix seconds, so a receiver refuses stale replays) and
`webhook-signature`: space-separated `v1,<base64 HMAC-SHA256>` over "<id>.<timestamp>.<raw body>", one per
secret the endpoint is signed with (two while a secret is being rotated). Secrets are `whsec_` + base64 of
the key bytes, as every Standard Webhooks library reads them.
"""

import base64
import binascii
import hashlib
import hmac
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.views.decorators.debug import sensitive_variables

from core.models import WEBHOOK_SECRET_PREFIX as SECRET_PREFIX
from core.models import new_webhook_secret as new_secret

__all__ = ["SECRET_PREFIX", "new_secret", "secret_key", "rewrap_legacy_secret", "sign", "signature_header",
           "headers_for", "body_of"]


@sensitive_variables("secret")  # error reports never show a signing secret
def secret_key(secret: str) -> bytes:
    """The HMAC key of a `whsec_` secret."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("a webhook secret starts with whsec_")
    try:
        return base64.b64decode(secret[len(SECRET_PREFIX):], validate=True)
    except binascii.Error as exc:
        raise ValueError("a webhook secret is whsec_ and base64") from exc


def rewrap_legacy_secret(legacy: str) -> str:
    """A secret of the old scheme (its text was the HMAC key) as a whsec_ secret with the same key bytes."""
    return SECRET_PREFIX + base64.b64encode(legacy.encode()).decode()


@sensitive_variables("secret")
def sign(secret: str, msg_id: str, timestamp: int | str, body: bytes) -> str:
    """One `v1,<signature>` of the `webhook-signature` header."""
    digest = hmac.new(secret_key(secret), f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


@sensitive_variables("secrets_in_use")
def signature_header(secrets_in_use: list[str], msg_id: str, timestamp: int | str, body: bytes) -> str:
    return " ".join(sign(secret, msg_id, timestamp, body) for secret in secrets_in_use)


def headers_for(*, secrets_in_use: list[str], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets_in_use, msg_id, timestamp, body),
    }


def body_of(delivery) -> bytes:
    # A replay carries the original event's time: it is the same event, sent again.
    occurred_at = delivery.replay_of.created_at if delivery.replay_of_id else delivery.created_at
    body = {"id": str(delivery.event_id), "event": delivery.event, "created_at": occurred_at.isoformat(),
            "data": delivery.payload}
    return json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
