"""Recoveries through the API: the ledger (example 8), a direct receipt (idempotent), collection cases, isolation."""

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import TENANT_ADMIN
from recoveries import services
from recoveries.models import CollectionCase, Recovery
from tests.claim_helpers import paid_claim
from tests.factories import api_error, eur, money_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]
TODAY = date.today()


def ledger_url(claim):
    return f"/api/v1/claims/{claim.pk}/recovery-ledger/"


def recoveries_url(claim):
    return f"/api/v1/claims/{claim.pk}/recoveries/"


CASES = "/api/v1/collection-cases/"


def token_client(tenant, roles):
    _token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="roles", roles=roles)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    return client


@pytest.fixture
def claim(tenant, finance, claims_handler, underwriter):
    return paid_claim(tenant, finance, claims_handler, underwriter)


def receipt(amount="5000.00", **extra):
    return {"amount": money_json(amount), "received_on": TODAY.isoformat(), "note": "Transfer from the buyer", **extra}


# --- Example 8 in the ledger --------------------------------------------------------------------------------

@pytest.mark.parametrize("rule,recovered,insurer,insured", [
    ("pro_rata", 5_000, "4500.00", "500.00"),
    ("insurer_first", 5_000, "5000.00", "0.00"),
    ("insurer_first", 9_500, "9000.00", "500.00"),
])
def test_example_8_ledger(api_client, tenant, finance, claims_handler, underwriter, rule, recovered, insurer,
                          insured):
    claim = paid_claim(tenant, finance, claims_handler, underwriter, rule=rule)
    services.record_recovery(claim=claim, amount=eur(recovered), received_on=TODAY, source="liquidator")
    response = api_client.get(ledger_url(claim))
    assert response.status_code == 200
    body = response.json()
    assert (body["rule"], body["currency"]) == (rule, "EUR")
    totals = body["totals"]
    assert totals["indemnity_paid"] == money_json("9000.00")
    assert (totals["insurer_share"], totals["insured_share"]) == (money_json(insurer), money_json(insured))
    assert totals["insurer_owes_insured"] == money_json(insured) and totals["insured_owes_insurer"] == money_json("0.00")
    [line] = body["lines"]
    assert line["kind"] == "recovery" and line["held_by"] == "insurer" and line["reduced_loss"] is False
    assert (line["insurer_share_to_date"], line["insured_share_to_date"]) == (money_json(insurer), money_json(insured))


# --- A direct receipt ---------------------------------------------------------------------------------------

