"""The insurer's API (/api/v1/insurer/): claims handlers and insurer tokens record recoveries on any tenant's
claim; tenant users and tokens are refused there, and insurer tokens are refused everywhere else."""

from datetime import date, timedelta

import pytest
from django.test import Client
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.models import InsurerApiToken
from accounts.roles import CLAIMS_HANDLER, FINANCE, UNDERWRITER
from recoveries.models import CollectionCase, CollectionCost, Recovery, Settlement
from tests.claim_helpers import paid_claim
from tests.factories import UserFactory, api_error, insurer_token_client, logged_in, member, money_json

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
TODAY = date.today()
BASE = "/api/v1/insurer/claims"


@pytest.fixture
def claim(tenant, finance, claims_handler, underwriter):
    """Example 8: a 10,000 loss, 90% pro rata, 9,000 paid."""
    return paid_claim(tenant, finance, claims_handler, underwriter)


def _recovery(amount="5000.00", **overrides):
    return {"amount": money_json(amount), "received_on": TODAY.isoformat(), "source": "liquidator", "note": "Dividend",
            **overrides}


def _nothing_written():
    return not (Recovery.objects.exists() or CollectionCost.objects.exists() or Settlement.objects.exists()
                or CollectionCase.objects.exists())


# Recording, as the admin does, through recoveries.services.

def test_example_8_recovery_is_shared_in_the_ledger(handler_api, claim, tenant):
    response = handler_api.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["phase"] == "after_payment"
    ledger = handler_api.get(f"{BASE}/{claim.pk}/recovery-ledger/")
    assert ledger.status_code == 200
    body = ledger.json()
    assert body["tenant_id"] == tenant.pk and body["tenant"] == tenant.legal_name
    totals = body["totals"]
    assert totals["insurer_share"] == money_json("4500.00") and totals["insured_share"] == money_json("500.00")
    assert totals["insurer_owes_insured"] == money_json("500.00")
    assert body["lines"][0]["insurer_share_to_date"] == money_json("4500.00")


def test_recovery_is_recorded_by_the_caller(handler_api, claim):
    handler_api.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json")
    assert Recovery.objects.get().recorded_by == handler_api.acting_user


