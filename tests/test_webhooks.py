"""Outgoing webhooks: signed, delivered once, retried with backoff, isolated per tenant.

Deliveries go to a real HTTP server on 127.0.0.1 running in a thread.
"""

import hashlib
import hmac
import json
import threading
import uuid
from datetime import timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import CREDIT_MANAGER
from core import webhooks
from core.exceptions import DomainError
from core.models import OutboxMessage, WebhookDelivery, WebhookEndpoint
from core.tasks import retry_due_webhooks
from tests.factories import member

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

PAYLOAD = {"limit_id": 7, "amount": {"amount": Decimal("40000.50"), "currency": "EUR"}}
EVENT_ID = "5b0e4d7c-2f7a-4c1e-9a51-0c3d2b1a9e77"


class Receiver:
    """What the tenant's server saw; answers with queued status codes, then 200."""

    def __init__(self):
        self.requests: list[SimpleNamespace] = []
        self.statuses: list[int] = []
        self.port = 0
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/kredo/hooks"

    def record(self, request) -> int:
        with self._lock:
            self.requests.append(request)
            return self.statuses.pop(0) if self.statuses else 200


@pytest.fixture
def loopback_allowed(settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = True


@pytest.fixture
def receiver(loopback_allowed):
    received = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = received.record(SimpleNamespace(path=self.path, headers=self.headers, body=body))
            answer = b"thanks" if status < 300 else b"receiver exploded"
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    received.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield received
    server.shutdown()
    server.server_close()


@pytest.fixture
def endpoint(tenant, user, receiver):
    return webhooks.create_endpoint(
        tenant=tenant, created_by=user, url=receiver.url, events=["limit.decided", "limit.reduced"],
        description="ERP",
    )


@pytest.fixture
def outsider_endpoint(other_tenant, outsider, loopback_allowed):
    return webhooks.create_endpoint(
        tenant=other_tenant, created_by=outsider, url="https://outsider.example/hooks", events=["limit.decided"]
    )


def _emit(tenant, event="limit.decided", event_id=EVENT_ID, payload=PAYLOAD):
    with transaction.atomic():
        return webhooks.emit(tenant=tenant, event=event, payload=payload, event_id=event_id)


def _make_due(delivery_id):
    WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def _finished_delivery(endpoint, state=WebhookDelivery.State.SUCCEEDED, **kwargs):
    return WebhookDelivery.objects.create(
        tenant=endpoint.tenant, endpoint=endpoint, event="limit.decided", event_id=uuid.uuid4(), payload={"n": 1},
        state=state, attempts=1, last_status_code=200 if state == "succeeded" else 500, **kwargs,
    )


# --- Sending -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_delivery_is_posted_after_commit_signed_with_the_endpoint_secret(tenant, endpoint, receiver):
    with transaction.atomic():
        [delivery_id] = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD, event_id=EVENT_ID)
        assert receiver.requests == []  # nothing leaves before the change is committed

    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    [request] = receiver.requests
    assert request.path == "/kredo/hooks"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Kredo-Event"] == "limit.decided"
    assert request.headers["Kredo-Delivery"] == str(delivery.uuid)
    timestamp = request.headers["Kredo-Timestamp"]
    assert abs(int(timestamp) - timezone.now().timestamp()) < 60
    # Verified as a receiver would, without Kredo's code.
    expected = hmac.new(endpoint.secret.encode(), f"{timestamp}.".encode() + request.body, hashlib.sha256).hexdigest()
    assert request.headers["Kredo-Signature"] == f"t={timestamp},v1={expected}"
    assert webhooks.sign(endpoint.secret, timestamp, request.body) == expected

    body = json.loads(request.body)
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


@pytest.mark.django_db(transaction=True)
def test_a_signature_made_with_another_secret_does_not_verify(tenant, endpoint, receiver):
    _emit(tenant)
    [request] = receiver.requests
    forged = webhooks.sign("whsec_not-the-secret", request.headers["Kredo-Timestamp"], request.body)
    assert f"v1={forged}" not in request.headers["Kredo-Signature"]


@pytest.mark.django_db(transaction=True)
def test_rolled_back_change_sends_nothing(tenant, endpoint, receiver):
    with pytest.raises(RuntimeError), transaction.atomic():
        webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
        raise RuntimeError("the decision failed")
    assert WebhookDelivery.objects.count() == 0
    assert OutboxMessage.objects.count() == 0
    assert receiver.requests == []


