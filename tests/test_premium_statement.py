"""The premium statement in the browser and the premium-invoice list of the API; isolation, languages, queries."""

from datetime import date
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from policies.premium.invoices import record_payment, run_invoice_job
from policies.premium.models import PremiumInvoice
from tests.factories import PolicyFactory, eur

pytestmark = pytest.mark.usefixtures("in_tenant_scope")


@pytest.fixture
def policy(tenant):
    return PolicyFactory(tenant=tenant, number="KR-PREM-002", minimum_premium_amount=Decimal("6000"))


@pytest.fixture
def reminded_and_suspended(policy, today):
    """Example 18: the deposit of 6,000 unpaid, reminded 1 February, cover suspended from 16 February."""
    with scopes_disabled():  # as the Celery task runs it
        for day in (date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 16)):
            run_invoice_job(today=day)
        today(date(2026, 2, 20))
        return PremiumInvoice.objects.get(policy=policy)


def test_the_statement_shows_invoices_payments_balance_and_the_suspension(client_of_finance, policy,
                                                                          reminded_and_suspended, underwriter):
    record_payment(invoice=reminded_and_suspended, amount=eur(1_000), paid_on=date(2026, 2, 18),
                   recorded_by=underwriter, today=date(2026, 2, 20))
    response = client_of_finance.get(f"/policies/{policy.pk}/premium/")
    assert response.status_code == 200
    statement = response.context["statement"]
    assert (statement.invoiced, statement.paid, statement.balance) == (eur(6_000), eur(1_000), eur(5_000))
    page = response.content.decode()
    assert "Deposit premium" in page and "Payment received" in page
    assert "Cover is suspended for shipments from" in page
    assert "€5,000.00" in page


@pytest.mark.parametrize("language,words", [
    ("es", ["Prima de depósito", "Saldo", "La cobertura está suspendida"]),
    ("zh-hans", ["预付保费", "余额", "暂停承保"]),
])
def test_the_statement_in_the_insureds_language(client_of_finance, policy, reminded_and_suspended, language, words):
    page = client_of_finance.get(f"/policies/{policy.pk}/premium/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for word in words:
        assert word in page


def test_a_credit_manager_sees_no_statement_and_an_outsider_not_the_page(client_of_outsider, policy,
                                                                         reminded_and_suspended, tenant):
    from tests.factories import logged_in, member

    assert client_of_outsider.get(f"/policies/{policy.pk}/premium/").status_code == 404
    credit_manager = logged_in(member(tenant, ["Credit manager"]))
    assert credit_manager.get(f"/policies/{policy.pk}/premium/").status_code == 403


def url(policy):
    return f"/api/v1/policies/{policy.pk}/premium-invoices/"


def test_the_api_lists_the_policys_invoices(api_client, policy, reminded_and_suspended):
    body = api_client.get(url(policy)).json()
    assert body["count"] == 1
    [invoice] = body["results"]
    assert invoice["kind"] == "deposit"
    assert invoice["amount"] == {"amount": "6000.00", "currency": "EUR"}
    assert invoice["paid"] == {"amount": "0.00", "currency": "EUR"}
    assert (invoice["due_on"], invoice["reminded_on"], invoice["state"]) == ("2026-01-31", "2026-02-01", "open")


def test_the_outsider_sees_nothing_of_the_tenants_invoices(api_client_of_outsider, policy, reminded_and_suspended,
                                                           outsider_policy):
    assert api_client_of_outsider.get(url(policy)).status_code == 404
    with scopes_disabled():
        run_invoice_job(today=date(2026, 2, 20))
    # Its own policy lists its own deposit, never the tenant's.
    results = api_client_of_outsider.get(url(outsider_policy)).json()["results"]
    assert [r["policy"] for r in results] == ["KR-OUT-001"]


def test_the_list_query_count_is_pinned_and_walks_by_keyset(api_client, tenant, policy, underwriter,
                                                            django_assert_num_queries):
    with scopes_disabled():
        run_invoice_job(today=date(2026, 1, 1))
    deposit = PremiumInvoice.objects.get(policy=policy)
    # Many invoices on the policy: credit-limit fees month by month, some part paid.
    from policies.premium.invoices import invoice_credit_limit_fees

    for month in range(1, 13):
        fee, _ = invoice_credit_limit_fees(policy=policy, period_start=date(2026, month, 1),
                                           period_end=date(2026, month, 28), amount=eur(100 + month),
                                           today=date(2026, 12, 31))
        record_payment(invoice=fee, amount=eur(50), paid_on=date(2026, 12, 31), recorded_by=underwriter,
                       today=date(2026, 12, 31))
    record_payment(invoice=deposit, amount=eur(6_000), paid_on=date(2026, 1, 20), recorded_by=underwriter,
                   today=date(2026, 1, 20))
    # Token (read, last use), permissions (user, groups), the policy and its terms, count, page (payments
    # summed in SQL): the same with 1 invoice or 13.
    with django_assert_num_queries(8):
        body = api_client.get(f"{url(policy)}?page_size=100").json()
    assert body["count"] == 13
    assert {r["paid"]["amount"] for r in body["results"]} == {"50.00", "6000.00"}
    with django_assert_num_queries(6):  # and no count, by keyset
        first = api_client.get(f"{url(policy)}?cursor=&page_size=5").json()
    assert len(first["results"]) == 5 and "count" not in first
    second = api_client.get(first["next"]).json()
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}


ADMIN = "/admin/policies/premiuminvoice/"


def test_staff_record_a_payment_in_the_admin_and_cover_resumes(client_of_underwriter, policy, reminded_and_suspended,
                                                               today):
    invoice = reminded_and_suspended
    asked = client_of_underwriter.post(ADMIN, {"action": "record_payment_action", "_selected_action": [invoice.pk],
                                               "index": "0"})
    assert asked.status_code == 200 and "Record payment" in asked.content.decode()
    today(date(2026, 3, 2))
    done = client_of_underwriter.post(ADMIN, {"action": "record_payment_action", "_selected_action": [invoice.pk],
                                              "apply": "1", "paid_on": "2026-03-01"})
    assert done.status_code == 302
    with scopes_disabled():
        invoice.refresh_from_db()
        assert (invoice.state, invoice.paid_on) == (PremiumInvoice.State.PAID, date(2026, 3, 1))
        assert invoice.suspension.ends_on == date(2026, 3, 1)
    assert client_of_underwriter.get("/admin/policies/premiumsuspension/").status_code == 200


def test_a_claims_handler_cannot_record_premium_payments(client_of_underwriter, policy, reminded_and_suspended,
                                                         claims_handler):
    from tests.factories import logged_in

    handler = logged_in(claims_handler)
    handler.post(ADMIN, {"action": "record_payment_action", "_selected_action": [reminded_and_suspended.pk],
                         "apply": "1", "paid_on": "2026-02-20"})
    with scopes_disabled():
        reminded_and_suspended.refresh_from_db()
    assert reminded_and_suspended.state == PremiumInvoice.State.OPEN
