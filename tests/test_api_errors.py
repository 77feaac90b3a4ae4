"""Every error of the API is RFC 9457 problem details (issues 12 and 14; docs/api.md, "Errors"): DRF's errors, a
service's refusals, and what used to come back as HTML: an unknown URL, 405, 413, 415, 500, and a database or
broker outage (503 with Retry-After). Bodies are bounded in size and depth."""

import json

import pytest
from django.db import OperationalError
from kombu.exceptions import OperationalError as BrokerError
from rest_framework.test import APIClient

from policies.api.views import PolicyListApi
from tests.factories import PolicyFactory, api_error, api_problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code", "errors"}


def _problem(response, status, code):
    assert response.status_code == status, response.content
    body = api_problem(response)
    assert set(body) == PROBLEM_KEYS
    assert (body["status"], body["code"], body["type"]) == (status, code, f"/problems/{code}")
    assert body["title"] and body["detail"]
    return body


def test_field_errors_point_into_the_body_with_row_indexes_as_numbers(api_client, policy, buyer):
    bad_invoice = {"number": "F-1", "invoice_date": "2026-01-01", "shipment_date": "2026-01-01", "due_date": "soon",
                   "amount": {"amount": "10.00", "currency": "EUR"}, "outstanding": {"amount": "10.00", "currency": "EUR"}}
    response = api_client.post("/api/v1/overdues/", {"policy": policy.pk, "buyer": buyer.pk,
                                                     "invoices": [bad_invoice]}, format="json")
    body = _problem(response, 400, "validation_error")
    assert body["instance"] == "/api/v1/overdues/"
    assert body["errors"] == [{"pointer": "/invoices/0/due_date", "code": "invalid",
                               "detail": "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."}]


def test_another_tenants_policy_reads_as_an_unknown_one(api_client, buyer, outsider_policy):
    theirs = api_client.post("/api/v1/limits/", {"policy": outsider_policy.pk, "buyer": buyer.pk, "terms_days": 60,
                                                 "amount": {"amount": "10.00", "currency": "EUR"}}, format="json")
    none = api_client.post("/api/v1/limits/", {"policy": 999999, "buyer": buyer.pk, "terms_days": 60,
                                               "amount": {"amount": "10.00", "currency": "EUR"}}, format="json")
    assert api_error(theirs)[1]["/policy"] == api_error(none)[1]["/policy"] == ["Unknown policy."]