@pytest.mark.django_db(transaction=True)
def test_server_error_is_retried_with_growing_backoff_until_the_retry_job_succeeds(tenant, endpoint, receiver):
    receiver.statuses = [500, 503]
    [delivery_id] = _emit(tenant)

    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.state == WebhookDelivery.State.PENDING
    assert (delivery.attempts, delivery.last_status_code) == (1, 500)
    assert delivery.last_response_excerpt == "receiver exploded"
    first_wait = delivery.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < first_wait <= timedelta(minutes=1)

    assert retry_due_webhooks.apply().get() == 0  # not due yet: nothing is sent early
    assert len(receiver.requests) == 1

    _make_due(delivery_id)
    assert retry_due_webhooks.apply().get() == 1
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status_code, delivery.state) == (2, 503, "pending")
    second_wait = delivery.next_attempt_at - timezone.now()
    assert timedelta(minutes=1, seconds=50) < second_wait <= timedelta(minutes=2)

    _make_due(delivery_id)
    assert retry_due_webhooks.apply().get() == 1
    delivery.refresh_from_db()
    assert delivery.state == WebhookDelivery.State.SUCCEEDED
    assert (delivery.attempts, delivery.last_status_code) == (3, 200)
    # The same delivery each time: a receiver can de-duplicate on either id.
    assert {r.headers["Kredo-Delivery"] for r in receiver.requests} == {str(delivery.uuid)}
    assert {json.loads(r.body)["id"] for r in receiver.requests} == {EVENT_ID}


def test_backoff_doubles_and_is_capped():
    delays = [webhooks.next_attempt_delay(n) for n in (1, 2, 3, 4, 10, 50)]
    assert delays[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert delays[4] == delays[5] == webhooks.RETRY_CAP


@pytest.mark.django_db(transaction=True)
def test_gives_up_once_the_next_attempt_would_be_past_24_hours(tenant, endpoint, receiver):
    receiver.statuses = [500, 500, 500]
    [delivery_id] = _emit(tenant)
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        created_at=timezone.now() - timedelta(hours=23, minutes=59, seconds=30),
        next_attempt_at=timezone.now() - timedelta(seconds=1),
    )
    assert retry_due_webhooks.apply().get() == 1

    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.state == WebhookDelivery.State.FAILED
    assert delivery.next_attempt_at is None and delivery.attempts == 2
    assert retry_due_webhooks.apply().get() == 0
    assert len(receiver.requests) == 2


@pytest.mark.django_db(transaction=True)
def test_redirects_are_not_followed(tenant, endpoint, receiver):
    receiver.statuses = [302]
    [delivery_id] = _emit(tenant)
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.state == WebhookDelivery.State.PENDING and delivery.last_status_code == 302
    assert len(receiver.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_unreachable_receiver_is_recorded_and_retried(tenant, user, loopback_allowed):
    # A port nothing listens on: connection refused.
    endpoint = webhooks.create_endpoint(tenant=tenant, created_by=user, url="http://127.0.0.1:9/",
                                        events=["limit.decided"])
    [delivery_id] = _emit(tenant)
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.endpoint == endpoint
    assert delivery.state == WebhookDelivery.State.PENDING and delivery.attempts == 1
    assert delivery.last_status_code is None and delivery.last_error


@pytest.mark.django_db(transaction=True)
def test_loopback_receiver_is_refused_at_send_time_outside_development(tenant, endpoint, receiver, settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = False
    [delivery_id] = _emit(tenant)
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert receiver.requests == []
    assert "non-public address" in delivery.last_error
    assert delivery.state == WebhookDelivery.State.PENDING


# --- Emitting ------------------------------------------------------------------


def test_the_limit_events_are_registered():
    assert {"limit.decided", "limit.reduced", "limit.withdrawn", "limit.expired"} <= set(webhooks.EVENTS)


def test_emit_without_any_endpoint_creates_nothing(tenant):
    assert webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD) == []
    assert WebhookDelivery.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_emit_for_an_event_the_endpoint_did_not_choose_creates_nothing(tenant, endpoint):
    assert webhooks.emit(tenant=tenant, event="limit.expired", payload=PAYLOAD) == []
    assert WebhookDelivery.objects.count() == 0


def test_emit_skips_disabled_endpoints_and_other_tenants(tenant, endpoint, outsider_endpoint):
    webhooks.update_endpoint(endpoint=endpoint, is_active=False)
    assert webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD) == []
    webhooks.update_endpoint(endpoint=endpoint, is_active=True)
    created = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
    assert list(WebhookDelivery.objects.filter(pk__in=created).values_list("endpoint_id", flat=True)) == [endpoint.pk]
    assert not WebhookDelivery.objects.filter(endpoint=outsider_endpoint).exists()


