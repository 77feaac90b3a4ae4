"""GET /api/v1/exposure/: the insured's own limits in force per buyer or country, in each policy currency and in
the insurer's reporting currency (issue 14, item 2). Another insured's limits on the same buyer never count."""

from datetime import date
from decimal import Decimal

import pytest

from core.models import ExchangeRate
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, api_error
from tests.limit_factories import make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
URL = "/api/v1/exposure/"


def money(amount, currency="EUR"):
    return {"amount": amount, "currency": currency}


@pytest.fixture
def book(tenant, policy, other_tenant, outsider_policy, settings):
    """Müller (DE): 30,000 EUR and 10,000 USD; Rossi (IT): 20,000 EUR; Dupont (FR): 5,000 EUR and 1,000 CHF
    (no CHF rate). The outsider holds 99,000 EUR on Müller. USD/EUR 0.9 recorded on 1 March 2026."""
    settings.REPORTING_CURRENCY = "EUR"
    usd = PolicyFactory(tenant=tenant, currency="USD")
    chf = PolicyFactory(tenant=tenant, currency="CHF")
    muller, rossi, dupont = make_buyer("Müller GmbH", "DE"), make_buyer("Rossi S.p.A.", "IT"), make_buyer(
        "Dupont SA", "FR")
    make_limit(policy, muller, 30_000)
    make_limit(usd, muller, 10_000)
    make_limit(policy, rossi, 20_000)
    make_limit(policy, dupont, 5_000)
    make_limit(chf, dupont, 1_000)
    make_limit(policy, make_buyer("Expired AG", "DE"), 7_000, state="expired")
    make_limit(outsider_policy, muller, 99_000)
    ExchangeRate.objects.create(base_currency="USD", quote_currency="EUR", valid_on=date(2026, 3, 1),
                                rate=Decimal("0.9"))
    return {"muller": muller, "rossi": rossi, "dupont": dupont}


def test_by_buyer_in_the_policy_and_the_reporting_currency(api_client, book):
    body = api_client.get(URL, {"on": "2026-03-15"}).json()
    assert [(row["id"], row["label"], row["country"], row["limits"]) for row in body["results"]] == [
        (book["muller"].pk, "Müller GmbH", "DE", 2), (book["rossi"].pk, "Rossi S.p.A.", "IT", 1),
        (book["dupont"].pk, "Dupont SA", "FR", 2)]
    muller, rossi, dupont = body["results"]
    assert muller["in_policy_currency"] == [money("30000.00"), money("10000.00", "USD")]
    assert muller["in_reporting_currency"] == money("39000.00") and muller["without_rate"] == []
    assert rossi["in_reporting_currency"] == money("20000.00")
    # No CHF rate: reported apart, never dropped or guessed.
    assert dupont["in_reporting_currency"] == money("5000.00")
    assert dupont["without_rate"] == [money("1000.00", "CHF")]
    assert (body["by"], body["on"], body["reporting_currency"], body["count"]) == ("buyer", "2026-03-15", "EUR", 3)
    assert body["totals_in_policy_currency"] == [money("1000.00", "CHF"), money("55000.00"),
                                                 money("10000.00", "USD")]
    assert body["total_in_reporting_currency"] == money("64000.00")
    assert body["without_rate"] == [money("1000.00", "CHF")]


def test_by_country(api_client, book):
    body = api_client.get(URL, {"by": "country", "on": "2026-03-15"}).json()
    assert [(row["id"], row["country"], row["label"], row["in_reporting_currency"]) for row in body["results"]] == [
        (None, "DE", "Germany", money("39000.00")), (None, "IT", "Italy", money("20000.00")),
        (None, "FR", "France", money("5000.00"))]


def test_the_rates_are_those_of_the_day_asked(api_client, book):
    ExchangeRate.objects.create(base_currency="USD", quote_currency="EUR", valid_on=date(2026, 4, 1),
                                rate=Decimal("0.8"))
    before = api_client.get(URL, {"on": "2026-03-31"}).json()["results"][0]
    after = api_client.get(URL, {"on": "2026-04-01"}).json()["results"][0]
    assert (before["in_reporting_currency"], after["in_reporting_currency"]) == (money("39000.00"), money("38000.00"))
    # Before any USD rate, the USD limit is reported apart.
    early = api_client.get(URL, {"on": "2026-02-28"}).json()["results"]
    assert [row["without_rate"] for row in early if row["id"] == book["muller"].pk] == [[money("10000.00", "USD")]]


def test_paginated_with_totals_of_every_row(api_client, book):
    first = api_client.get(URL, {"on": "2026-03-15", "page_size": 2}).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (3, 2, None)
    assert "page=2" in first["next"]
    second = api_client.get(URL, {"on": "2026-03-15", "page_size": 2, "page": 2}).json()
    assert [row["id"] for row in second["results"]] == [book["dupont"].pk] and second["next"] is None
    assert second["total_in_reporting_currency"] == first["total_in_reporting_currency"] == money("64000.00")


def test_the_outsider_sees_only_its_own(api_client_of_outsider, book):
    body = api_client_of_outsider.get(URL, {"on": "2026-03-15"}).json()
    assert [(row["id"], row["in_policy_currency"]) for row in body["results"]] == [
        (book["muller"].pk, [money("99000.00")])]
    assert body["total_in_reporting_currency"] == money("99000.00")


def test_an_insured_without_limits_has_an_empty_page(api_client):
    body = api_client.get(URL).json()
    assert (body["count"], body["results"], body["total_in_reporting_currency"]) == (0, [], money("0.00"))


@pytest.mark.parametrize("params,pointer", [({"by": "sector"}, "/by"), ({"on": "yesterday"}, "/on")])
def test_bad_parameters_are_field_errors(api_client, book, params, pointer):
    response = api_client.get(URL, params)
    assert response.status_code == 400
    assert pointer in api_error(response)[1]


def test_a_page_past_the_end_is_a_404(api_client, book):
    assert api_client.get(URL, {"page": 9}).status_code == 404
