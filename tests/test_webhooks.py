"""Outgoing webhooks: signed as Standard Webhooks (verified with the standardwebhooks library, as an
integrator would), delivered once, retried on the spec's schedule, disabled on 410, isolated per tenant.

Deliveries go to a real HTTP server on 127.0.0.1 running in a thread.
"""

import json
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from standardwebhooks import Webhook

from core import webhooks
from core.exceptions import DomainError
from core.models import OutboxMessage, WebhookDelivery, WebhookEndpoint
from core.tasks import retry_due_webhooks
from tests.factories import api_error
from tests.webhook_factories import finished_delivery

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

PAYLOAD = {"limit_id": 7, "amount": {"amount": Decimal("40000.50"), "currency": "EUR"}}
EVENT_ID = "5b0e4d7c-2f7a-4c1e-9a51-0c3d2b1a9e77"


def _emit(tenant, event="limit.decided", event_id=EVENT_ID, payload=PAYLOAD):
    with transaction.atomic():
        return webhooks.emit(tenant=tenant, event=event, payload=payload, event_id=event_id)


def _make_due(delivery_id):
    WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


# --- Sending -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_rolled_back_change_sends_nothing(tenant, endpoint, receiver):
    with pytest.raises(RuntimeError), transaction.atomic():
        webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
        raise RuntimeError("the decision failed")
    assert WebhookDelivery.objects.count() == 0
    assert OutboxMessage.objects.count() == 0
    assert receiver.requests == []


@pytest.mark.django_db(transaction=True)
def test_server_error_is_retried_on_the_schedule_until_the_retry_job_succeeds(tenant, endpoint, receiver):
    receiver.statuses = [500, 503]
    [delivery_id] = _emit(tenant)

    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.state == WebhookDelivery.State.PENDING
    assert (delivery.attempts, delivery.last_status_code) == (1, 500)
    assert delivery.last_response_excerpt == "receiver exploded"
    assert timedelta(seconds=3) < delivery.next_attempt_at - timezone.now() <= timedelta(seconds=5)

    assert retry_due_webhooks.apply().get() == 0  # not due yet: nothing is sent early
    assert len(receiver.requests) == 1

    _make_due(delivery_id)
    assert retry_due_webhooks.apply().get() == 1
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status_code, delivery.state) == (2, 503, "pending")
    assert timedelta(minutes=4, seconds=50) < delivery.next_attempt_at - timezone.now() <= timedelta(minutes=5)

    _make_due(delivery_id)
    assert retry_due_webhooks.apply().get() == 1
    delivery.refresh_from_db()
    assert delivery.state == WebhookDelivery.State.SUCCEEDED
    assert (delivery.attempts, delivery.last_status_code) == (3, 200)
    # The same event each time: a receiver deduplicates on webhook-id; each attempt is signed afresh.
    assert {r.headers["webhook-id"] for r in receiver.requests} == {EVENT_ID}
    assert {r.headers["Kredo-Delivery"] for r in receiver.requests} == {str(delivery.uuid)}
    for request in receiver.requests:
        Webhook(endpoint.secret).verify(request.body, dict(request.headers))


def test_the_retry_schedule_is_the_standard_webhooks_one_over_about_three_days():
    delays = [webhooks.next_attempt_delay(n) for n in range(1, len(webhooks.RETRY_SCHEDULE) + 2)]
    assert delays[:6] == [timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
                          timedelta(hours=5), timedelta(hours=10)]
    assert delays[-1] is None  # the schedule is spent: give up
    assert timedelta(days=2, hours=12) < sum(delays[:-1], timedelta()) < timedelta(days=3, hours=12)
    assert webhooks.next_attempt_delay(0) is None and webhooks.next_attempt_delay(10_000) is None


