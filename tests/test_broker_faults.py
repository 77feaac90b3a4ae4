"""Faults with the real Redis and real Celery workers: nothing is lost, nothing happens twice.

- The broker is down while a request enqueues work: the request still succeeds (the outbox row keeps the
  work), and when the broker is back the beat job's sweep sends it and a worker does it once.
- A worker is SIGKILLed in the middle of a task: the task is not acknowledged (acks_late), Redis gives it
  to another worker after the visibility timeout, and its effect happens once.
- The same job is sent twice: its effect happens once.

The Redis is the test's own (tests/broker_faults.py), so stopping it disturbs no one. Runs in the CI step
with a broker (KREDO_BROKER_TESTS=1, PostgreSQL): the workers are processes sharing the test database.
"""

import os
import signal
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from config.celery import app
from core import webhooks
from core.models import OutboxMessage, WebhookDelivery
from core.tasks import dispatch_pending_outbox, process_outbox_message
from limits.models import AutoDecisionRule
from tests.broker_faults import CountingReceiver, OwnRedis, Workers, wait_for
from tests.buyer_factories import make_buyer

pytestmark = [
    pytest.mark.unscoped,
    pytest.mark.broker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.environ.get("KREDO_BROKER_TESTS") != "1", reason="needs a real broker: KREDO_BROKER_TESTS=1"),
]


# Seconds, for the test's workers (production: CELERY_VISIBILITY_TIMEOUT, two hours).
VISIBILITY_TIMEOUT = 3


@pytest.fixture
def own_redis():
    redis = OwnRedis(int(os.environ.get("KREDO_FAULT_REDIS_PORT", "6390")))
    redis.start()
    yield redis
    redis.stop()


def _reconnect():
    """Drop the pooled broker connections; the producer pool outlives app.close(), so it is dropped too."""
    app.close()
    app.amqp._producer_pool = None


@pytest.fixture
def broker(own_redis):
    """This process publishes to the own Redis, through the broker (never inline)."""
    # Celery reads CELERY_BROKER_URL from the environment before its configuration (CI sets it).
    saved = os.environ.get("CELERY_BROKER_URL"), app.conf.task_always_eager
    os.environ["CELERY_BROKER_URL"], app.conf.task_always_eager = own_redis.url, False
    _reconnect()
    assert app.connection_for_write().as_uri().endswith(f":{own_redis.port}/0")
    yield own_redis
    if saved[0] is None:
        os.environ.pop("CELERY_BROKER_URL", None)
    else:
        os.environ["CELERY_BROKER_URL"] = saved[0]
    app.conf.task_always_eager = saved[1]
    _reconnect()  # the next test publishes to its broker again


@pytest.fixture
def workers(broker, tmp_path):
    started = Workers(broker.url, tmp_path)
    yield started
    started.stop_all()


@pytest.fixture
def integrator(tenant, user, loopback_allowed):
    """The tenant's receiver of limit decisions."""
    receiver = CountingReceiver()
    receiver.endpoint = webhooks.create_endpoint(tenant=tenant, created_by=user, url=receiver.url,
                                                 events=["limit.decided"])
    yield receiver
    receiver.close()


def _request_limit(api_client, policy):
    """A request that enqueues work: the limit is decided at once, and its webhook is queued in the outbox."""
    # A transactional test flushes the tables, and with them the migration's default decision matrix.
    AutoDecisionRule.objects.get_or_create(min_grade=1, max_grade=3, defaults={"max_amount": 50_000})
    body = {"policy": policy.pk, "buyer": make_buyer(country="PT", grade=2).pk,
            "amount": {"amount": "40000.00", "currency": "EUR"}, "terms_days": 60}
    return api_client.post("/api/v1/limits/", body, format="json")


def _webhook_message() -> OutboxMessage:
    return OutboxMessage.objects.get(task_name=webhooks.OUTBOX_TASK)


def _delivery(integrator) -> WebhookDelivery:
    return WebhookDelivery.objects.get(endpoint=integrator.endpoint)