def test_emitting_the_same_event_twice_creates_one_delivery(tenant, endpoint):
    first = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD, event_id=EVENT_ID)
    second = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD, event_id=EVENT_ID)
    assert len(first) == 1 and second == []
    assert WebhookDelivery.objects.count() == 1
    assert OutboxMessage.objects.filter(task_name="core.deliver_webhook").count() == 1


def test_a_stable_non_uuid_event_key_also_delivers_once(tenant, endpoint):
    assert len(webhooks.emit(tenant=tenant, event="limit.decided", payload={}, event_id="limit-decision:12")) == 1
    assert webhooks.emit(tenant=tenant, event="limit.decided", payload={}, event_id="limit-decision:12") == []


def test_emit_many_creates_one_delivery_per_item_and_endpoint(tenant, user, endpoint):
    second = webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://b.example/h",
                                      events=["limit.decided"])
    items = [(str(uuid.uuid4()), {"limit_id": n}) for n in range(3)]
    created = webhooks.emit_many(tenant=tenant, event="limit.decided", items=items)
    assert len(created) == 6
    assert set(WebhookDelivery.objects.values_list("endpoint_id", flat=True)) == {endpoint.pk, second.pk}
    assert webhooks.emit_many(tenant=tenant, event="limit.decided", items=items) == []


def test_emit_many_costs_the_same_queries_for_many_items(tenant, django_assert_num_queries):
    # Jobs emit in bulk: with no subscribed endpoint, one query however many items.
    items = [(None, {"limit_id": n}) for n in range(50)]
    with django_assert_num_queries(1):
        assert webhooks.emit_many(tenant=tenant, event="limit.expired", items=items) == []


def test_a_jobs_many_deliveries_go_out_in_chunks_and_each_is_sent(tenant, endpoint, receiver,
                                                                   django_capture_on_commit_callbacks):
    items = [(str(uuid.uuid4()), {"limit_id": n}) for n in range(webhooks.OUTBOX_CHUNK + 3)]
    with django_capture_on_commit_callbacks(execute=True):
        created = webhooks.emit_many(tenant=tenant, event="limit.decided", items=items)
    # Two outbox messages (50 + 3), not 53; every delivery was attempted and received once.
    assert OutboxMessage.objects.filter(task_name=webhooks.OUTBOX_TASK_MANY).count() == 2
    assert not OutboxMessage.objects.filter(task_name=webhooks.OUTBOX_TASK).exists()
    assert WebhookDelivery.objects.filter(pk__in=created, state=WebhookDelivery.State.SUCCEEDED).count() == len(items)
    assert len(receiver.requests) == len(items)


def test_an_unregistered_event_is_a_programming_error(tenant, endpoint):
    with pytest.raises(LookupError):
        webhooks.emit(tenant=tenant, event="limit.typo", payload={})


@pytest.fixture
def fresh_event():
    """An event name no app registers; withdrawn from the registry after the test."""
    name = "test.fresh_event"
    assert name not in webhooks.EVENTS
    yield name
    webhooks.EVENTS.pop(name, None)


def test_a_registered_event_can_be_chosen(tenant, user, loopback_allowed, fresh_event):
    with pytest.raises(DomainError):
        webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://erp.example/h", events=[fresh_event])
    webhooks.register_event(fresh_event, "Fresh event")
    assert (fresh_event, f"Fresh event ({fresh_event})") in webhooks.event_choices()
    endpoint = webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://erp.example/h",
                                        events=[fresh_event])
    assert len(webhooks.emit(tenant=tenant, event=fresh_event, payload={})) == 1
    assert endpoint.events == [fresh_event]


def test_delivering_twice_sends_once(tenant, endpoint, receiver):
    # Without transaction=True the on-commit send never runs: this test sends by hand.
    [delivery_id] = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
    assert webhooks.deliver(delivery_id=delivery_id) is True
    assert webhooks.deliver(delivery_id=delivery_id) is False
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get(pk=delivery_id).attempts == 1


def test_a_delivery_to_a_disabled_endpoint_gives_up_without_sending(tenant, endpoint, receiver):
    [delivery_id] = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
    webhooks.update_endpoint(endpoint=endpoint, is_active=False)
    assert webhooks.deliver(delivery_id=delivery_id) is False
    assert WebhookDelivery.objects.get(pk=delivery_id).state == WebhookDelivery.State.FAILED
    assert receiver.requests == []


