"""`/health/live` and `/health/ready` for a load balancer or an orchestrator.

Answered by a middleware placed first, before the SSL redirect, the host check, sessions, the
tenant scope, login lockout and throttles: a probe over plain HTTP with the pod's IP as Host must
get the truth, never a redirect, a 400 or a 429, and liveness must not touch the database.
"""

import json
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.utils import timezone

log = logging.getLogger(__name__)

LIVE_PATHS = frozenset({"/health/live", "/health/live/"})
READY_PATHS = frozenset({"/health/ready", "/health/ready/"})
DEFAULT_OUTBOX_MAX_AGE_SECONDS = 600

# Migrations do not become unapplied under a running process: once they all are, say so cheaply.
_migrations_applied = False


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "reachable"


def check_cache() -> str:
    cache = caches["default"]
    cache.set("kredo:health", "1", timeout=10)
    if cache.get("kredo:health") != "1":
        raise RuntimeError("the cache did not return what was just stored")
    return "reachable"


def check_broker() -> str:
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return "tasks run inline"
    from celery import current_app

    with current_app.connection_for_write() as broker:
        broker.ensure_connection(max_retries=1, timeout=2)
    return "reachable"


def check_migrations() -> str:
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            raise RuntimeError(f"{len(pending)} migration(s) not applied")
        _migrations_applied = True
    return "applied"


def check_outbox() -> str:
    from core.models import OutboxMessage

    bound = getattr(settings, "HEALTH_OUTBOX_MAX_AGE_SECONDS", DEFAULT_OUTBOX_MAX_AGE_SECONDS)
    oldest = (
        OutboxMessage.objects.filter(processed_at__isnull=True)
        .order_by("created_at").values_list("created_at", flat=True).first()
    )
    age = (timezone.now() - oldest) if oldest else timedelta(0)
    if age.total_seconds() > bound:
        raise RuntimeError(f"oldest unprocessed message is {age.total_seconds():.0f} s old (bound {bound} s)")
    return f"oldest unprocessed message {age.total_seconds():.0f} s old"


READY_CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "migrations": check_migrations,
    "outbox": check_outbox,
}


def run_checks() -> tuple[bool, dict[str, dict]]:
    results: dict[str, dict] = {}
    for name, check in READY_CHECKS.items():
        started = time.monotonic()
        try:
            results[name] = {"ok": True, "detail": check()}
        except Exception as exc:  # any failure of a dependency is "not ready", never a 500
            log.warning("readiness check %s failed: %s", name, exc)
            results[name] = {"ok": False, "detail": f"{type(exc).__name__}: {exc}"[:300]}
        results[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    return all(result["ok"] for result in results.values()), results


def _json(body: dict, status: int) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in LIVE_PATHS:
            return _json({"status": "ok"}, 200)
        if request.path in READY_PATHS:
            from django_scopes import scopes_disabled

            # The outbox is the insurer's plumbing, across tenants.
            with scopes_disabled():
                ready, checks = run_checks()
            return _json({"status": "ok" if ready else "unavailable", "checks": checks}, 200 if ready else 503)
        return self.get_response(request)
