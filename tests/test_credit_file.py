"""The buyer credit file (issue 15, item 1): the insured's own limits and decisions with their reasons,
utilisation, overdues, claims, payment behaviour and notes; the insurer's grade; the insurer's payment
experience only in aggregate from three reporting insureds; an outsider sees none of the insured's rows."""

from datetime import date
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled
from moneyed import Money

from accounts.roles import CREDIT_MANAGER, FINANCE
from buyers.credit_file.models import BuyerNote
from claims.overdues.payment_experience import refresh_payment_experience
from core.tenancy import tenant_scope
from limits import services as limit_services
from limits.models import LimitDecision, ReasonCode
from tests.factories import PolicyFactory, TenantFactory, api_error, logged_in, member
from tests.overdue_factories import declare, invoice_line
from tests.payment_factories import paid_invoices

pytestmark = pytest.mark.django_db


def refused_increase(tenant, policy, buyer, underwriter):
    """A second request on `buyer` the underwriter refuses for payment behaviour."""
    with tenant_scope(tenant):
        outcome = limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                               amount=Money(900_000, "EUR"), terms_days=90, today=date(2026, 2, 1))
    with scopes_disabled():
        limit_services.decide_limit(limit=outcome.limit, decided_by=underwriter, kind=LimitDecision.Kind.REFUSED,
                                    reason_codes=[ReasonCode.PAYMENT_BEHAVIOUR], note="Paid late twice.")
    return outcome.limit


@pytest.fixture
def file_url(buyer):
    return f"/api/v1/buyers/{buyer.pk}/credit-file/"


def test_the_file_holds_the_insured_s_limits_and_every_decision_with_translated_reasons(
        api_client, tenant, policy, buyer, limit, underwriter, file_url):
    refused_increase(tenant, policy, buyer, underwriter)
    body = api_client.get(file_url, HTTP_ACCEPT_LANGUAGE="es").json()
    assert body["buyer"]["id"] == buyer.pk and body["buyer"]["grade"] == 3
    limits = body["limits"]["limits"]
    assert limits["count"] == 2
    refused = limits["results"][0]
    assert refused["state"] == "refused"
    decision = refused["decisions"][-1]
    assert decision["kind"] == "refused" and decision["note"] == "Paid late twice."
    assert decision["reasons"] == [{"code": "payment_behaviour", "label": "Comportamiento de pago del comprador"}]
    assert limits["results"][1]["amount_in_force"] == {"amount": "50000.00", "currency": "EUR"}


def test_utilisation_is_the_outstanding_of_unpaid_invoices_against_the_limit(api_client, tenant, policy, buyer,
                                                                             limit, file_url):
    declare(tenant, policy, buyer, [invoice_line("U-1", amount="12500"), invoice_line("U-2", amount="7500")],
            date(2026, 1, 20))
    claims_part = api_client.get(file_url).json()["claims"]
    assert claims_part["utilisation"] == [{"policy": "KR-TEST-001", "limit": {"amount": "50000.00", "currency": "EUR"},
                                           "outstanding": {"amount": "20000.00", "currency": "EUR"},
                                           "share_used": "0.400"}]
    overdue = claims_part["overdues"]["results"][0]
    assert (overdue["invoice_count"], overdue["unpaid"]) == (2, {"amount": "20000.00", "currency": "EUR"})


def test_payment_behaviour_lists_each_paid_invoice_with_its_days_beyond_terms(api_client, tenant, policy, buyer,
                                                                              file_url):
    paid_invoices(tenant, policy, buyer, [(10_000, date(2026, 1, 30)), (30_000, date(2026, 2, 19))])
    behaviour = api_client.get(file_url).json()["claims"]["payment_behaviour"]
    assert behaviour["figures"]["days_beyond_terms_avg"] == "35.0"
    assert behaviour["figures"]["paid_late"] == 2
    assert [(i["number"], i["paid_on"], i["days_beyond_terms"]) for i in behaviour["invoices"]["results"]] == [
        ("P-1", "2026-02-19", 40), ("P-0", "2026-01-30", 20)]