# --- Replay ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_replay_sends_the_same_event_as_a_new_delivery(tenant, endpoint, receiver):
    [delivery_id] = _emit(tenant)
    original = WebhookDelivery.objects.get(pk=delivery_id)

    replayed = webhooks.replay(delivery=original)

    replayed.refresh_from_db()
    assert replayed.pk != original.pk and replayed.replay_of_id == original.pk
    assert replayed.event_id == original.event_id and replayed.uuid != original.uuid
    assert replayed.state == WebhookDelivery.State.SUCCEEDED
    first, second = receiver.requests
    assert json.loads(first.body) == json.loads(second.body)  # same event, same body id and time
    assert second.headers["Kredo-Delivery"] == str(replayed.uuid) != first.headers["Kredo-Delivery"]
    # A replay of a replay still points at the original: one original per event.
    assert webhooks.replay(delivery=replayed).replay_of_id == original.pk


def test_a_pending_delivery_cannot_be_replayed(tenant, endpoint):
    [delivery_id] = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
    with pytest.raises(DomainError):
        webhooks.replay(delivery=WebhookDelivery.objects.get(pk=delivery_id))


@pytest.mark.django_db(transaction=True)
def test_replay_button_sends_again(tenant, endpoint, receiver, client_of_user):
    delivery = _finished_delivery(endpoint, state=WebhookDelivery.State.FAILED)
    response = client_of_user.post(f"/account/webhooks/deliveries/{delivery.pk}/replay/")
    assert response.status_code == 302
    assert response["Location"] == f"/account/webhooks/{endpoint.pk}/deliveries/"
    assert WebhookDelivery.objects.get(replay_of=delivery).state == WebhookDelivery.State.SUCCEEDED
    assert len(receiver.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_replay_through_the_api(tenant, endpoint, receiver, api_client):
    delivery = _finished_delivery(endpoint)
    response = api_client.post(f"/api/v1/webhooks/deliveries/{delivery.pk}/replay/")
    assert response.status_code == 201, response.content
    assert response.json()["replay_of"] == delivery.pk
    assert response.json()["event_id"] == str(delivery.event_id)
    assert len(receiver.requests) == 1


def test_replaying_a_pending_delivery_through_the_api_is_a_400(tenant, endpoint, api_client):
    [delivery_id] = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
    response = api_client.post(f"/api/v1/webhooks/deliveries/{delivery_id}/replay/")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "delivery_pending"


# --- URL rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["http://erp.example.com/hooks", "ftp://erp.example.com/hooks", "https://10.1.2.3/hooks",
     "https://169.254.169.254/latest", "https://user:pw@erp.example.com/hooks"],
)
def test_only_public_https_urls_are_accepted(tenant, user, url, settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = True
    with pytest.raises(ValidationError) as exc:
        webhooks.create_endpoint(tenant=tenant, created_by=user, url=url, events=["limit.decided"])
    assert "url" in exc.value.message_dict


def test_loopback_http_needs_the_development_setting(tenant, user, settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = False
    with pytest.raises(ValidationError):
        webhooks.create_endpoint(tenant=tenant, created_by=user, url="http://127.0.0.1:8001/", events=["limit.decided"])
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = True
    for url in ("http://127.0.0.1:8001/", "http://localhost/hooks"):
        assert webhooks.create_endpoint(tenant=tenant, created_by=user, url=url, events=["limit.decided"]).pk


def test_non_https_url_is_a_form_error(client_of_user, settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = False
    response = client_of_user.post(
        "/account/webhooks/new/", {"url": "http://erp.example.com/hooks", "events": ["limit.decided"],
                                   "is_active": "on"}
    )
    assert response.status_code == 400
    assert "The URL must start with https://." in response.content.decode()
    assert WebhookEndpoint.objects.count() == 0


def test_non_https_url_is_an_api_400_on_the_url_field(api_client, settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = False
    response = api_client.post(
        "/api/v1/webhooks/endpoints/", {"url": "http://erp.example.com/hooks", "events": ["limit.decided"]}
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["url"] == ["The URL must start with https://."]
    assert WebhookEndpoint.objects.count() == 0


def test_unknown_event_is_an_api_400_on_the_events_field(api_client):
    response = api_client.post(
        "/api/v1/webhooks/endpoints/", {"url": "https://erp.example.com/hooks", "events": ["limit.nope"]}
    )
    assert response.status_code == 400
    assert "limit.nope" in response.json()["error"]["fields"]["events"][0]


# --- Browser pages ---------------------------------------------------------------------


def test_tenant_admin_creates_an_endpoint_and_sees_its_secret(client_of_user, tenant, user):
    response = client_of_user.post(
        "/account/webhooks/new/",
        {"url": "https://erp.example.com/hooks", "description": "ERP", "events": ["limit.decided", "limit.expired"],
         "is_active": "on"},
    )
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.tenant, endpoint.created_by) == (tenant, user)
    assert endpoint.events == ["limit.decided", "limit.expired"]
    assert endpoint.secret.startswith("whsec_") and endpoint.secret in response.content.decode()
    assert endpoint.history.count() == 1  # the audit trail, without the secret
    assert not hasattr(endpoint.history.first(), "secret")


def test_tenant_admin_edits_and_deletes_an_endpoint(client_of_user, endpoint):
    page = client_of_user.get(f"/account/webhooks/{endpoint.pk}/")
    assert page.status_code == 200 and endpoint.url in page.content.decode()

    response = client_of_user.post(
        f"/account/webhooks/{endpoint.pk}/", {"url": endpoint.url, "events": ["limit.withdrawn"]}
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.events == ["limit.withdrawn"] and endpoint.is_active is False

    assert client_of_user.get(f"/account/webhooks/{endpoint.pk}/delete/").status_code == 200
    assert client_of_user.post(f"/account/webhooks/{endpoint.pk}/delete/").status_code == 302
    assert not WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


def test_list_and_deliveries_pages_show_the_tenants_data(client_of_user, endpoint):
    delivery = _finished_delivery(endpoint, state=WebhookDelivery.State.FAILED, last_error="boom")
    listing = client_of_user.get("/account/webhooks/").content.decode()
    assert endpoint.url in listing
    page = client_of_user.get(f"/account/webhooks/{endpoint.pk}/deliveries/")
    assert page.status_code == 200
    html = page.content.decode()
    assert str(delivery.uuid) in html and "500" in html
    assert f"/account/webhooks/deliveries/{delivery.pk}/replay/" in html
    filtered = client_of_user.get(f"/account/webhooks/{endpoint.pk}/deliveries/?state=succeeded")
    assert str(delivery.uuid) not in filtered.content.decode()


def test_webhook_pages_need_the_manage_webhooks_permission(tenant, endpoint, client):
    credit_manager = member(tenant, [CREDIT_MANAGER])
    client.force_login(credit_manager)
    assert client.get("/account/webhooks/").status_code == 403
    assert client.get(f"/account/webhooks/{endpoint.pk}/").status_code == 403
    assert "/account/webhooks/" not in client.get("/").content.decode()


def test_nav_link_shows_for_the_tenant_admin(client_of_user):
    assert 'href="/account/webhooks/"' in client_of_user.get("/").content.decode()


def test_outsider_gets_404_on_the_tenants_pages_and_sees_nothing_listed(client_of_outsider, endpoint):
    delivery = _finished_delivery(endpoint)
    for url in (
        f"/account/webhooks/{endpoint.pk}/",
        f"/account/webhooks/{endpoint.pk}/delete/",
        f"/account/webhooks/{endpoint.pk}/deliveries/",
    ):
        assert client_of_outsider.get(url).status_code == 404, url
    assert client_of_outsider.post(f"/account/webhooks/{endpoint.pk}/delete/").status_code == 404
    assert client_of_outsider.post(f"/account/webhooks/deliveries/{delivery.pk}/replay/").status_code == 404
    assert endpoint.url not in client_of_outsider.get("/account/webhooks/").content.decode()
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()
    assert not WebhookDelivery.objects.filter(replay_of=delivery).exists()


# --- API -------------------------------------------------------------------------------


def test_api_creates_lists_updates_and_deletes_endpoints(api_client, tenant):
    created = api_client.post(
        "/api/v1/webhooks/endpoints/",
        {"url": "https://erp.example.com/hooks", "events": ["limit.reduced", "limit.decided"]},
        HTTP_IDEMPOTENCY_KEY="create-erp-hook",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["events"] == ["limit.decided", "limit.reduced"] and body["is_active"] is True
    assert body["secret"] == WebhookEndpoint.objects.get(pk=body["id"]).secret

    again = api_client.post(
        "/api/v1/webhooks/endpoints/",
        {"url": "https://erp.example.com/hooks", "events": ["limit.reduced", "limit.decided"]},
        HTTP_IDEMPOTENCY_KEY="create-erp-hook",
    )
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert WebhookEndpoint.objects.filter(tenant=tenant).count() == 1

    listing = api_client.get("/api/v1/webhooks/endpoints/").json()
    assert [e["id"] for e in listing["results"]] == [body["id"]]
    assert "secret" not in listing["results"][0]

    url = f"/api/v1/webhooks/endpoints/{body['id']}/"
    patched = api_client.patch(url, {"is_active": False})
    assert patched.status_code == 200 and patched.json()["is_active"] is False
    assert patched.json()["events"] == ["limit.decided", "limit.reduced"]
    put = api_client.put(url, {"url": "https://erp.example.com/v2", "events": ["limit.expired"]})
    assert put.status_code == 200 and put.json()["url"] == "https://erp.example.com/v2"
    assert api_client.get(url).json()["events"] == ["limit.expired"]
    assert api_client.delete(url).status_code == 204
    assert api_client.get(url).status_code == 404


def test_api_lists_deliveries_with_filters(api_client, endpoint, user):
    other = webhooks.create_endpoint(tenant=endpoint.tenant, created_by=user, url="https://b.example/h",
                                     events=["limit.expired"])
    ok = _finished_delivery(endpoint)
    failed = _finished_delivery(endpoint, state=WebhookDelivery.State.FAILED)
    on_other = _finished_delivery(other)

    def ids(query=""):
        response = api_client.get(f"/api/v1/webhooks/deliveries/{query}")
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids() == {ok.pk, failed.pk, on_other.pk}
    assert ids(f"?endpoint={endpoint.pk}") == {ok.pk, failed.pk}
    assert ids("?state=failed") == {failed.pk}
    assert ids("?event=limit.decided") == {ok.pk, failed.pk, on_other.pk}
    assert ids("?event=limit.expired") == set()
    detail = api_client.get(f"/api/v1/webhooks/deliveries/{ok.pk}/").json()
    assert detail["delivery_id"] == str(ok.uuid) and detail["last_status_code"] == 200
    assert api_client.get("/api/v1/webhooks/events/").json()[0] == {"name": "limit.decided",
                                                                     "label": "Credit limit decided"}


def test_outsider_api_gets_404_on_the_tenants_objects_and_empty_lists(api_client_of_outsider, endpoint):
    delivery = _finished_delivery(endpoint)
    client = api_client_of_outsider
    assert client.get(f"/api/v1/webhooks/endpoints/{endpoint.pk}/").status_code == 404
    assert client.patch(f"/api/v1/webhooks/endpoints/{endpoint.pk}/", {"is_active": False}).status_code == 404
    assert client.delete(f"/api/v1/webhooks/endpoints/{endpoint.pk}/").status_code == 404
    assert client.get(f"/api/v1/webhooks/deliveries/{delivery.pk}/").status_code == 404
    assert client.post(f"/api/v1/webhooks/deliveries/{delivery.pk}/replay/").status_code == 404
    assert client.get("/api/v1/webhooks/endpoints/").json()["results"] == []
    assert client.get("/api/v1/webhooks/deliveries/").json()["results"] == []
    assert client.get(f"/api/v1/webhooks/deliveries/?endpoint={endpoint.pk}").json()["results"] == []
    endpoint.refresh_from_db()
    assert endpoint.is_active


def test_api_needs_the_manage_webhooks_permission(tenant):
    _token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="credit",
                                                        roles=[CREDIT_MANAGER])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    assert client.get("/api/v1/webhooks/endpoints/").status_code == 403
    assert client.get("/api/v1/webhooks/deliveries/").status_code == 403


@pytest.mark.parametrize("path", ["/api/v1/webhooks/endpoints/", "/api/v1/webhooks/deliveries/"])
def test_list_api_query_count_does_not_grow_with_rows(api_client, tenant, user, loopback_allowed, path,
                                                      django_assert_num_queries):
    def add_rows(n):
        for i in range(n):
            endpoint = webhooks.create_endpoint(tenant=tenant, created_by=user, url=f"https://e{i}.example/h",
                                                events=["limit.decided"])
            _finished_delivery(endpoint)

    add_rows(2)
    with django_assert_num_queries(6):  # and the token's first use, recorded once
        assert len(api_client.get(path).json()["results"]) == 2
    add_rows(40)
    with django_assert_num_queries(5):
        assert len(api_client.get(path).json()["results"]) == 42
