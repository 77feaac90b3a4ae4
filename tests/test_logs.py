"""Structured logs: each request's lines carry its id, tenant and user; secrets never reach a log line."""

import io
import json
import logging
from types import SimpleNamespace
from unittest import mock

import pytest

from accounts.roles import FINANCE
from core import logs
from policies.api.views import PolicyListApi

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the project's console handler writes, as JSON objects (the production format)."""
    handler = next(h for h in logging.getLogger().handlers
                   if any(isinstance(f, logs.SensitiveDataFilter) for f in h.filters))
    stream, formatter = io.StringIO(), handler.formatter
    previous = handler.setStream(stream)
    handler.setFormatter(logs.JsonFormatter())
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    finally:
        handler.setStream(previous)
        handler.setFormatter(formatter)


def test_a_requests_lines_carry_its_id_tenant_and_user(api_client, tenant, log_lines):
    response = api_client.get("/api/v1/policies/", HTTP_X_REQUEST_ID="lb-4f2a-9c01-77")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "lb-4f2a-9c01-77"
    [line] = [line for line in log_lines() if line["logger"] == "kredo.request"]
    assert line["request_id"] == "lb-4f2a-9c01-77"
    assert line["tenant_id"] == tenant.pk
    assert line["user_id"] == api_client.token.service_user.pk
    assert (line["method"], line["path"], line["status"]) == ("GET", "/api/v1/policies/", 200)


def test_the_outsiders_request_logs_the_outsiders_tenant(client_of_outsider, outsider, other_tenant, log_lines):
    client_of_outsider.get("/policies/")
    [line] = [line for line in log_lines() if line["logger"] == "kredo.request"]
    assert (line["tenant_id"], line["user_id"]) == (other_tenant.pk, outsider.pk)


@pytest.mark.parametrize("incoming", ["", "short", "has space in it", "x" * 200, "<script>alert(1)</script>"])
def test_an_ill_formed_request_id_is_replaced_by_a_new_one(client, incoming, log_lines):
    response = client.get("/login/", HTTP_X_REQUEST_ID=incoming)
    made = response["X-Request-ID"]
    assert made != incoming and len(made) == 32 and int(made, 16) >= 0
    assert [line["request_id"] for line in log_lines() if line["logger"] == "kredo.request"] == [made]


def test_every_line_of_one_request_shares_its_id(api_client, log_lines):
    def listing(view, request, *args, **kwargs):
        logging.getLogger("kredo.test").warning("inside the view")
        return original(view, request, *args, **kwargs)

    original = PolicyListApi.get
    with mock.patch.object(PolicyListApi, "get", listing):
        response = api_client.get("/api/v1/policies/")
    ids = {line["request_id"] for line in log_lines()}
    assert ids == {response["X-Request-ID"]}


def test_a_failing_view_logs_no_token_password_or_webhook_secret(api_client, log_lines):
    raw_key = api_client._credentials["HTTP_AUTHORIZATION"].split()[1]
    api_client.raise_request_exception = False

    def crash(*args, **kwargs):
        logging.getLogger("kredo.test").error("calling the bank with %s", {"password": "hunter2-secret",
                                                                           "url": "https://u:pw123@bank.example/"})
        raise RuntimeError(f"key {raw_key} rejected; Authorization: Token {raw_key}; secret whsec_Abc123xyz")

    with mock.patch.object(PolicyListApi, "get", crash):
        response = api_client.get("/api/v1/policies/", HTTP_X_REQUEST_ID="crash-0001")
    assert response.status_code == 500
    written = "\n".join(json.dumps(line) for line in log_lines())
    assert "RuntimeError" in written and "Internal Server Error" in written  # the traceback is there
    for secret in (raw_key, "hunter2-secret", "pw123", "whsec_Abc123xyz"):
        assert secret not in written
    assert {line["request_id"] for line in log_lines()} == {"crash-0001"}


@pytest.mark.parametrize("text,expected", [
    ("GET /account/reset/MTI/c2x-5b1e9a/ 200", "GET /account/reset/***/***/ 200"),
    ("broker redis://:s3cret@redis:6379/0 down", "broker redis://:***@redis:6379/0 down"),
    ("{'password': 'p4ss', 'username': 'ana'}", "{'password': '***', 'username': 'ana'}"),
    ("Bearer eyJhbGciOi.x.y", "Bearer ***"),
    ("?api_key=abc&page=2", "?api_key=***&page=2"),
])
def test_known_secret_shapes_are_masked(text, expected):
    assert logs.mask(text) == expected


def test_extra_fields_named_like_secrets_are_masked(log_lines):
    logging.getLogger("kredo.test").info("token created", extra={"api_token": "abc", "tenant": "Iberia"})
    [line] = log_lines()
    assert (line["api_token"], line["tenant"]) == ("***", "Iberia")


def test_a_task_published_in_a_request_logs_with_its_request_id():
    token = logs._context.set({"request_id": "req-abcdef12"})
    headers = {}
    try:
        logs._on_publish(headers=headers)
    finally:
        logs._context.reset(token)
    assert headers == {logs.HEADER: "req-abcdef12"}
    # In the worker: the header is on the task's request.
    task = SimpleNamespace(request=SimpleNamespace(kredo_request_id="req-abcdef12"))
    logs._on_task_start(task_id="t1", task=task)
    try:
        assert logs.current_request_id() == "req-abcdef12"
    finally:
        logs._on_task_end(task_id="t1")
    assert logs.current_request_id() is None


def test_djangos_own_line_for_a_refused_request_carries_the_id_and_the_next_request_does_not(client, log_lines):
    response = client.get("/api/v1/policies/", HTTP_X_REQUEST_ID="refused-0001")
    assert response.status_code in (401, 403)
    refused = [line for line in log_lines() if line["logger"] == "django.request"]
    assert refused and {line["request_id"] for line in refused} == {"refused-0001"}
    logging.getLogger("kredo.test").info("between requests")
    assert log_lines()[-1]["request_id"] is None


def test_error_reports_hide_a_raw_api_key_and_credential_urls(tenant, settings):
    import sys

    from django.test import RequestFactory
    from django.views.debug import ExceptionReporter

    from accounts import services as account_services
    from accounts.models import ApiToken
    from core.tenancy import tenant_scope

    settings.CACHE_URL = "redis://:cache-pass-123@redis:6379/1"
    with mock.patch.object(ApiToken.objects, "create", side_effect=RuntimeError("database said no")):
        with tenant_scope(tenant), pytest.raises(RuntimeError):
            try:
                account_services.create_api_token(tenant=tenant, created_by=None, name="ci", roles=[FINANCE])
            except RuntimeError:
                exc_info = sys.exc_info()
                raise
    request = RequestFactory().get("/api/v1/policies/", HTTP_AUTHORIZATION="Token header-secret-value")
    report = ExceptionReporter(request, *exc_info).get_traceback_text()
    assert "raw_key" in report and "database said no" in report
    frames = ExceptionReporter(request, *exc_info).get_traceback_frames()
    [frame] = [f for f in frames if f["function"] == "create_api_token"]
    assert dict(frame["vars"])["raw_key"] == "********************"
    assert "header-secret-value" not in report and "cache-pass-123" not in report


def test_celery_workers_keep_the_json_handler_and_its_masking():
    from config.celery import app

    assert app.conf.worker_hijack_root_logger is False