def test_collection_cost_is_shared_in_the_same_proportion(handler_api, claim):
    handler_api.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json")
    response = handler_api.post(f"{BASE}/{claim.pk}/collection-costs/", {
        "amount": money_json("1000.00"), "incurred_on": TODAY.isoformat(), "kind": "legal_fees"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["amount"] == money_json("1000.00")
    totals = handler_api.get(f"{BASE}/{claim.pk}/recovery-ledger/").json()["totals"]
    assert (totals["insurer_share"], totals["insured_share"]) == (money_json("3600.00"), money_json("400.00"))


def test_settlement_squares_the_ledger(handler_api, claim):
    handler_api.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json")
    response = handler_api.post(f"{BASE}/{claim.pk}/settlements/", {
        "amount": money_json("500.00"), "settled_on": TODAY.isoformat(), "to_insurer": False, "reference": "PAY-1"},
        format="json")
    assert response.status_code == 201, response.content
    totals = handler_api.get(f"{BASE}/{claim.pk}/recovery-ledger/").json()["totals"]
    assert totals["insurer_owes_insured"] == totals["insured_owes_insurer"] == money_json("0.00")


def test_collection_case_is_opened_then_updated_and_the_insured_sees_it(handler_api, claim, api_client):
    url = f"{BASE}/{claim.pk}/collection-case/"
    opened = handler_api.post(url, {"agency": "Cobros Madrid SL"}, format="json")
    assert opened.status_code == 201, opened.content
    assert opened.json()["status"] == "in_collection" and opened.json()["claim_id"] == claim.pk
    updated = handler_api.post(url, {"status": "payment_plan", "note": "12 instalments"}, format="json")
    assert updated.status_code == 200, updated.content
    assert updated.json()["id"] == opened.json()["id"] and updated.json()["status"] == "payment_plan"
    cases = api_client.get("/api/v1/collection-cases/").json()["results"]
    assert [(c["status"], c["status_note"]) for c in cases] == [("payment_plan", "12 instalments")]


def test_collection_case_opened_with_a_status_is_one_change(handler_api, claim):
    response = handler_api.post(f"{BASE}/{claim.pk}/collection-case/",
                                {"agency": "Lawyers LLP", "status": "legal_action", "note": "Writ served"},
                                format="json")
    assert response.status_code == 201, response.content
    case = CollectionCase.objects.get()
    assert (case.status, case.status_note, case.agency) == ("legal_action", "Writ served", "Lawyers LLP")


def test_idempotency_key_replays_and_records_once(handler_api, claim):
    url = f"{BASE}/{claim.pk}/recoveries/"
    first = handler_api.post(url, _recovery(), format="json", HTTP_IDEMPOTENCY_KEY="rec-1")
    again = handler_api.post(url, _recovery(), format="json", HTTP_IDEMPOTENCY_KEY="rec-1")
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert Recovery.objects.count() == 1


def test_tenants_own_idempotency_key_does_not_replay_an_insurer_response(handler_api, api_client, claim):
    # Keys are stored under the claim's tenant; the fingerprint covers the path, so no cross replay.
    assert handler_api.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json",
                            HTTP_IDEMPOTENCY_KEY="k").status_code == 201
    response = api_client.post(f"/api/v1/claims/{claim.pk}/recoveries/",
                               {"amount": money_json("10.00"), "received_on": TODAY.isoformat()}, format="json",
                               HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 422
    assert Recovery.objects.count() == 1


# Bad input: 400 with field messages, nothing written.

@pytest.mark.parametrize("payload,field", [
    (_recovery(amount="5000.00") | {"amount": {"amount": "5000.00", "currency": "USD"}}, "amount"),
    (_recovery() | {"received_on": (TODAY + timedelta(days=1)).isoformat()}, "received_on"),
    (_recovery() | {"source": "a friend"}, "source"),
    (_recovery() | {"amount": {"amount": 5000.0, "currency": "EUR"}}, "amount"),
    ({"received_on": TODAY.isoformat(), "source": "buyer"}, "amount"),
])
def test_bad_recovery_is_refused_and_nothing_is_written(handler_api, claim, payload, field):
    response = handler_api.post(f"{BASE}/{claim.pk}/recoveries/", payload, format="json")
    assert response.status_code == 400
    assert f"/{field}" in api_error(response)[1]
    assert _nothing_written()


def test_settlement_above_what_is_owed_is_refused(handler_api, claim):
    handler_api.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json")
    response = handler_api.post(f"{BASE}/{claim.pk}/settlements/", {
        "amount": money_json("501.00"), "settled_on": TODAY.isoformat(), "to_insurer": False}, format="json")
    assert response.status_code == 400 and "/amount" in api_error(response)[1]
    assert not Settlement.objects.exists()


def test_bad_status_on_opening_leaves_no_case(handler_api, claim):
    response = handler_api.post(f"{BASE}/{claim.pk}/collection-case/", {"status": "sold"}, format="json")
    assert response.status_code == 400 and "/status" in api_error(response)[1]
    assert not CollectionCase.objects.exists()


def test_unknown_claim_is_404(handler_api, claim):
    assert handler_api.get(f"{BASE}/{claim.pk + 999}/recovery-ledger/").status_code == 404
    assert handler_api.post(f"{BASE}/{claim.pk + 999}/recoveries/", _recovery(), format="json").status_code == 404


# Who may come in.

@pytest.mark.parametrize("how", ["session", "token"])
def test_underwriter_may_read_but_not_record(how, underwriter, claim):
    client = logged_in(underwriter, client_class=APIClient) if how == "session" else insurer_token_client([UNDERWRITER])
    assert client.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 200
    assert client.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json").status_code == 403
    assert client.post(f"{BASE}/{claim.pk}/collection-case/", {"agency": "X"}, format="json").status_code == 403
    assert _nothing_written()


def test_tenant_users_and_tokens_are_refused(user, outsider, api_client, api_client_of_outsider, claim):
    for client in (logged_in(user, client_class=APIClient), logged_in(outsider, client_class=APIClient), api_client, api_client_of_outsider):
        assert client.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 403
        assert client.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json").status_code == 403
        assert client.post(f"{BASE}/{claim.pk}/collection-case/", {"agency": "X"}, format="json").status_code == 403
    assert _nothing_written()


def test_staff_flag_on_a_tenant_member_does_not_open_the_insurer_api(tenant, claim):
    # A tenant's user is scoped to its tenant even if someone ticked "staff": fail closed.
    odd = member(tenant, [FINANCE], is_staff=True)
    assert logged_in(odd, client_class=APIClient).get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 403


def test_staff_without_a_role_is_refused(claim):
    assert logged_in(UserFactory(is_staff=True), client_class=APIClient).get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 403


def test_anonymous_and_invalid_keys_get_401(claim):
    assert APIClient().get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 401
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-key")
    assert client.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 401


def test_revoked_insurer_token_is_refused(claim):
    client = insurer_token_client([CLAIMS_HANDLER])
    assert client.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 200
    account_services.revoke_insurer_api_token(token=client.token)
    assert client.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 401
    assert client.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(), format="json").status_code == 401
    assert _nothing_written()


def test_insurer_token_never_reaches_tenant_endpoints(claim, policy):
    # Outside the insurer API an insurer key matches no tenant token: refused, and scoped to nothing.
    client = insurer_token_client([CLAIMS_HANDLER, UNDERWRITER])
    for url in ("/api/v1/limits/", "/api/v1/policies/", f"/api/v1/claims/{claim.pk}/recovery-ledger/",
                "/api/v1/collection-cases/"):
        response = client.get(url)
        assert response.status_code == 401, url
        assert "results" not in response.json()
    response = client.post(f"/api/v1/claims/{claim.pk}/recoveries/",
                           {"amount": money_json("10.00"), "received_on": TODAY.isoformat()}, format="json")
    assert response.status_code == 401
    assert _nothing_written()


def test_insurer_token_opens_no_browser_page_nor_the_admin(claim):
    client = insurer_token_client([CLAIMS_HANDLER])
    assert client.get("/recoveries/").status_code == 302
    assert client.get("/admin/recoveries/recovery/").status_code == 302


def test_staff_session_still_sees_nothing_on_tenant_endpoints(claims_handler, claim):
    assert logged_in(claims_handler, client_class=APIClient).get("/api/v1/limits/").status_code == 403


def test_ledger_query_count_does_not_grow_with_rows(handler_api, claim, django_assert_num_queries):
    for _ in range(20):
        handler_api.post(f"{BASE}/{claim.pk}/recoveries/", _recovery(amount="10.00"), format="json")
    # One of them the claim's policy's terms versions (the sharing rule of its date of loss).
    with django_assert_num_queries(9 if hasattr(handler_api, "token") else 11):
        assert handler_api.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 200


# The admin: the key is shown once, a token can be revoked.

def test_admin_creates_a_token_and_shows_the_key_once(claim):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    browser = Client()
    browser.force_login(admin_user)
    response = browser.post("/admin/accounts/insurerapitoken/add/", {"name": "ERP", "roles": [CLAIMS_HANDLER]})
    assert response.status_code == 200, response.content[:500]
    token = InsurerApiToken.objects.get()
    assert token.created_by == admin_user and token.service_user.is_staff
    assert list(token.service_user.groups.values_list("name", flat=True)) == [CLAIMS_HANDLER]
    raw_key = response.context["raw_key"]
    assert raw_key in response.content.decode() and "no-store" in response["Cache-Control"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    assert client.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 200
    assert raw_key not in browser.get(f"/admin/accounts/insurerapitoken/{token.pk}/change/").content.decode()

    browser.post("/admin/accounts/insurerapitoken/", {"action": "revoke_tokens", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None and not token.service_user.is_active
    assert client.get(f"{BASE}/{claim.pk}/recovery-ledger/").status_code == 401


def test_admin_refuses_a_token_without_roles():
    browser = Client()
    browser.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = browser.post("/admin/accounts/insurerapitoken/add/", {"name": "ERP"})
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert not InsurerApiToken.objects.exists()


def test_service_refuses_tenant_roles():
    from core.exceptions import DomainError

    with pytest.raises(DomainError):
        account_services.create_insurer_api_token(name="x", roles=[FINANCE], created_by=None)
    assert not InsurerApiToken.objects.exists()
