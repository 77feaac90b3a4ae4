"""Standard Webhooks signing, verified with the standardwebhooks library as an integrator would: the headers,
whsec_ secrets, several signatures during a rotation, legacy secrets rewrapped.

Deliveries go to a real HTTP server on 127.0.0.1 running in a thread (tests/webhook_factories.py).
"""

import base64
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from core import webhooks
from core.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

PAYLOAD = {"limit_id": 7, "amount": {"amount": Decimal("40000.50"), "currency": "EUR"}}
EVENT_ID = "5b0e4d7c-2f7a-4c1e-9a51-0c3d2b1a9e77"


def _emit(tenant, event="limit.decided", event_id=EVENT_ID, payload=PAYLOAD):
    with transaction.atomic():
        return webhooks.emit(tenant=tenant, event=event, payload=payload, event_id=event_id)


@pytest.mark.django_db(transaction=True)
def test_delivery_is_posted_after_commit_as_a_standard_webhook(tenant, endpoint, receiver):
    with transaction.atomic():
        [delivery_id] = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD, event_id=EVENT_ID)
        assert receiver.requests == []  # nothing leaves before the change is committed

    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    [request] = receiver.requests
    assert request.path == "/kredo/hooks"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["webhook-id"] == EVENT_ID  # the event's id: what a receiver deduplicates on
    assert abs(int(request.headers["webhook-timestamp"]) - timezone.now().timestamp()) < 60
    assert request.headers["Kredo-Event"] == "limit.decided"
    assert request.headers["Kredo-Delivery"] == str(delivery.uuid)
    # Verified as an integrator would: the Standard Webhooks library, the endpoint's whsec_ secret.
    body = Webhook(endpoint.secret).verify(request.body, dict(request.headers))
    assert body == {
        "id": EVENT_ID,
        "event": "limit.decided",
        "created_at": delivery.created_at.isoformat(),
        # Money stays a decimal string, never a float.
        "data": {"limit_id": 7, "amount": {"amount": "40000.50", "currency": "EUR"}},
    }
    assert delivery.state == WebhookDelivery.State.SUCCEEDED
    assert delivery.attempts == 1 and delivery.last_status_code == 200
    assert delivery.last_response_excerpt == "thanks"
    assert delivery.delivered_at is not None and delivery.next_attempt_at is None


def test_a_new_secret_is_whsec_and_base64_of_32_bytes(tenant, user, loopback_allowed):
    endpoint = webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://erp.example.com/hooks",
                                        events=["limit.decided"])
    assert endpoint.secret.startswith("whsec_")
    assert len(base64.b64decode(endpoint.secret.removeprefix("whsec_"), validate=True)) == 32


@pytest.mark.django_db(transaction=True)
def test_a_signature_made_with_another_secret_does_not_verify(tenant, endpoint, receiver):
    _emit(tenant)
    [request] = receiver.requests
    with pytest.raises(WebhookVerificationError):
        Webhook(webhooks.new_secret()).verify(request.body, dict(request.headers))
    # Nor does a changed body, or the right body under another event id.
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint.secret).verify(request.body.replace(b"40000.50", b"90000.50"), dict(request.headers))
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint.secret).verify(request.body, {**dict(request.headers), "webhook-id": str(uuid.uuid4())})


@pytest.mark.django_db(transaction=True)
def test_during_a_rotation_both_secrets_verify_and_afterwards_only_the_new_one(tenant, endpoint, receiver):
    old_secret = endpoint.secret
    rotated = webhooks.rotate_secret(endpoint=endpoint)
    assert rotated.secret != old_secret and rotated.previous_secret == old_secret
    _emit(tenant)
    [during] = receiver.requests
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    # A receiver still on the old secret and one already on the new one both accept the delivery.
    Webhook(old_secret).verify(during.body, dict(during.headers))
    Webhook(rotated.secret).verify(during.body, dict(during.headers))

    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(previous_secret_until=timezone.now() - timedelta(seconds=1))
    _emit(tenant, event_id=str(uuid.uuid4()))
    after = receiver.requests[1]
    assert len(after.headers["webhook-signature"].split(" ")) == 1
    Webhook(rotated.secret).verify(after.body, dict(after.headers))
    with pytest.raises(WebhookVerificationError):
        Webhook(old_secret).verify(after.body, dict(after.headers))


def test_a_legacy_secret_is_rewrapped_with_the_same_key_bytes():
    legacy = "whsec_Zx-3_legacy-token-urlsafe"  # the old scheme keyed the HMAC with this text
    rewrapped = webhooks.rewrap_legacy_secret(legacy)
    assert base64.b64decode(rewrapped.removeprefix("whsec_")) == legacy.encode()
    assert webhooks.sign(rewrapped, "msg", 1, b"{}") == Webhook(rewrapped).sign(
        "msg", datetime.fromtimestamp(1, tz=UTC), "{}")