def test_direct_receipt_through_the_api_is_owed_to_the_insurer(api_client, claim):
    response = api_client.post(recoveries_url(claim), receipt(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["source"], body["phase"], body["amount"]) == ("insured_direct", "after_payment", money_json("5000.00"))
    totals = api_client.get(ledger_url(claim)).json()["totals"]
    # 4,500 of 5,000 at 90%: the insured holds the insurer's share until it settles.
    assert totals["insured_owes_insurer"] == money_json("4500.00") and totals["insurer_owes_insured"] == money_json("0.00")
    listed = api_client.get(recoveries_url(claim)).json()
    assert [r["id"] for r in listed["results"]] == [body["id"]]


def test_replaying_an_idempotency_key_creates_nothing_more(api_client, claim):
    first = api_client.post(recoveries_url(claim), receipt(), format="json", HTTP_IDEMPOTENCY_KEY="rcv-1")
    again = api_client.post(recoveries_url(claim), receipt(), format="json", HTTP_IDEMPOTENCY_KEY="rcv-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert Recovery.objects.count() == 1
    other = api_client.post(recoveries_url(claim), receipt("10.00"), format="json", HTTP_IDEMPOTENCY_KEY="rcv-1")
    assert other.status_code == 422 and Recovery.objects.count() == 1


@pytest.mark.parametrize("body,field", [
    (receipt(amount=5000.0), "amount"),
    ({**receipt(), "amount": {"amount": "100.00", "currency": "USD"}}, "amount"),
    (receipt("0"), "amount"),
    (receipt("1.001"), "amount"),
    (receipt("100000000000000.00"), "amount"),
    ({"amount": money_json("100.00")}, "received_on"),
    (receipt(received_on=(TODAY + timedelta(days=1)).isoformat()), "received_on"),
    (receipt(received_on="not a date"), "received_on"),
    (receipt(note="x" * 201), "note"),
])
def test_bad_input_is_400_with_field_messages_and_writes_nothing(api_client, claim, body, field):
    response = api_client.post(recoveries_url(claim), body, format="json", HTTP_IDEMPOTENCY_KEY=f"bad-{field}")
    assert response.status_code == 400
    assert api_error(response)[1][f"/{field}"]
    assert not Recovery.objects.exists()


def test_declaring_needs_the_finance_permission(tenant, claim):
    admin = token_client(tenant, [TENANT_ADMIN])  # may read claims, may not declare
    assert admin.get(ledger_url(claim)).status_code == 200
    assert admin.post(recoveries_url(claim), receipt(), format="json").status_code == 403
    assert not Recovery.objects.exists()


# --- Isolation ----------------------------------------------------------------------------------------------

def test_outsider_cannot_reach_the_tenants_recoveries(api_client_of_outsider, claim):
    services.open_collection_case(overdue=claim.overdue, claim=claim)
    assert api_client_of_outsider.get(ledger_url(claim)).status_code == 404
    assert api_client_of_outsider.get(recoveries_url(claim)).status_code == 404
    response = api_client_of_outsider.post(recoveries_url(claim), receipt(), format="json")
    assert response.status_code == 404
    assert api_client_of_outsider.get(CASES).json()["results"] == []
    assert api_client_of_outsider.get("/api/v1/claims/999999/recovery-ledger/").status_code == 404
    assert not Recovery.objects.exists()


# --- Lists pin their query count ----------------------------------------------------------------------------

def _cases(claim, n):
    """Closed cases on the claim's overdue, then one open: the debt went to collection several times."""
    for _ in range(n):
        case = services.open_collection_case(overdue=claim.overdue, claim=claim, agency="Cobros Madrid SL")
        services.update_collection_status(case=case, status=CollectionCase.Status.CLOSED, note="closed")
    return services.open_collection_case(overdue=claim.overdue, claim=claim)


def test_collection_cases_list_and_filters(api_client, claim, django_assert_num_queries):
    open_case = _cases(claim, 12)
    with django_assert_num_queries(6):
        response = api_client.get(CASES)
    body = response.json()
    assert response.status_code == 200 and body["count"] == 13
    assert body["results"][0]["buyer"] == claim.buyer.legal_name
    only_open = api_client.get(CASES, {"status": "in_collection"}).json()["results"]
    assert [c["id"] for c in only_open] == [open_case.pk]
    assert api_client.get(CASES, {"claim": claim.pk}).json()["count"] == 13
    assert api_client.get(CASES, {"overdue": claim.overdue_id}).json()["count"] == 13
    assert api_client.get(CASES, {"claim": claim.pk + 1000}).json()["count"] == 0
    assert api_client.get(CASES, {"status": "lost"}).status_code == 400


def test_recoveries_and_ledger_pin_their_query_count(api_client, claim, finance, django_assert_num_queries):
    for i in range(15):
        services.record_recovery(claim=claim, amount=eur(100 + i), received_on=TODAY, source="buyer")
        services.record_collection_cost(claim=claim, amount=eur(10), incurred_on=TODAY, kind="other")
    services.open_collection_case(overdue=claim.overdue, claim=claim)
    # Token (2), permissions (2), the claim (404 outside the tenant), count, rows.
    with django_assert_num_queries(7):
        assert api_client.get(recoveries_url(claim)).json()["count"] == 15
    with django_assert_num_queries(9):
        body = api_client.get(ledger_url(claim)).json()
    assert len(body["lines"]) == 30 and len(body["collection_cases"]) == 1
