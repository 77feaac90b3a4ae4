"""A task goes through the real broker (Redis) to a real worker.

Runs only when KREDO_BROKER_TESTS=1 and CELERY_BROKER_URL points to a broker
(.ci/run does this against the local Redis and PostgreSQL).
"""

import os
import time

import pytest
from django.core import mail

from config.celery import app
from core import notifications
from core.models import Notification

pytestmark = [
    pytest.mark.unscoped,
    pytest.mark.broker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.environ.get("KREDO_BROKER_TESTS") != "1", reason="needs a real broker: KREDO_BROKER_TESTS=1"),
]


def test_notification_email_is_sent_by_a_worker_through_the_broker(tenant, user, outsider):
    from celery.contrib.testing.worker import start_worker

    assert not app.conf.task_always_eager, "the broker test must not run tasks inline"
    assert app.conf.broker_url.startswith("redis://")
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        notification, _ = notifications.notify(
            tenant=tenant, event="test", dedup_key="broker-test", subject="Through Redis", body="Hello"
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            notification.refresh_from_db()
            if notification.emailed_at:
                break
            time.sleep(0.2)
    assert Notification.objects.get(pk=notification.pk).emailed_at is not None
    assert [m.subject for m in mail.outbox] == ["Through Redis"]
    # The worker writes to the tenant's users only: another insured's user hears nothing.
    assert user.email in mail.outbox[0].to and outsider.email not in mail.outbox[0].to