def test_an_unknown_api_url_is_a_problem_and_a_page_url_stays_html(api_client, client_of_user):
    body = _problem(api_client.get("/api/v1/nothing-here/"), 404, "not_found")
    assert body["instance"] == "/api/v1/nothing-here/"
    page = client_of_user.get("/nothing-here/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_a_method_not_allowed_names_the_allowed_ones(api_client):
    response = api_client.delete("/api/v1/policies/")
    _problem(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_an_unsupported_media_type_is_a_415(api_client, policy):
    response = api_client.post("/api/v1/limits/", data="policy=1", content_type="text/plain")
    _problem(response, 415, "unsupported_media_type")


def test_not_authenticated_is_a_401_problem():
    response = APIClient().get("/api/v1/policies/")
    _problem(response, 401, "not_authenticated")


def test_a_body_larger_than_accepted_is_a_413_and_nothing_reads_it(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api_client.post("/api/v1/limits/", data=json.dumps({"reference": "x" * 2000}),
                               content_type="application/json")
    _problem(response, 413, "request_too_large")


@pytest.mark.parametrize("depth", [33, 10_000])
def test_a_body_nested_too_deeply_is_a_400_not_a_recursion_error(api_client, depth):
    body = "[" * depth + "]" * depth
    response = api_client.post("/api/v1/limits/", data=body, content_type="application/json")
    _problem(response, 400, "too_deeply_nested")


def test_a_body_nested_within_the_limit_is_parsed(api_client):
    response = api_client.post("/api/v1/limits/", data=json.dumps({"reference": [[[["deep"]]]]}),
                               content_type="application/json")
    assert api_error(response)[0] == "validation_error"


def test_malformed_json_is_a_parse_error(api_client):
    _problem(api_client.post("/api/v1/limits/", data="{nope", content_type="application/json"), 400, "parse_error")


def test_a_crash_is_a_500_problem_without_details(api_client, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(PolicyListApi, "get", crash)
    api_client.raise_request_exception = False
    response = api_client.get("/api/v1/policies/")
    body = _problem(response, 500, "server_error")
    assert "secret" not in response.content.decode()
    assert body["instance"] == "/api/v1/policies/"


@pytest.mark.parametrize("outage", [OperationalError("could not connect to server"), BrokerError("broker down")])
def test_a_database_or_broker_outage_in_a_view_is_a_503_with_retry_after(api_client, monkeypatch, outage):
    def down(*args, **kwargs):
        raise outage

    monkeypatch.setattr(PolicyListApi, "get", down)
    response = api_client.get("/api/v1/policies/")
    _problem(response, 503, "service_unavailable")
    assert int(response["Retry-After"]) > 0


def test_a_database_outage_before_the_view_is_a_503_too(api_client, monkeypatch):
    """The token is looked up in a middleware, before DRF: Django's handler500 answers, as problem+json."""
    from accounts import services

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "authenticate_api_token", down)
    api_client.raise_request_exception = False
    response = api_client.get("/api/v1/policies/")
    _problem(response, 503, "service_unavailable")
    assert response["Retry-After"]


def test_a_database_outage_on_a_page_is_a_503_page(client_of_user, monkeypatch):
    from accounts import selectors

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "membership_of_user", down)  # what the tenant middleware reads first
    client_of_user.raise_request_exception = False
    response = client_of_user.get("/policies/")
    assert response.status_code == 503 and response["Content-Type"].startswith("text/html")
    assert response["Retry-After"]


def test_throttled_is_a_429_with_retry_after(api_client, monkeypatch):
    class Always:
        def allow_request(self, request, view):
            return False

        def wait(self):
            return 7

    monkeypatch.setattr(PolicyListApi, "throttle_classes", [Always])
    response = api_client.get("/api/v1/policies/")
    _problem(response, 429, "throttled")
    assert response["Retry-After"] == "7"


def test_messages_are_in_the_requests_language_for_token_requests(api_client):
    response = api_client.get("/api/v1/policies/999999/", HTTP_ACCEPT_LANGUAGE="es")
    body = _problem(response, 404, "not_found")
    assert body["title"] == "No encontrado"
    assert body["detail"] == "No encontrado."
    chinese = api_problem(api_client.get("/api/v1/policies/999999/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert chinese["title"] == "未找到"


def test_an_outsider_gets_a_404_problem_for_the_insureds_policy(api_client_of_outsider, tenant):
    theirs = PolicyFactory(tenant=tenant, number="KR-ERR-1")
    _problem(api_client_of_outsider.get(f"/api/v1/policies/{theirs.pk}/"), 404, "not_found")


def test_the_schema_documents_the_error_answers_of_every_operation():
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert schema["components"]["schemas"]["Problem"]["required"] == sorted(PROBLEM_KEYS, key=[
        "type", "title", "status", "detail", "instance", "code", "errors"].index)
    operations = [(path, method, operation) for path, ops in schema["paths"].items()
                  for method, operation in ops.items() if method in ("get", "post", "put", "patch", "delete")]
    assert len(operations) > 40
    for path, method, operation in operations:
        expected = {"400", "401", "403", "404", "429", "503"}
        expected |= {"413", "415"} if method in ("post", "put", "patch") else set()
        expected |= {"409", "422"} if method == "post" else set()
        assert expected <= set(operation["responses"]), (path, method)
        for status in expected:
            assert "application/problem+json" in operation["responses"][status]["content"], (path, method, status)
    upload = schema["paths"]["/api/v1/claims/{id}/documents/{doc_id}/"]["get"]["responses"]["200"]["content"]
    assert "application/octet-stream" in upload


def test_ids_beyond_any_row_are_not_found_and_id_filters_take_whole_numbers(api_client):
    # Found by the fuzzer: on SQLite both were a 500 (OverflowError binding the integer).
    _problem(api_client.get("/api/v1/claims/111789342793803104256/documents/120/"), 404, "not_found")
    _problem(api_client.get("/api/v1/claims/", {"overdue": "-4.0708521910921856e+68"}), 400, "validation_error")
    assert "/policy" in api_error(api_client.get("/api/v1/limits/", {"policy": "1.5"}))[1]
    assert api_client.get("/api/v1/limits/", {"policy": "1"}).status_code == 200


def test_the_instance_is_a_uri_reference_whatever_the_path(api_client):
    """RFC 9457's `instance` is a URI reference: a path with other characters comes back percent-encoded (the
    fuzzer found raw text there once the schema said `format: uri-reference`)."""
    body = _problem(api_client.get("/api/v1/claims/é 6/"), 404, "not_found")
    assert body["instance"] == "/api/v1/claims/%C3%A9%206/"


def test_a_keyset_page_keeps_its_schema_promise(api_client):
    """The paginated schema does not require `count`, which a `?cursor=` page leaves out."""
    schema = api_client.get("/api/schema/?format=json").json()
    page = schema["components"]["schemas"]["PaginatedLimitOutputList"]
    assert "count" in page["properties"] and "count" not in page.get("required", [])
    assert "count" not in api_client.get("/api/v1/limits/?cursor=").json()
