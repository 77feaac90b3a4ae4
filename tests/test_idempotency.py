"""`Idempotency-Key` as the IETF draft says (issue 12 item 7; docs/api.md, "Idempotency"): a second request with
the key while the first still runs gets 409; after it, the first response is replayed; the key with another
body is a 422; a refused or crashed request releases its key; keys are kept IDEMPOTENCY_KEY_TTL_HOURS and purged
by an idempotent job; another tenant's identical key is its own."""

import threading
from datetime import date, timedelta

import pytest
from django.db import connections
from django.utils import timezone
from django_scopes import scopes_disabled

from core.models import IdempotencyKey
from core.tasks import purge_idempotency_keys
from limits import services
from limits.models import CreditLimit
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, api_error

pytestmark = [pytest.mark.unscoped]


def _policy(tenant):
    today = timezone.localdate()
    return PolicyFactory(tenant=tenant, start_date=date(today.year - 1, 1, 1), end_date=date(today.year + 1, 12, 31))


def _request(client, policy, buyer, amount="40000.00", key="key-1"):
    return client.post("/api/v1/limits/", {"policy": policy.pk, "buyer": buyer.pk, "terms_days": 60,
                                           "amount": {"amount": amount, "currency": "EUR"}},
                       format="json", HTTP_IDEMPOTENCY_KEY=key)


@pytest.mark.django_db(transaction=True)
def test_the_same_key_while_the_first_request_runs_is_a_409_then_the_first_is_replayed(api_client, tenant,
                                                                                      monkeypatch):
    policy, buyer = _policy(tenant), make_buyer(country="PT", grade=2)
    started, release = threading.Event(), threading.Event()
    real = services.request_limit

    def slow_request_limit(**kwargs):
        started.set()
        assert release.wait(20)
        return real(**kwargs)

    monkeypatch.setattr(services, "request_limit", slow_request_limit)
    first = {}

    def send_first():
        try:
            first["response"] = _request(api_client, policy, buyer)
        finally:
            connections.close_all()

    thread = threading.Thread(target=send_first)
    thread.start()
    try:
        assert started.wait(20)
        in_flight = _request(api_client, policy, buyer)
        different = _request(api_client, policy, buyer, amount="1.00")
    finally:
        release.set()
        thread.join(30)
    assert in_flight.status_code == 409 and api_error(in_flight)[0] == "idempotency_key_in_use"
    assert in_flight["Retry-After"]
    assert different.status_code == 422 and api_error(different)[0] == "idempotency_key_reused"
    assert first["response"].status_code == 201
    again = _request(api_client, policy, buyer)
    assert (again.status_code, again["Idempotent-Replayed"]) == (201, "true")
    assert again.json() == first["response"].json()
    with scopes_disabled():
        assert CreditLimit.objects.filter(buyer=buyer).count() == 1


@pytest.mark.django_db
def test_a_refused_request_releases_its_key_for_the_fixed_retry(api_client, tenant):
    policy, buyer = _policy(tenant), make_buyer(country="PT", grade=2)
    refused = _request(api_client, policy, buyer, amount="1e3", key="fix-me")
    assert refused.status_code == 400
    fixed = _request(api_client, policy, buyer, amount="1000.00", key="fix-me")
    assert fixed.status_code == 201 and "Idempotent-Replayed" not in fixed
    with scopes_disabled():
        assert IdempotencyKey.objects.get(key="fix-me").response_status == 201


@pytest.mark.django_db
def test_a_crashed_request_releases_its_key(api_client, tenant, monkeypatch):
    policy, buyer = _policy(tenant), make_buyer(country="PT", grade=2)

    def crash(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "request_limit", crash)
    api_client.raise_request_exception = False
    assert _request(api_client, policy, buyer, key="crash").status_code == 500
    with scopes_disabled():
        assert not IdempotencyKey.objects.filter(key="crash").exists()


@pytest.mark.django_db
def test_a_key_left_in_progress_by_a_dead_process_is_taken_over(api_client, tenant, settings, monkeypatch):
    from rest_framework.response import Response

    from core.api.idempotency import IdempotentPostMixin

    policy, buyer = _policy(tenant), make_buyer(country="PT", grade=2)
    with monkeypatch.context() as dying:
        # As a process killed mid-request leaves it: the key claimed, no response, no work done.
        dying.setattr(IdempotentPostMixin, "_run_claimed", lambda self, claimed, request, *a, **k: Response(status=502))
        assert _request(api_client, policy, buyer, key="orphan").status_code == 502
    assert _request(api_client, policy, buyer, key="orphan").status_code == 409
    with scopes_disabled():
        IdempotencyKey.objects.filter(key="orphan").update(
            created_at=timezone.now() - timedelta(seconds=settings.IDEMPOTENCY_IN_FLIGHT_SECONDS + 1))
    retried = _request(api_client, policy, buyer, key="orphan")
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried
    with scopes_disabled():
        assert CreditLimit.objects.filter(buyer=buyer).count() == 1


@pytest.mark.django_db
def test_an_outsiders_identical_key_is_its_own(api_client, api_client_of_outsider, tenant, other_tenant):
    buyer = make_buyer(country="PT", grade=2)
    mine = _request(api_client, _policy(tenant), buyer, key="shared")
    theirs = _request(api_client_of_outsider, _policy(other_tenant), buyer, key="shared")
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert "Idempotent-Replayed" not in theirs and mine.json()["id"] != theirs.json()["id"]


@pytest.mark.django_db
def test_keys_are_purged_after_their_retention_and_the_purge_is_idempotent(tenant, settings):
    with scopes_disabled():
        for key, age in (("old", settings.IDEMPOTENCY_KEY_TTL_HOURS + 1), ("recent", 1)):
            row = IdempotencyKey.objects.create(tenant=tenant, key=key, method="POST", path="/api/v1/limits/",
                                                request_fingerprint="x", response_status=201, response_body={})
            IdempotencyKey.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(hours=age))
        assert purge_idempotency_keys() == 1
        assert purge_idempotency_keys() == 0
        assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent"]


@pytest.mark.django_db
def test_a_stored_response_is_whole_or_absent_in_the_database(tenant):
    from django.db import IntegrityError, transaction

    with scopes_disabled(), pytest.raises(IntegrityError), transaction.atomic():
        IdempotencyKey.objects.create(tenant=tenant, key="half", method="POST", path="/x/", request_fingerprint="x",
                                      response_status=201, response_body=None)
