"""API: /api/v1/turnover-declarations/ and /api/v1/policies/<id>/premium/."""

from datetime import date
from decimal import Decimal

import pytest
from moneyed import Money

from policies.premium.models import TurnoverDeclaration
from policies.premium.services import close_period, declare_turnover
from tests.factories import PolicyFactory, api_error, api_problem
from tests.test_premium import premium_roles  # noqa: F401  (the role change asked of accounts/roles.py)

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

AFTER_YEAR = date(2027, 1, 5)
URL = "/api/v1/turnover-declarations/"


@pytest.fixture(autouse=True)
def _today_after_the_policy_year(today):
    today(AFTER_YEAR)


def _body(policy, turnover="1000000.00", period="2026-01-01", country="ES", currency="EUR"):
    return {"policy": policy.pk, "period_start": period, "country": country,
            "turnover": {"amount": turnover, "currency": currency}}


def _declare(policy, start, country, amount):
    return declare_turnover(tenant=policy.tenant, declared_by=None, policy=policy, period_start=start,
                            country=country, turnover=Money(Decimal(amount), "EUR"), today=AFTER_YEAR)


def test_declare_then_correct(api_client, policy):
    response = api_client.post(URL, _body(policy), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["premium"] == {"amount": "2500.00", "currency": "EUR"}
    assert (body["period_start"], body["period_end"], body["country"]) == ("2026-01-01", "2026-01-31", "ES")
    response = api_client.post(URL, _body(policy, turnover="800000.00"), format="json")
    assert response.status_code == 200
    assert response.json()["id"] == body["id"]
    assert TurnoverDeclaration.objects.get().premium == Decimal("2000.00")


def test_idempotency_key_replays_and_creates_once(api_client, policy):
    headers = {"HTTP_IDEMPOTENCY_KEY": "turnover-2026-01-es"}
    first = api_client.post(URL, _body(policy), format="json", **headers)
    again = api_client.post(URL, _body(policy), format="json", **headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert TurnoverDeclaration.objects.get().history.count() == 1


@pytest.mark.parametrize("body,field", [
    (lambda p: _body(p, turnover="-1.00"), "turnover"),
    (lambda p: _body(p, currency="USD"), "turnover"),
    (lambda p: _body(p, period="2025-12-01"), "period_start"),
    (lambda p: _body(p, period="2027-02-01"), "period_start"),
    (lambda p: _body(p, period="2026-01-10"), "period_start"),
    (lambda p: _body(p, country="XX"), "country"),
])
def test_bad_input_is_a_400_with_the_field_and_nothing_written(api_client, policy, body, field):
    response = api_client.post(URL, body(policy), format="json")
    assert response.status_code == 400
    assert f"/{field}" in api_error(response)[1] and api_problem(response)["detail"]
    assert not TurnoverDeclaration.objects.exists()


def test_future_period_is_refused(api_client, policy, today):
    today(date(2026, 3, 10))
    response = api_client.post(URL, _body(policy, period="2026-03-01"), format="json")
    assert response.status_code == 400
    assert api_error(response)[0] == "period_not_ended"
    assert not TurnoverDeclaration.objects.exists()


def test_outsider_cannot_declare_on_the_policy_or_see_declarations(api_client_of_outsider, policy):
    response = api_client_of_outsider.post(URL, _body(policy), format="json")
    assert response.status_code == 400
    assert "/policy" in api_error(response)[1]
    assert not TurnoverDeclaration.objects.exists()
    _declare(policy, date(2026, 1, 1), "ES", "100")
    assert api_client_of_outsider.get(URL).json()["count"] == 0
    assert api_client_of_outsider.get(f"{URL}?policy={policy.pk}").json()["count"] == 0
    assert api_client_of_outsider.get(f"/api/v1/policies/{policy.pk}/premium/").status_code == 404


def test_list_filters(api_client, policy, tenant):
    other = PolicyFactory(tenant=tenant)
    _declare(policy, date(2026, 1, 1), "ES", "100")
    _declare(policy, date(2026, 2, 1), "ES", "100")
    _declare(policy, date(2026, 2, 1), "DE", "100")
    _declare(other, date(2026, 2, 1), "DE", "100")
    count = lambda query: api_client.get(f"{URL}?{query}").json()["count"]  # noqa: E731
    assert count(f"policy={policy.pk}") == 3
    assert count("period=2026-02") == 3
    assert count("period=2026-01-01") == 1
    assert count("country=de") == 2
    assert count(f"policy={policy.pk}&period=2026-02&country=DE") == 1
    assert count("period=nonsense") == 0


def test_list_query_count_is_pinned(api_client, tenant, django_assert_num_queries):
    for _n in range(4):
        policy = PolicyFactory(tenant=tenant)
        for month in range(1, 13):
            _declare(policy, date(2026, month, 1), "ES", "1000")
    with django_assert_num_queries(6):
        response = api_client.get(f"{URL}?page_size=100")
    assert response.json()["count"] == 48


def test_policy_premium_example_10(api_client, policy):
    _declare(policy, date(2026, 1, 1), "ES", "1000000")
    close_period(policy=policy, today=AFTER_YEAR)
    response = api_client.get(f"/api/v1/policies/{policy.pk}/premium/")
    assert response.status_code == 200
    body = response.json()
    assert body["declared_premium"]["amount"] == "2500.00"
    assert body["premium_due"]["amount"] == "5000.00"
    assert body["adjustment"]["amount"] == "2500.00"
    assert body["settled"] is True
    assert body["maximum_liability"]["amount"] == "200000.00"
    assert len(body["periods"]) == 12
    assert body["periods"][0]["countries"] == [{"country": "ES", "turnover": {"amount": "1000000.00", "currency": "EUR"},
                                                "premium": {"amount": "2500.00", "currency": "EUR"}}]
    assert [p["period"] for p in body["periods"] if p["missing"]] == [f"2026-{m:02d}" for m in range(2, 13)]


def test_a_role_without_the_permission_gets_403(tenant, policy):
    from rest_framework.test import APIClient

    from accounts import services as account_services

    _token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="credit",
                                                        roles=["Credit manager"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    assert client.get(URL).status_code == 403
    assert client.post(URL, _body(policy), format="json").status_code == 403
    assert client.get(f"/api/v1/policies/{policy.pk}/premium/").status_code == 403
    assert not TurnoverDeclaration.objects.exists()
