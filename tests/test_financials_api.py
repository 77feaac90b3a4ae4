"""Financial statements in the insurer API (issue 15, item 2): a buyer's statements read and recorded, and the
CSV import, through the admin's services; every problem on its field (a row's on `/rows/<line>/<column>`),
nothing half-written; underwriters only: an insured (the outsider at hand) and claims handlers are refused."""

import io

import pytest
from rest_framework.test import APIClient

from buyers.financials.models import FinancialStatement
from tests.buyer_factories import BuyerFactory
from tests.insurer_uw_helpers import assert_only_underwriters

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

BODY = {"year": 2025, "currency": "EUR", "revenue": "12500000.00", "equity": "-100000.00",
        "total_assets": "9800000.00", "current_assets": "5200000.00", "current_liabilities": "3900000.00",
        "net_income": "-410000.00", "ebitda": "1150000.00"}
HEADER = ("buyer_country,buyer_registration_number,year,currency,revenue,equity,total_assets,current_assets,"
          "current_liabilities,net_income,ebitda")


def url(buyer):
    return f"/api/v1/insurer/buyers/{buyer.pk}/financial-statements/"


def test_an_underwriter_records_and_reads_a_buyers_statements(underwriter_api):
    buyer = BuyerFactory(country="DE", registration_number="HRB5")
    created = underwriter_api.post(url(buyer), BODY, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["equity"] == {"amount": "-100000.00", "currency": "EUR"}
    restated = underwriter_api.post(url(buyer), {**BODY, "revenue": "13000000.00"}, format="json")
    assert restated.status_code == 201
    listed = underwriter_api.get(url(buyer)).json()
    assert [(row["year"], row["revenue"]["amount"]) for row in listed] == [(2025, "13000000.00")]
    statement = FinancialStatement.objects.get()
    assert statement.history.count() == 2  # the earlier figures kept


@pytest.mark.parametrize(("change", "pointer"), [
    ({"revenue": "-5.00"}, "/revenue"),
    ({"revenue": "1e6"}, "/revenue"),
    ({"currency": "XXQ"}, "/currency"),
    ({"current_assets": "99999999.00"}, "/current_assets"),
    ({"year": 1800}, "/year"),
])
def test_a_wrong_value_is_refused_on_its_field_nothing_written(underwriter_api, change, pointer):
    buyer = BuyerFactory()
    response = underwriter_api.post(url(buyer), {**BODY, **change}, format="json")
    assert response.status_code == 400, response.content
    assert pointer in [error["pointer"] for error in response.json()["errors"]]
    assert not FinancialStatement.objects.exists()
    assert underwriter_api.post("/api/v1/insurer/buyers/999999/financial-statements/", BODY,
                                format="json").status_code == 404


def _csv(*rows):
    file = io.BytesIO(("\n".join([HEADER, *rows]) + "\n").encode("utf-8"))
    file.name = "statements.csv"
    return file


def test_the_csv_import_records_every_row_or_none_with_each_rows_problem(underwriter_api):
    BuyerFactory(country="DE", registration_number="HRB1")
    BuyerFactory(country="DE", registration_number="HRB2")
    good = "DE,HRB1,2024,EUR,100.00,50.00,80.00,40.00,30.00,5.00,9.00"
    refused = underwriter_api.post("/api/v1/insurer/financial-statements/import/",
                                   {"file": _csv(good, "DE,NOPE,2024,EUR,1.00,1.00,1.00,1.00,1.00,1.00,1.00")},
                                   format="multipart")
    assert refused.status_code == 400
    assert [e["pointer"] for e in refused.json()["errors"]] == ["/rows/3/buyer_registration_number"]
    assert not FinancialStatement.objects.exists()
    done = underwriter_api.post("/api/v1/insurer/financial-statements/import/",
                                {"file": _csv(good, "DE,HRB2,2024,EUR,10.00,5.00,8.00,4.00,3.00,0.50,0.90")},
                                format="multipart")
    assert done.status_code == 200 and done.json() == {"rows": 2, "recorded": 2}
    assert FinancialStatement.objects.filter(source="csv").count() == 2


def test_only_underwriters_reach_financial_statements(user, outsider, api_client, api_client_of_outsider,
                                                      claims_handler):
    buyer = BuyerFactory()
    calls = [("get", url(buyer)), ("post", url(buyer), BODY),
             ("post", "/api/v1/insurer/financial-statements/import/", {})]
    assert_only_underwriters(calls, user=user, outsider=outsider, api_client=api_client,
                             api_client_of_outsider=api_client_of_outsider, claims_handler=claims_handler)
    assert api_client_of_outsider.get(f"/api/v1/buyers/{buyer.pk}/credit-file/").status_code in (200, 404)
    assert "revenue" not in str(api_client_of_outsider.get(f"/api/v1/buyers/{buyer.pk}/credit-file/").content)
    assert APIClient().get(url(buyer)).status_code == 401
    assert not FinancialStatement.objects.exists()


def test_scorecard_versions_are_read_in_the_insurer_api_underwriters_only(underwriter_api, user, outsider, api_client,
                                                                         api_client_of_outsider, claims_handler):
    from decimal import Decimal

    from limits.scorecard.models import Scorecard

    Scorecard.objects.create(version=1, name="First", max_automatic_amount=Decimal(250_000))
    Scorecard.objects.create(version=2, name="Second", is_active=True, max_automatic_amount=Decimal(100_000),
                             buyer_exposure_cap=Decimal(5_000_000))
    listed = underwriter_api.get("/api/v1/insurer/scorecards/")
    assert listed.status_code == 200
    assert [(row["version"], row["is_active"]) for row in listed.json()] == [(2, True), (1, False)]
    detail = underwriter_api.get("/api/v1/insurer/scorecards/2/").json()
    assert detail["max_automatic_amount"] == {"amount": "100000.00", "currency": "EUR"}
    assert detail["buyer_exposure_cap"]["amount"] == "5000000.00" and detail["policies"] == []
    assert "grade" in str(detail["parameters"])
    assert underwriter_api.get("/api/v1/insurer/scorecards/9/").status_code == 404
    calls = [("get", "/api/v1/insurer/scorecards/"), ("get", "/api/v1/insurer/scorecards/2/")]
    assert_only_underwriters(calls, user=user, outsider=outsider, api_client=api_client,
                             api_client_of_outsider=api_client_of_outsider, claims_handler=claims_handler)
