"""Proposals, quotes and policies through the API: the insured's (tenant tokens) and the underwriter's (insurer API)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN
from policies.models import Policy, TermsVersion
from policies.proposals.models import Proposal, Quote
from tests.conftest import _token_client
from tests.factories import PolicyFactory, member
from tests.proposal_helpers import offered_quote, submit

pytestmark = pytest.mark.django_db


def eur(amount):
    return {"amount": amount, "currency": "EUR"}


def _body(buyer=None, **overrides):
    year = timezone.localdate().year
    buyers = [{"legal_name": "Nuevo S.A.", "country": "PT", "requested_amount": eur("20000.00")}]
    if buyer is not None:
        buyers.insert(0, {"registry_buyer_id": buyer.pk, "requested_amount": eur("50000.00")})
    return {"currency": "EUR", "desired_start_date": (date.today() + timedelta(days=5)).isoformat(),
            "desired_cover_percent": "90.00", "max_credit_period_days": 90,
            "turnovers": [{"country": "IT", "expected_turnover": eur("1000000.00")}], "buyers": buyers,
            "loss_years": [{"year": year - n, "turnover": eur("900000.00"), "losses_count": 0,
                            "losses_amount": eur("0.00")} for n in (1, 2, 3)], **overrides}


@pytest.fixture
def admin_user(tenant):
    return member(tenant, [TENANT_ADMIN])


@pytest.fixture
def admin_api(tenant):
    return _token_client(tenant, [TENANT_ADMIN])


def test_the_insured_proposes_and_reads_it_back(admin_api, tenant, buyer):
    answer = admin_api.post("/api/v1/proposals/", _body(buyer), format="json", HTTP_IDEMPOTENCY_KEY="p-1")
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["state"] == "submitted" and body["buyers"][0]["legal_name"] == "Late Payer S.p.A."
    assert body["turnovers"] == [{"country": "IT", "expected_turnover": eur("1000000.00")}]
    again = admin_api.post("/api/v1/proposals/", _body(buyer), format="json", HTTP_IDEMPOTENCY_KEY="p-1")
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    with scopes_disabled():
        assert Proposal.objects.filter(tenant=tenant).count() == 1
    assert [p["id"] for p in admin_api.get("/api/v1/proposals/").json()["results"]] == [body["id"]]


def test_refusals_point_at_the_row(admin_api):
    body = _body(buyers=[{"requested_amount": eur("10.00")}], loss_years=[])
    answer = admin_api.post("/api/v1/proposals/", body, format="json")
    assert answer.status_code == 400 and answer["Content-Type"].startswith("application/problem+json")
    pointers = {e["pointer"] for e in answer.json()["errors"]}
    assert {"/buyers/0/legal_name", "/loss_years"} <= pointers
    wrong_currency = _body(turnovers=[{"country": "IT", "expected_turnover": {"amount": "5.00", "currency": "USD"}}])
    answer = admin_api.post("/api/v1/proposals/", wrong_currency, format="json")
    assert answer.status_code == 400
    assert [e["pointer"] for e in answer.json()["errors"]] == ["/turnovers/0/expected_turnover"]


def test_the_insured_accepts_an_offered_quote_through_the_api(admin_api, tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter, premium_rate_percent="0.3")
    listed = admin_api.get("/api/v1/quotes/").json()["results"]
    assert [(q["id"], q["may_decide"]) for q in listed] == [(quote.pk, True)]
    assert listed[0]["terms"]["premium_rate_percent"] == "0.3"
    answer = admin_api.post(f"/api/v1/quotes/{quote.pk}/accept/", HTTP_IDEMPOTENCY_KEY="a-1")
    assert answer.status_code == 201
    policy = answer.json()
    assert policy["status"] == "active" and len(policy["terms_versions"]) == 1
    assert policy["terms"]["premium_rate_percent"] == "0.3000"
    replay = admin_api.post(f"/api/v1/quotes/{quote.pk}/accept/", HTTP_IDEMPOTENCY_KEY="a-1")
    assert replay.status_code == 201 and replay.json()["id"] == policy["id"]
    again = admin_api.post(f"/api/v1/quotes/{quote.pk}/accept/")
    assert again.status_code == 400 and again.json()["code"] == "invalid_state"
    with scopes_disabled():
        assert Policy.objects.filter(tenant=tenant).count() == 1


def test_accepting_an_expired_quote_and_declining_twice_are_refused(admin_api, tenant, admin_user, underwriter,
                                                                   today):
    expiring = offered_quote(submit(tenant, admin_user), underwriter, valid_days=1)
    other = offered_quote(submit(tenant, admin_user), underwriter, valid_days=30)
    first = admin_api.post(f"/api/v1/quotes/{other.pk}/decline/", {"reason": "premium"}, format="json")
    assert first.status_code == 200 and first.json()["state"] == "declined"
    second = admin_api.post(f"/api/v1/quotes/{other.pk}/decline/", {"reason": "premium"}, format="json")
    assert second.status_code == 400 and second.json()["code"] == "invalid_state"
    no_reason = admin_api.post(f"/api/v1/quotes/{expiring.pk}/decline/", {}, format="json")
    assert [e["pointer"] for e in no_reason.json()["errors"]] == ["/reason"]
    today(date.today() + timedelta(days=3))
    expired = admin_api.post(f"/api/v1/quotes/{expiring.pk}/accept/")
    assert expired.status_code == 400 and expired.json()["code"] == "quote_expired"


def test_a_credit_manager_token_may_not_propose_nor_accept(tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    credit = _token_client(tenant, [CREDIT_MANAGER])
    assert credit.post("/api/v1/proposals/", _body(), format="json").status_code == 403
    assert credit.post(f"/api/v1/quotes/{quote.pk}/accept/").status_code == 403
    with scopes_disabled():
        assert Quote.objects.get(pk=quote.pk).state == "offered"


def test_the_outsider_sees_none_of_it(api_client_of_outsider, tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    assert api_client_of_outsider.get(f"/api/v1/quotes/{quote.pk}/").status_code == 404
    assert api_client_of_outsider.post(f"/api/v1/quotes/{quote.pk}/accept/").status_code == 404
    assert api_client_of_outsider.get(f"/api/v1/proposals/{quote.proposal_id}/").status_code == 404
    assert api_client_of_outsider.get("/api/v1/quotes/").json()["results"] == []


# --- The insurer API ------------------------------------------------------------------------------------------

def test_the_underwriter_quotes_offers_and_the_insured_accepts(underwriter_api, tenant, admin_user, admin_api):
    proposal = submit(tenant, admin_user)
    listed = underwriter_api.get("/api/v1/insurer/proposals/?state=submitted").json()["results"]
    assert [p["id"] for p in listed] == [proposal.pk] and listed[0]["tenant_id"] == tenant.pk
    start = (date.today() + timedelta(days=10)).isoformat()
    bad = underwriter_api.post(f"/api/v1/insurer/proposals/{proposal.pk}/quotes/",
                               {"start_date": start, "valid_until": start,
                                "terms": {"premium_rate_percent": "lots", "not_a_term": 1}}, format="json")
    assert bad.status_code == 400
    assert [e["pointer"] for e in bad.json()["errors"]] == ["/terms/premium_rate_percent"]
    made = underwriter_api.post(f"/api/v1/insurer/proposals/{proposal.pk}/quotes/",
                                {"start_date": start, "valid_until": start,
                                 "terms": {"premium_rate_percent": "0.28", "excluded_countries": ["RU"]}},
                                format="json", HTTP_IDEMPOTENCY_KEY="q-1")
    assert made.status_code == 201 and made.json()["state"] == "draft"
    quote_id = made.json()["id"]
    assert admin_api.get(f"/api/v1/quotes/{quote_id}/").status_code == 404  # a draft is the underwriter's
    offered = underwriter_api.post(f"/api/v1/insurer/quotes/{quote_id}/offer/")
    assert offered.status_code == 200 and offered.json()["state"] == "offered"
    assert underwriter_api.post(f"/api/v1/insurer/quotes/{quote_id}/offer/").status_code == 400
    assert admin_api.post(f"/api/v1/quotes/{quote_id}/accept/").status_code == 201
    assert underwriter_api.post(f"/api/v1/insurer/quotes/{quote_id}/issue/").status_code == 400
    quote = underwriter_api.get(f"/api/v1/insurer/quotes/{quote_id}/").json()
    assert quote["state"] == "accepted" and quote["policy"].startswith("KR-ES-")


def test_the_underwriter_lists_policies_across_insureds_and_endorses(underwriter_api, policy, outsider_policy):
    listed = underwriter_api.get("/api/v1/insurer/policies/").json()["results"]
    assert {p["id"] for p in listed} == {policy.pk, outsider_policy.pk}
    assert all(len(p["terms_versions"]) == 1 for p in listed)
    day = (policy.start_date + timedelta(days=30)).isoformat()
    bad = underwriter_api.post(f"/api/v1/insurer/policies/{policy.pk}/endorsements/",
                               {"effective_from": day, "reason": "Market",
                                "changes": {"percentage_of_cover_commercial": "120"}}, format="json")
    assert bad.status_code == 400
    assert [e["pointer"] for e in bad.json()["errors"]] == ["/changes/percentage_of_cover_commercial"]
    done = underwriter_api.post(f"/api/v1/insurer/policies/{policy.pk}/endorsements/",
                                {"effective_from": day, "reason": "Market",
                                 "changes": {"percentage_of_cover_commercial": "80"}}, format="json",
                                HTTP_IDEMPOTENCY_KEY="e-1")
    assert done.status_code == 201, done.json()
    assert [v["terms"]["percentage_of_cover_commercial"] for v in done.json()["terms_versions"]] == ["90.00", "80.00"]
    with scopes_disabled():
        assert TermsVersion.objects.filter(policy=policy).count() == 2


@pytest.mark.parametrize("path", ["proposals/", "policies/", "quotes/1/"])
def test_the_insurer_api_refuses_tenant_tokens(api_client, path):
    assert api_client.get(f"/api/v1/insurer/{path}").status_code in (401, 403)


def test_a_claims_handler_may_not_quote(handler_api, tenant, admin_user):
    proposal = submit(tenant, admin_user)
    start = date.today().isoformat()
    answer = handler_api.post(f"/api/v1/insurer/proposals/{proposal.pk}/quotes/",
                              {"start_date": start, "valid_until": start}, format="json")
    assert answer.status_code == 403


def test_insurer_policy_list_queries_do_not_grow_with_rows(underwriter_api, tenant):
    PolicyFactory(tenant=tenant)
    underwriter_api.get("/api/v1/insurer/policies/")  # warm the caches (content types, token)
    few = _count(underwriter_api, "/api/v1/insurer/policies/")
    for _n in range(5):
        PolicyFactory(tenant=tenant)
    assert _count(underwriter_api, "/api/v1/insurer/policies/") == few


def _count(client, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


# --- Query counts: the same with few rows and with many --------------------------------------------------------

@pytest.fixture
def pinned(django_assert_num_queries):
    def get(client, url, queries):
        client.get(url)
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        return response

    return get


@pytest.mark.unscoped
def test_proposal_and_quote_lists_with_few_and_many_rows(pinned, tenant, admin_user, underwriter):
    from accounts.roles import UNDERWRITER
    from tests.factories import insurer_token_client, logged_in

    admin_api = _token_client(tenant, [TENANT_ADMIN])
    browser = logged_in(admin_user)
    insurer = insurer_token_client([UNDERWRITER])
    for n in (3, 10):
        for _i in range(n - Proposal.objects.count()):
            offered_quote(submit(tenant, admin_user), underwriter)
        assert len(pinned(admin_api, "/api/v1/proposals/", 9).json()["results"]) == n
        assert len(pinned(admin_api, "/api/v1/quotes/", 5).json()["results"]) == n
        pinned(browser, "/policies/proposals/", 12)
        pinned(insurer, "/api/v1/insurer/proposals/", 9)