def test_an_outsider_sees_the_insurer_s_grade_but_none_of_the_insured_s_rows(
        api_client_of_outsider, tenant, policy, buyer, limit, underwriter, file_url):
    refused_increase(tenant, policy, buyer, underwriter)
    paid_invoices(tenant, PolicyFactory(tenant=tenant), buyer, [(10_000, date(2026, 1, 30))])
    with tenant_scope(tenant):
        BuyerNote.objects.create(tenant=tenant, buyer=buyer, text="Promised to pay on Friday")
    response = api_client_of_outsider.get(file_url)
    body = response.json()
    assert body["buyer"]["grade"] == 3
    assert body["limits"]["limits"] == {"count": 0, "results": []}
    assert body["claims"]["overdues"]["count"] == 0 and body["claims"]["utilisation"] == []
    assert body["claims"]["payment_behaviour"] == {"figures": None, "invoices": {"count": 0, "results": []}}
    assert body["notes"]["count"] == 0 and b"Friday" not in response.content


def test_another_insured_s_proposal_has_no_credit_file(api_client_of_outsider, iberia_proposal):
    response = api_client_of_outsider.get(f"/api/v1/buyers/{iberia_proposal.pk}/credit-file/")
    assert response.status_code == 404 and api_error(response)[0] == "not_found"


@pytest.mark.parametrize("insureds,shown", [(2, False), (3, True)])
def test_the_insurer_s_aggregate_is_shown_from_three_reporting_insureds(api_client, tenant, policy, buyer,
                                                                        file_url, insureds, shown):
    paid_invoices(tenant, policy, buyer, [(10_000, date(2026, 1, 30))])
    for n in range(insureds - 1):
        other = TenantFactory(legal_name=f"Reporter {n}")
        paid_invoices(other, PolicyFactory(tenant=other), buyer, [(10_000, date(2026, 2, 9))])
    with scopes_disabled():
        refresh_payment_experience(on=date(2026, 11, 30))
    experience = api_client.get(file_url).json()["payment_experience"]
    if shown:
        assert experience["reporting_insureds"] == 3 and experience["days_beyond_terms_avg"] == "26.7"
    else:
        assert experience is None


def test_a_credit_manager_sees_no_claims_in_the_file(tenant, policy, buyer, file_url):
    client = logged_in(member(tenant, [CREDIT_MANAGER]))
    body = client.get(file_url).json()
    assert body["claims"]["claims"] is None and body["claims"]["documents"] is None


def test_notes_are_added_and_listed_through_the_api(api_client, api_client_of_outsider, buyer):
    url = f"/api/v1/buyers/{buyer.pk}/notes/"
    created = api_client.post(url, {"text": "  Visited: new warehouse  "}, format="json")
    assert created.status_code == 201 and created.json()["text"] == "Visited: new warehouse"
    assert api_client.get(url).json()["count"] == 1
    assert api_client_of_outsider.get(url).json() == {"count": 0, "results": []}


def test_an_empty_note_is_a_problem_on_its_field(api_client, buyer):
    response = api_client.post(f"/api/v1/buyers/{buyer.pk}/notes/", {"text": ""}, format="json")
    assert response.status_code == 400
    assert "/text" in api_error(response)[1]


def test_finance_may_not_add_notes(tenant, buyer):
    client = logged_in(member(tenant, [FINANCE]), client_class=__import__("rest_framework.test").test.APIClient)
    response = client.post(f"/api/v1/buyers/{buyer.pk}/notes/", {"text": "x"}, format="json")
    assert response.status_code == 403


def test_the_page_shows_the_file_and_adds_a_note(client_of_user, client_of_outsider, tenant, policy, buyer, limit,
                                                  underwriter):
    refused_increase(tenant, policy, buyer, underwriter)
    page = client_of_user.get(f"/buyers/{buyer.pk}/file/")
    assert page.status_code == 200
    assert "Buyer payment behaviour" in page.content.decode() and "Paid late twice." in page.content.decode()
    response = client_of_user.post(f"/buyers/{buyer.pk}/file/", {"text": "Called the CFO"})
    assert response.status_code == 302
    assert "Called the CFO" in client_of_user.get(f"/buyers/{buyer.pk}/file/").content.decode()
    outsider_page = client_of_outsider.get(f"/buyers/{buyer.pk}/file/").content.decode()
    assert "Called the CFO" not in outsider_page and "Paid late twice." not in outsider_page