def test_broker_down_the_request_succeeds_and_the_work_runs_once_when_it_is_back(
        broker, workers, integrator, api_client, policy, outsider):
    broker.stop()
    response = _request_limit(api_client, policy)
    assert response.status_code == 201, response.content
    # The limit's webhook and its e-mail notice: both kept, neither sent.
    assert OutboxMessage.objects.count() == 2
    assert not OutboxMessage.objects.filter(dispatched_at__isnull=False).exists()
    assert not OutboxMessage.objects.filter(last_error="").exists()
    assert _delivery(integrator).state == WebhookDelivery.State.PENDING

    broker.start()
    workers.start("after-outage")
    # The beat job's next run after the outage (it sends messages older than two minutes).
    OutboxMessage.objects.update(created_at=timezone.now() - timedelta(minutes=3))
    assert dispatch_pending_outbox() == 2
    wait_for(lambda: _delivery(integrator).state == WebhookDelivery.State.SUCCEEDED, what="the delivery")
    wait_for(lambda: not OutboxMessage.objects.filter(processed_at__isnull=True).exists(),
             what="the messages marked processed")

    # A second run of the sweep finds nothing left to do: the work is not done twice.
    assert dispatch_pending_outbox() == 0
    delivery = _delivery(integrator)
    assert len(integrator.requests) == 1 and delivery.attempts == 1
    # Another tenant's receiver (none) and rows: untouched.
    assert not WebhookDelivery.objects.exclude(tenant=integrator.endpoint.tenant).exists()


def test_a_worker_killed_mid_task_leaves_it_to_another_worker_and_the_effect_happens_once(
        broker, workers, integrator, api_client, policy):
    integrator.hold.clear()  # the receiver keeps the first POST in flight: the worker is mid-task
    first = workers.start("killed", visibility_timeout=VISIBILITY_TIMEOUT)
    assert _request_limit(api_client, policy).status_code == 201
    wait_for(integrator.in_flight.is_set, what="the worker to be in the middle of the delivery")

    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    integrator.hold.set()
    # The worker's transaction died with it: the attempt left no half-written row.
    wait_for(lambda: _delivery(integrator).attempts == 0 and _webhook_message().processed_at is None,
             what="the killed attempt to roll back")

    # Redis hands an unacknowledged task out again once the visibility timeout has passed, at a worker's sweep
    # (one at start-up, then every ~100 s): the survivor starts after the timeout, as a restarted worker would.
    time.sleep(VISIBILITY_TIMEOUT + 1)
    workers.start("survivor", visibility_timeout=VISIBILITY_TIMEOUT)
    # Unacknowledged (acks_late), the task comes back from Redis to the survivor: no sweep is run here.
    wait_for(lambda: _delivery(integrator).state == WebhookDelivery.State.SUCCEEDED, timeout=60,
             what="the redelivered task")
    message = _webhook_message()
    delivery = _delivery(integrator)
    assert message.processed_at is not None and message.attempts == 1
    assert delivery.attempts == 1
    # The receiver saw the interrupted POST and the successful one: one event, by its id.
    assert len(integrator.requests) == 2 and len(integrator.event_ids()) == 1
    assert "process_outbox_message" in workers.log("survivor")


def test_a_job_sent_twice_has_one_effect(broker, workers, integrator, api_client, policy):
    workers.start("twice")
    integrator.hold.clear()  # both copies arrive while the first is still being worked on
    assert _request_limit(api_client, policy).status_code == 201
    message = _webhook_message()
    wait_for(integrator.in_flight.is_set, what="the first copy")
    process_outbox_message.apply_async(args=[message.pk])
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=3))
    dispatch_pending_outbox()  # the sweep, too, sees it unprocessed and sends it again
    integrator.hold.set()
    wait_for(lambda: _webhook_message().processed_at, what="the message")
    wait_for(lambda: workers.log("twice").count("succeeded") >= 3, what="the three copies to be worked")
    assert len(integrator.requests) == 1 and _delivery(integrator).attempts == 1