@pytest.mark.django_db(transaction=True)
def test_gives_up_after_the_last_attempt_of_the_schedule(tenant, endpoint, receiver):
    receiver.statuses = [500, 500]
    [delivery_id] = _emit(tenant)
    WebhookDelivery.objects.filter(pk=delivery_id).update(attempts=len(webhooks.RETRY_SCHEDULE),
                                                          next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert retry_due_webhooks.apply().get() == 1

    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.state == WebhookDelivery.State.FAILED
    assert delivery.next_attempt_at is None and delivery.attempts == len(webhooks.RETRY_SCHEDULE) + 1
    assert retry_due_webhooks.apply().get() == 0
    assert len(receiver.requests) == 2


@pytest.mark.django_db(transaction=True)
def test_an_endpoint_answering_410_is_disabled_and_sent_nothing_more(tenant, endpoint, receiver, outsider_endpoint):
    receiver.statuses = [410]
    [gone_id] = _emit(tenant)
    endpoint.refresh_from_db()
    assert not endpoint.is_active and endpoint.disabled_reason == "gone"
    gone = WebhookDelivery.objects.get(pk=gone_id)
    assert gone.state == WebhookDelivery.State.FAILED and gone.next_attempt_at is None and gone.attempts == 1

    # Later events are not queued for it, and a retry already due gives up without calling it.
    assert _emit(tenant, event_id=str(uuid.uuid4())) == []
    assert retry_due_webhooks.apply().get() == 0
    assert len(receiver.requests) == 1
    # Another tenant's endpoint is untouched; the tenant's admin turning it on again clears the reason.
    with scopes_disabled():
        assert WebhookEndpoint.objects.filter(pk=outsider_endpoint.pk, is_active=True).exists()
    webhooks.update_endpoint(endpoint=endpoint, is_active=True)
    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.disabled_reason == ""


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
    delivery = finished_delivery(endpoint, state=WebhookDelivery.State.FAILED)
    response = client_of_user.post(f"/account/webhooks/deliveries/{delivery.pk}/replay/")
    assert response.status_code == 302
    assert response["Location"] == f"/account/webhooks/{endpoint.pk}/deliveries/"
    assert WebhookDelivery.objects.get(replay_of=delivery).state == WebhookDelivery.State.SUCCEEDED
    assert len(receiver.requests) == 1


@pytest.mark.django_db(transaction=True)
def test_replay_through_the_api(tenant, endpoint, receiver, api_client):
    delivery = finished_delivery(endpoint)
    response = api_client.post(f"/api/v1/webhooks/deliveries/{delivery.pk}/replay/")
    assert response.status_code == 201, response.content
    assert response.json()["replay_of"] == delivery.pk
    assert response.json()["event_id"] == str(delivery.event_id)
    assert len(receiver.requests) == 1


def test_replaying_a_pending_delivery_through_the_api_is_a_400(tenant, endpoint, api_client):
    [delivery_id] = webhooks.emit(tenant=tenant, event="limit.decided", payload=PAYLOAD)
    response = api_client.post(f"/api/v1/webhooks/deliveries/{delivery_id}/replay/")
    assert response.status_code == 400
    assert api_error(response)[0] == "delivery_pending"


# --- URL rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["http://erp.example.com/hooks", "ftp://erp.example.com/hooks", "https://10.1.2.3/hooks",
     "https://169.254.169.254/latest", "https://user:pw@erp.example.com/hooks"],
)
def test_only_public_https_urls_are_accepted(tenant, user, url, settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = True
    with pytest.raises(DomainError) as exc:
        webhooks.create_endpoint(tenant=tenant, created_by=user, url=url, events=["limit.decided"])
    assert exc.value.field == "url" and "url" in exc.value.messages_by_field()


def test_loopback_http_needs_the_development_setting(tenant, user, settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = False
    with pytest.raises(DomainError):
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
    assert api_error(response)[1]["/url"] == ["The URL must start with https://."]
    assert WebhookEndpoint.objects.count() == 0


def test_unknown_event_is_an_api_400_on_the_events_field(api_client):
    response = api_client.post(
        "/api/v1/webhooks/endpoints/", {"url": "https://erp.example.com/hooks", "events": ["limit.nope"]}
    )
    assert response.status_code == 400
    assert "limit.nope" in api_error(response)[1]["/events"][0]
