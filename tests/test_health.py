"""/health/live and /health/ready: what a load balancer reads (issue 12, operations).

No tenant, no session: probes are anonymous, over plain HTTP, with whatever Host the balancer sends.
"""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from core import health
from core.models import OutboxMessage

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

CHECKS = ["database", "cache", "broker", "migrations", "outbox"]


def ready(client=None, **extra):
    response = (client or Client()).get("/health/ready", **extra)
    return response, json.loads(response.content)


def test_live_answers_without_touching_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = Client().get("/health/live")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_ready_reports_every_check_when_all_pass():
    response, body = ready()
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert body["status"] == "ok"
    assert list(body["checks"]) == CHECKS
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.parametrize("name", ["database", "cache", "broker", "migrations"])
def test_each_failing_dependency_makes_ready_503_and_names_it(name):
    def broken():
        raise ConnectionError(f"{name} unreachable")

    with mock.patch.dict(health.READY_CHECKS, {name: broken}):
        response, body = ready()
    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["checks"][name] == {"ok": False, "detail": f"ConnectionError: {name} unreachable",
                                    "ms": body["checks"][name]["ms"]}
    assert [other for other, check in body["checks"].items() if not check["ok"]] == [name]


def test_the_database_down_is_503_not_500():
    with mock.patch.object(health.connection, "cursor", side_effect=OSError("connection refused")):
        response, body = ready()
    assert response.status_code == 503 and body["checks"]["database"]["ok"] is False


def test_unapplied_migrations_fail_ready(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    with mock.patch.object(health.MigrationExecutor, "migration_plan", return_value=[("core", "0099_x")]):
        response, body = ready()
    assert response.status_code == 503
    assert body["checks"]["migrations"]["detail"] == "RuntimeError: 1 migration(s) not applied"


def test_the_broker_down_fails_ready_when_tasks_go_through_a_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with mock.patch("celery.current_app.connection_for_write", side_effect=OSError("broker refused")):
        response, body = ready()
    assert response.status_code == 503 and "broker refused" in body["checks"]["broker"]["detail"]


def test_an_old_outbox_backlog_fails_ready_and_a_fresh_one_does_not(settings):
    settings.HEALTH_OUTBOX_MAX_AGE_SECONDS = 300
    message = OutboxMessage.objects.create(task_name="core.noop", payload={})
    assert ready()[0].status_code == 200
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(seconds=301))
    response, body = ready()
    assert response.status_code == 503 and "bound 300 s" in body["checks"]["outbox"]["detail"]
    OutboxMessage.objects.filter(pk=message.pk).update(processed_at=timezone.now())
    assert ready()[0].status_code == 200


def test_probes_over_plain_http_with_an_unknown_host_are_answered(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["kredo.example"]
    assert Client().get("/health/live", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert ready(HTTP_HOST="10.0.0.7:8000")[0].status_code == 200
    # Everything else still gets the redirect.
    assert Client().get("/login/", HTTP_HOST="kredo.example").status_code == 301


def test_a_signed_in_outsider_learns_nothing_more_than_anyone(client_of_outsider):
    response, body = ready(client_of_outsider)
    assert response.status_code == 200 and set(body) == {"status", "checks"}
