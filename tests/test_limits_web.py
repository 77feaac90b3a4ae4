"""Limits in the browser, the admin and the API: the whole flow, and the outsider sees nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from core.tenancy import tenant_scope
from limits import services
from limits.models import CreditLimit
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, api_error, api_messages, api_problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


@pytest.fixture
def policy(tenant):
    # In force today, whatever day the suite runs.
    today = timezone.localdate()
    return PolicyFactory(tenant=tenant, number="KR-WEB-1", start_date=date(today.year - 1, 1, 1),
                         end_date=date(today.year + 1, 12, 31))


@pytest.fixture
def outsider_limit(other_tenant):
    today = timezone.localdate()
    their_policy = PolicyFactory(tenant=other_tenant, start_date=date(today.year - 1, 1, 1),
                                 end_date=date(today.year + 1, 12, 31))
    with tenant_scope(other_tenant):
        return services.request_limit(tenant=other_tenant, requested_by=None, policy=their_policy,
                                      buyer=make_buyer(country="PT", grade=7, legal_name="Secret Buyer AG"),
                                      amount=their_policy.terms_shown().discretionary_limit_max * 10, terms_days=30).limit


# Browser: a credit manager requests, an underwriter decides in the admin, the insured sees it


def test_browser_flow_request_then_underwriter_decides(client_of_user, client_of_underwriter, policy, outsider_limit):
    buyer = make_buyer(country="PT", grade=7, legal_name="Hoffmann Logística Lda")
    page = client_of_user.get(f"/limits/request/?buyer={buyer.pk}")
    assert page.status_code == 200 and "Hoffmann" in page.content.decode()

    response = client_of_user.post("/limits/request/", {
        "buyer": buyer.pk, "policy": policy.pk, "amount": "75000", "terms_days": "90", "reference": "REQ-77",
    })
    assert response.status_code == 302
    limit = CreditLimit.objects.get(reference="REQ-77")
    assert limit.state == "pending"

    queue = client_of_underwriter.get("/admin/limits/creditlimit/queue/")
    assert queue.status_code == 200 and "Hoffmann" in queue.content.decode()
    decide_page = client_of_underwriter.get(f"/admin/limits/creditlimit/{limit.pk}/decide/")
    assert decide_page.status_code == 200
    # A partial approval without a reason is refused with a form error, nothing recorded.
    bad = client_of_underwriter.post(f"/admin/limits/creditlimit/{limit.pk}/decide/",
                                     {"kind": "partially_approved", "amount": "50000"})
    assert bad.status_code == 200 and "reason" in bad.content.decode().lower()
    limit.refresh_from_db()
    assert limit.state == "pending"
    ok = client_of_underwriter.post(f"/admin/limits/creditlimit/{limit.pk}/decide/", {
        "kind": "partially_approved", "amount": "50000", "reason_codes": ["buyer_grade"],
        "note": "Grade 7: we cover part of it.",
    })
    assert ok.status_code == 302

    detail = client_of_user.get(f"/limits/{limit.pk}/").content.decode()
    assert "Partially approved" in detail and "Grade 7: we cover part of it." in detail and "Buyer grade" in detail
    listing = client_of_user.get("/limits/").content.decode()
    assert "REQ-77" in listing and "Secret Buyer" not in listing


def test_underwriter_reduces_a_limit_in_the_admin(client_of_underwriter, tenant, policy):
    limit = services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=make_buyer(country="PT"),
                                   amount=policy.terms_shown().discretionary_limit_max, terms_days=30).limit
    url = f"/admin/limits/creditlimit/{limit.pk}/change-limit/"
    assert client_of_underwriter.get(url).status_code == 200
    response = client_of_underwriter.post(url, {"action": "reduce", "amount": "5000", "reason_codes": ["country_risk"]})
    assert response.status_code == 302
    limit.refresh_from_db()
    assert limit.decided_amount == Decimal("5000")


def test_request_form_rejects_another_tenants_policy(client_of_user, policy, outsider_limit):
    buyer = make_buyer(country="PT")
    response = client_of_user.post("/limits/request/", {
        "buyer": buyer.pk, "policy": outsider_limit.policy_id, "amount": "1000", "terms_days": "30",
    })
    assert response.status_code == 400
    assert "policy" in response.context["form"].errors
    assert not CreditLimit.objects.filter(buyer=buyer).exists()


def test_request_form_shows_business_errors_on_the_field(client_of_user, policy):
    response = client_of_user.post("/limits/request/", {
        "buyer": make_buyer(country="PT").pk, "policy": policy.pk, "amount": "1000", "terms_days": "200",
    })
    assert response.status_code == 400
    assert "maximum credit period" in str(response.context["form"].errors["terms_days"])


def test_discretionary_limit_in_the_browser(client_of_user, policy):
    buyer = make_buyer(country="PT", grade=7)
    response = client_of_user.post("/limits/discretionary/", {
        "buyer": buyer.pk, "policy": policy.pk, "amount": "10000", "terms_days": "30",
    })
    assert response.status_code == 400
    assert "graded 6 or better" in response.content.decode()
    ok = client_of_user.post("/limits/discretionary/", {
        "buyer": make_buyer(country="PT", grade=3).pk, "policy": policy.pk, "amount": "10000", "terms_days": "30",
    })
    assert ok.status_code == 302


def test_insured_edits_and_cancels_a_pending_request(client_of_user, policy):
    limit = services.request_limit(tenant=policy.tenant, requested_by=None, policy=policy, buyer=make_buyer(country="PT", grade=8),
                                   amount=policy.terms_shown().discretionary_limit_max, terms_days=30).limit
    assert client_of_user.post(f"/limits/{limit.pk}/edit/", {"amount": "12000", "terms_days": "45",
                                                              "reference": "R-1"}).status_code == 302
    limit.refresh_from_db()
    assert (limit.requested_amount, limit.requested_terms_days, limit.reference) == (Decimal("12000"), 45, "R-1")
    assert client_of_user.post(f"/limits/{limit.pk}/cancel/").status_code == 302
    limit.refresh_from_db()
    assert limit.state == "cancelled"


@pytest.mark.parametrize("method,suffix", [("get", ""), ("get", "edit/"), ("post", "cancel/")])
def test_outsider_gets_404_on_limit_pages(client_of_outsider, tenant, policy, method, suffix):
    limit = services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=make_buyer(country="PT", grade=8),
                                   amount=policy.terms_shown().discretionary_limit_max, terms_days=30).limit
    response = getattr(client_of_outsider, method)(f"/limits/{limit.pk}/{suffix}")
    assert response.status_code == 404
    limit.refresh_from_db()
    assert limit.state == "pending"


def test_finance_may_look_but_not_request(tenant, policy):
    from django.test import Client

    from accounts.roles import FINANCE
    from tests.factories import member

    client = Client()
    client.force_login(member(tenant, [FINANCE]))
    assert client.get("/limits/").status_code == 200
    assert client.get("/limits/request/").status_code == 403


# API


def post_request(client, policy, buyer, amount="40000.00", **extra):
    body = {"policy": policy.pk, "buyer": buyer.pk, "amount": {"amount": amount, "currency": "EUR"}, "terms_days": 60}
    body.update(extra.pop("body", {}))
    return client.post("/api/v1/limits/", body, format="json", **extra)


def test_api_flow_decided_at_once_is_201_and_referred_is_202(api_client, policy):
    decided = post_request(api_client, policy, make_buyer(country="PT", grade=2), "40000.00")
    assert decided.status_code == 201
    assert decided.json()["state"] == "in_force"
    assert decided.json()["in_force"] == {"amount": "40000.00", "currency": "EUR"}
    assert decided.json()["decisions"][0]["kind"] == "approved"

    referred = post_request(api_client, policy, make_buyer(country="PT", grade=7), "40000.00")
    assert referred.status_code == 202
    assert referred.json()["state"] == "pending"


def test_api_underwriter_decision_is_visible_with_reasons(api_client, policy, underwriter):
    limit_id = post_request(api_client, policy, make_buyer(country="PT", grade=7)).json()["id"]
    services.decide_limit(limit=CreditLimit.objects.get(pk=limit_id), decided_by=underwriter, kind="refused",
                          reason_codes=["country_risk"], note="Transfer risk.")
    body = api_client.get(f"/api/v1/limits/{limit_id}/").json()
    assert body["state"] == "refused"
    last = body["decisions"][-1]
    assert (last["kind"], last["reason_codes"], last["reasons"], last["note"]) == (
        "refused", ["country_risk"], ["Country risk"], "Transfer risk.",
    )


def test_api_idempotency_key_creates_one_limit(api_client, policy):
    buyer = make_buyer(country="PT", grade=2)
    first = post_request(api_client, policy, buyer, HTTP_IDEMPOTENCY_KEY="req-1")
    again = post_request(api_client, policy, buyer, HTTP_IDEMPOTENCY_KEY="req-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    assert again["Idempotent-Replayed"] == "true"
    assert CreditLimit.objects.filter(buyer=buyer).count() == 1
    other = post_request(api_client, policy, buyer, "1.00", HTTP_IDEMPOTENCY_KEY="req-1")
    assert other.status_code == 422
    assert api_error(other)[0] == "idempotency_key_reused"


@pytest.mark.parametrize(
    "body,field",
    [
        ({"amount": {"amount": 1000.5, "currency": "EUR"}}, "amount"),
        ({"amount": {"amount": "-1", "currency": "EUR"}}, "amount"),
        ({"amount": {"amount": "10", "currency": "USD"}}, "amount"),
        ({"terms_days": 0}, "terms_days"),
        ({"terms_days": 365}, "terms_days"),
        ({"policy": 999999}, "policy"),
        ({"buyer": "x"}, "buyer"),
    ],
)
def test_api_bad_input_is_a_400_with_field_messages(api_client, policy, body, field):
    response = post_request(api_client, policy, make_buyer(country="PT"), body=body)
    assert response.status_code == 400
    problem = api_problem(response)
    assert f"/{field}" in api_error(response)[1] and problem["detail"]
    assert not CreditLimit.objects.exists()


def test_api_refuses_another_tenants_policy_as_unknown(api_client, policy, outsider_limit):
    response = post_request(api_client, policy, make_buyer(country="PT"), body={"policy": outsider_limit.policy_id})
    assert response.status_code == 400 and "/policy" in api_error(response)[1]


def test_api_outsider_gets_404_everywhere(api_client_of_outsider, api_client, policy):
    limit_id = post_request(api_client, policy, make_buyer(country="PT", grade=7)).json()["id"]
    assert api_client_of_outsider.get(f"/api/v1/limits/{limit_id}/").status_code == 404
    assert api_client_of_outsider.patch(f"/api/v1/limits/{limit_id}/", {"terms_days": 30}, format="json").status_code == 404
    assert api_client_of_outsider.post(f"/api/v1/limits/{limit_id}/cancel/").status_code == 404
    assert api_client_of_outsider.get(f"/api/v1/limits/{limit_id}/cover/?on=2026-01-01").status_code == 404
    assert api_client_of_outsider.get("/api/v1/limits/").json()["count"] == 0


def test_api_edit_cancel_and_cover(api_client, policy):
    limit_id = post_request(api_client, policy, make_buyer(country="PT", grade=7)).json()["id"]
    edited = api_client.patch(f"/api/v1/limits/{limit_id}/", {"terms_days": 45}, format="json")
    assert edited.status_code == 200 and edited.json()["requested_terms_days"] == 45
    cancelled = api_client.post(f"/api/v1/limits/{limit_id}/cancel/")
    assert cancelled.json()["state"] == "cancelled"
    again = api_client.post(f"/api/v1/limits/{limit_id}/cancel/")
    assert again.status_code == 400 and api_messages(again)

    decided_id = post_request(api_client, policy, make_buyer(country="PT", grade=1)).json()["id"]
    today = timezone.localdate().isoformat()
    cover = api_client.get(f"/api/v1/limits/{decided_id}/cover/", {"on": today}).json()
    assert cover["amount"] == {"amount": "40000.00", "currency": "EUR"}
    assert cover["percentage_of_cover"] == "90.00"
    assert api_client.get(f"/api/v1/limits/{decided_id}/cover/", {"on": "not-a-date"}).status_code == 400


def test_api_discretionary_limit(api_client, policy):
    response = api_client.post("/api/v1/limits/discretionary/", {
        "policy": policy.pk, "buyer": make_buyer(country="PT", grade=9).pk, "amount": {"amount": "5000", "currency": "EUR"},
        "terms_days": 30}, format="json")
    assert response.status_code == 400
    assert "/buyer" in api_error(response)[1]
    ok = api_client.post("/api/v1/limits/discretionary/", {
        "policy": policy.pk, "buyer": make_buyer(country="PT", grade=4).pk, "amount": {"amount": "5000", "currency": "EUR"},
        "terms_days": 30}, format="json")
    assert ok.status_code == 201 and ok.json()["is_discretionary"] is True


def test_api_list_filters_narrow_within_the_tenant(api_client, policy, outsider_limit):
    post_request(api_client, policy, make_buyer(country="PT", grade=2))
    post_request(api_client, policy, make_buyer(country="PT", grade=7))
    assert api_client.get("/api/v1/limits/", {"state": "pending"}).json()["count"] == 1
    assert api_client.get("/api/v1/limits/", {"country": "PT"}).json()["count"] == 2
    # Filtering on the outsider's buyer or policy finds nothing: filters never widen.
    assert api_client.get("/api/v1/limits/", {"buyer": outsider_limit.buyer_id}).json()["count"] == 0
    assert api_client.get("/api/v1/limits/", {"policy": outsider_limit.policy_id}).json()["count"] == 0


def test_api_list_query_count_is_constant(api_client, tenant, policy, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=make_buyer(country="PT", grade=3),
                                             amount=policy.terms_shown().discretionary_limit_max, terms_days=30)

    add(3)
    with django_assert_num_queries(6):  # and the token's first use, recorded once
        assert api_client.get("/api/v1/limits/").status_code == 200
    add(40)
    with django_assert_num_queries(5):
        assert api_client.get("/api/v1/limits/").json()["count"] == 43


def test_browser_list_query_count_is_constant(client_of_user, tenant, policy, django_assert_num_queries):
    for _ in range(3):
        services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=make_buyer(country="PT", grade=3),
                                         amount=policy.terms_shown().discretionary_limit_max, terms_days=30)
    with django_assert_num_queries(8) as few:
        client_of_user.get("/limits/")
    for _ in range(30):
        services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=make_buyer(country="PT", grade=3),
                                         amount=policy.terms_shown().discretionary_limit_max, terms_days=30)
    with django_assert_num_queries(len(few.captured_queries)):
        client_of_user.get("/limits/")


def test_the_list_filter_keeps_the_search_and_the_chosen_state(client_of_user, client_of_outsider):
    page = client_of_user.get("/limits/", {"q": "Lisboa", "state": "pending"}).content.decode()
    assert 'name="q" value="Lisboa"' in page and '<option value="pending" selected>' in page
    # The claims list has the state filter only.
    claims_page = client_of_user.get("/claims/", {"state": "draft"}).content.decode()
    assert 'name="q"' not in claims_page and '<option value="draft" selected>' in claims_page
    assert client_of_outsider.get("/limits/", {"q": "Lisboa"}).status_code == 200


def test_the_only_policy_is_preselected_and_two_are_left_to_choose(client_of_user, tenant, policy, outsider_policy):
    """Issue 9: a request must not fail because nobody chose the tenant's only policy. Another tenant's
    policy neither counts nor shows."""
    buyer = make_buyer(country="PT", grade=2)
    form = client_of_user.get(f"/limits/request/?buyer={buyer.pk}").context["form"]
    assert form.initial["policy"] == policy.pk
    assert [choice.pk for choice in form.fields["policy"].queryset] == [policy.pk]

    second = PolicyFactory(tenant=tenant, number="KR-TEST-002")
    form = client_of_user.get(f"/limits/request/?buyer={buyer.pk}").context["form"]
    assert "policy" not in form.initial
    assert {choice.pk for choice in form.fields["policy"].queryset} == {policy.pk, second.pk}
