"""The per-policy statement: premium, limits in force at the period's end, claims paid, recoveries; HTML and CSV."""

import csv
import io
from datetime import date

import pytest
from django_scopes import scopes_disabled
from moneyed import Money

from limits import services as limit_services
from policies.premium.services import declare_turnover
from portal.policy_statement import policy_statement
from recoveries import services as recovery_services
from tests.claim_helpers import approve_limit, late_payer, paid_claim
from tests.factories import eur

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]
TODAY = date.today()


@pytest.fixture
def claim(tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    with scopes_disabled():  # the claims handler records it in the admin
        recovery_services.record_recovery(claim=claim, amount=eur(5_000), received_on=TODAY, source="liquidator")
    return claim


def test_statement_lists_premium_limits_claims_and_recoveries(tenant, claim, finance, underwriter):
    policy = claim.policy
    declare_turnover(tenant=tenant, declared_by=finance, policy=policy, period_start=date(2026, 1, 1), country="FR",
                     turnover=Money(1_000_000, "EUR"), today=date(2026, 2, 1))
    other = late_payer("Reduced SARL", country="FR")
    limit = approve_limit(tenant=tenant, policy=policy, buyer=other, amount=40_000, underwriter=underwriter)
    limit_services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(15_000), reason_codes=["buyer_grade"],
                                notified_on=date(2026, 6, 29), effective_date=date(2026, 7, 1))
    statement = policy_statement(policy=policy, start=date(2026, 1, 1), end=date(2026, 6, 30))
    assert statement.turnover == eur(1_000_000) and statement.premium_declared == eur(2_500)  # example 10's rate
    # Limits at the period's end: the reduction of 1 July is not yet in force on 30 June.
    assert {line.buyer: line.amount for line in statement.limits_in_force}["Reduced SARL"] == eur(40_000)
    later = policy_statement(policy=policy, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert {line.buyer: line.amount for line in later.limits_in_force}["Reduced SARL"] == eur(15_000)
    paid_in_range = TODAY <= date(2026, 12, 31)
    assert later.claims_total == (eur(9_000) if paid_in_range else eur(0))
    assert later.recoveries_total == (eur(5_000) if paid_in_range else eur(0))


def test_statement_page_and_csv(client_of_user, claim):
    policy = claim.policy
    page = client_of_user.get(f"/recoveries/policies/{policy.pk}/")
    assert page.status_code == 200 and policy.number in page.content.decode()
    response = client_of_user.get(f"/recoveries/policies/{policy.pk}/statement.csv?start=2026-01-01&end=2026-12-31")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["section", "date", "description", "amount", "currency"]
    sections = {row[0] for row in rows[1:]}
    assert {"premium", "limit"} <= sections


def test_bad_period_is_a_form_error_not_a_500(client_of_user, claim):
    url = f"/recoveries/policies/{claim.policy.pk}/"
    assert client_of_user.get(url + "?start=2026-12-01&end=2026-01-01").status_code == 400
    assert client_of_user.get(url + "?start=not-a-date").status_code == 400
    assert client_of_user.get(url + "statement.csv?start=2026-12-01&end=2026-01-01").status_code == 400


def test_outsider_gets_404(client_of_outsider, claim):
    assert client_of_outsider.get(f"/recoveries/policies/{claim.policy.pk}/").status_code == 404
    assert client_of_outsider.get(f"/recoveries/policies/{claim.policy.pk}/statement.csv").status_code == 404


def test_statement_queries_do_not_grow_with_rows(tenant, claim, underwriter, django_assert_num_queries):
    for n in range(8):
        approve_limit(tenant=tenant, policy=claim.policy, buyer=late_payer(f"Buyer {n}", country="FR"), amount=1_000,
                      underwriter=underwriter)
    with django_assert_num_queries(7):  # two of them the period's premium invoices and their payments
        statement = policy_statement(policy=claim.policy, start=claim.policy.start_date, end=claim.policy.end_date)
        assert len(statement.limits_in_force) >= 9


# --- Per insurance period (issue 10): the period's invoices, payments and profit share --------------------------

def _two_periods(tenant):
    from policies.periods.models import InsurancePeriod
    from tests.factories import PolicyFactory

    policy = PolicyFactory(tenant=tenant, number="KR-TWO-PERIODS", start_date=date(2025, 1, 1),
                           end_date=date(2026, 12, 31))
    with scopes_disabled():
        InsurancePeriod.objects.filter(policy=policy).update(end=date(2025, 12, 31), state="renewed")
        InsurancePeriod.objects.create(tenant=tenant, policy=policy, number=2, start=date(2026, 1, 1),
                                       end=date(2026, 12, 31))
    return type(policy).objects.get(pk=policy.pk)


def _premium_account(policy):
    from policies.premium.invoices import raise_invoice, record_payment

    with scopes_disabled():
        first, _ = raise_invoice(policy=policy, kind="deposit", period_start=date(2025, 1, 1),
                                 period_end=date(2025, 12, 31), amount=eur(4_000), issued_on=date(2025, 1, 2),
                                 due_on=date(2025, 2, 1))
        record_payment(invoice=first, amount=eur(4_000), paid_on=date(2025, 1, 20), recorded_by=None,
                       today=date(2025, 1, 20))
        raise_invoice(policy=policy, kind="profit_share_credit", period_start=date(2025, 1, 1),
                      period_end=date(2025, 12, 31), amount=eur(600), issued_on=date(2026, 3, 1),
                      due_on=date(2026, 3, 1))
        second, _ = raise_invoice(policy=policy, kind="deposit", period_start=date(2026, 1, 1),
                                  period_end=date(2026, 12, 31), amount=eur(4_500), issued_on=date(2026, 1, 2),
                                  due_on=date(2026, 2, 1))
        record_payment(invoice=second, amount=eur(1_000), paid_on=date(2026, 1, 25), recorded_by=None,
                       today=date(2026, 1, 25))


def test_the_statement_of_a_period_holds_its_invoices_payments_and_profit_share(tenant):
    policy = _two_periods(tenant)
    _premium_account(policy)
    first = policy_statement(policy=policy, start=date(2025, 1, 1), end=date(2025, 12, 31), period_number=1)
    assert [(line.kind, line.amount) for line in first.premium_invoices] == [("deposit", eur(4_000))]
    assert first.payments_total == eur(4_000) and first.profit_share_total == eur(600)
    second = policy_statement(policy=policy, start=date(2026, 1, 1), end=date(2026, 12, 31), period_number=2)
    assert second.invoiced_total == eur(4_500) and second.payments_total == eur(1_000)
    assert second.profit_share_credits == []


def test_the_page_defaults_to_the_current_period_and_another_is_chosen(client_of_user, tenant, today):
    policy = _two_periods(tenant)
    _premium_account(policy)
    today(date(2026, 5, 1))
    url = f"/recoveries/policies/{policy.pk}/"
    page = client_of_user.get(url).content.decode()
    assert "Insurance period 2." in page and "€4,500.00" in page and "€600.00" not in page
    assert 'name="period"' in page and "Period 1: 2025-01-01 to 2025-12-31" in page
    chosen = client_of_user.get(url + "?period=1").content.decode()
    assert "Insurance period 1." in chosen and "€600.00" in chosen and "€4,500.00" not in chosen
    rows = list(csv.reader(io.StringIO(client_of_user.get(url + "statement.csv?period=1").content.decode())))
    sections = [row[0] for row in rows]
    assert sections.count("premium invoice") == 1 and "premium payment" in sections and "profit share" in sections
    assert client_of_user.get(url + "?period=9").status_code == 400  # not a period of the policy: a form error


def test_the_outsider_reaches_no_period_of_it(client_of_outsider, tenant):
    policy = _two_periods(tenant)
    assert client_of_outsider.get(f"/recoveries/policies/{policy.pk}/?period=1").status_code == 404