def test_an_empty_note_on_the_page_is_a_form_error(client_of_user, buyer):
    response = client_of_user.post(f"/buyers/{buyer.pk}/file/", {"text": "   "})
    assert response.status_code == 400 and response.context["form"].errors["text"]


@pytest.mark.unscoped
def test_the_insurer_sees_every_insured_s_limits_and_the_exposure(tenant, policy, buyer, limit, other_tenant,
                                                                  underwriter):
    from tests.factories import insurer_token_client

    with scopes_disabled():
        from tests.limit_factories import make_limit

        make_limit(PolicyFactory(tenant=other_tenant), buyer, amount=20_000)
    client = insurer_token_client(["Underwriter"])
    body = client.get(f"/api/v1/insurer/buyers/{buyer.pk}/credit-file/").json()
    section = body["limits"]
    assert section["exposure"] == {"amount": "70000.00", "currency": "EUR"}
    assert [row["tenant"] for row in section["limits"]["results"]] == ["Iberia Export S.L.", "Outsider Trading Ltd"]
    assert "notes" not in body


def test_tenant_tokens_are_refused_on_the_insurer_credit_file(api_client, buyer):
    assert api_client.get(f"/api/v1/insurer/buyers/{buyer.pk}/credit-file/").status_code in (401, 403)


@pytest.mark.unscoped
def test_the_buyer_admin_page_shows_the_credit_file_across_insureds(client_of_underwriter, tenant, policy, buyer,
                                                                    limit):
    paid_invoices(tenant, PolicyFactory(tenant=tenant), buyer, [(10_000, date(2026, 1, 30))])
    refresh_payment_experience(on=date(2026, 11, 30))
    page = client_of_underwriter.get(f"/admin/buyers/buyer/{buyer.pk}/change/").content.decode()
    assert "Credit file across insureds" in page and "Iberia Export S.L." in page and "20.0" in page


def test_the_file_reads_a_fixed_number_of_queries_whatever_its_length(api_client, tenant, buyer, file_url,
                                                                       django_assert_num_queries):
    with scopes_disabled():
        from tests.limit_factories import make_limit

        for n in range(30):
            make_limit(PolicyFactory(tenant=tenant), buyer, amount=1_000 + n)
    with tenant_scope(tenant):
        for n in range(25):
            BuyerNote.objects.create(tenant=tenant, buyer=buyer, text=f"note {n}")
    api_client.get(file_url)  # warm the token and permission caches
    with django_assert_num_queries(19):
        body = api_client.get(file_url).json()
    assert body["limits"]["limits"]["count"] == 30 and len(body["limits"]["limits"]["results"]) == 20
    assert body["notes"]["count"] == 25 and len(body["notes"]["results"]) == 20
    assert Decimal(body["claims"]["utilisation"][0]["share_used"]) == 0


@pytest.mark.unscoped
def test_a_merge_moves_every_insured_s_notes_each_staying_its_own(tenant, other_tenant, buyer):
    from buyers import services as buyer_services
    from buyers.credit_file.models import PaymentExperience
    from tests.buyer_factories import make_buyer

    duplicate = make_buyer(name="Late Payer SpA (duplicate)", country="IT")
    BuyerNote.objects.create(tenant=tenant, buyer=duplicate, text="ours")
    BuyerNote.objects.create(tenant=other_tenant, buyer=duplicate, text="theirs")
    PaymentExperience.objects.create(buyer=duplicate, computed_on=date(2026, 11, 30), paid_invoices=1, paid_late=1,
                                     reporting_insureds=1, days_beyond_terms_avg=Decimal(10))
    buyer_services.merge_buyers(source=duplicate, target=buyer)
    assert set(BuyerNote.objects.filter(buyer=buyer).values_list("tenant_id", "text")) == {
        (tenant.pk, "ours"), (other_tenant.pk, "theirs")}
    assert not PaymentExperience.objects.filter(buyer=duplicate).exists()
