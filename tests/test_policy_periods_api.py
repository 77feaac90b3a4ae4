"""The policy's life through the doors: the policy page (periods, offer, notice; accept, decline, give notice), the
tenant API (periods, renewal offer GET/accept/decline, notice), the insurer API (open offers, change one, give
notice) and the premium invoice's cancel action. Each with an outsider of another tenant."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN, UNDERWRITER
from core.exceptions import DomainError
from policies.models import Policy
from policies.periods import services as periods
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer
from policies.premium.cancellation import cancel_invoice
from policies.premium.invoices import invoice_deposit, record_payment
from policies.premium.models import PremiumInvoice
from policies.premium.selectors import premium_statement
from tests.factories import PolicyFactory, eur, insurer_token_client, logged_in, member

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

TODAY = timezone.localdate()


@pytest.fixture
def ending_policy(tenant):
    """A policy whose period ends in 30 days: inside its 60 renewal offer days, past its 90 notice days."""
    end = TODAY + timedelta(days=30)
    return PolicyFactory(tenant=tenant, start_date=end - timedelta(days=364), end_date=end)


@pytest.fixture
def offer(ending_policy):
    with scopes_disabled():
        period = InsurancePeriod.objects.get(policy=ending_policy)
        return periods.offer_renewal(period=period, loss_ratio_percent=Decimal("12.5"), today=TODAY)


def admin_of(tenant):
    return member(tenant, [TENANT_ADMIN])


def api_of(user):
    return logged_in(user, client_class=APIClient)


# --- The page -------------------------------------------------------------------------------------------------

def test_the_policy_page_shows_periods_and_the_offer_and_a_tenant_admin_accepts(tenant, ending_policy, offer):
    client = logged_in(admin_of(tenant))
    page = client.get(f"/policies/{ending_policy.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'id="periods"' in text and 'id="renewal-offer"' in text and "12.50%" in text
    assert f"/policies/{ending_policy.pk}/renewal/accept/" in text
    response = client.post(f"/policies/{ending_policy.pk}/renewal/accept/")
    assert response.status_code == 302
    with scopes_disabled():
        assert InsurancePeriod.objects.filter(policy=ending_policy).count() == 2
        second = InsurancePeriod.objects.get(policy=ending_policy, number=2)
        assert second.start == ending_policy.end_date + timedelta(days=1)
        assert Policy.objects.get(pk=ending_policy.pk).end_date == second.end


def test_a_credit_manager_sees_the_offer_but_cannot_answer_it(tenant, ending_policy, offer):
    client = logged_in(member(tenant, [CREDIT_MANAGER]))
    text = client.get(f"/policies/{ending_policy.pk}/").content.decode()
    assert 'id="renewal-offer"' in text and "/renewal/accept/" not in text
    assert client.post(f"/policies/{ending_policy.pk}/renewal/accept/").status_code == 403
    assert client.get(f"/policies/{ending_policy.pk}/notice/").status_code == 403


def test_the_insured_gives_notice_in_the_browser_and_a_late_non_renewal_is_a_form_error(tenant, ending_policy):
    client = logged_in(admin_of(tenant))
    late = client.post(f"/policies/{ending_policy.pk}/notice/", {"kind": "non_renewal", "reason": "Closing"})
    assert late.status_code == 200 and late.context["form"].errors
    done = client.post(f"/policies/{ending_policy.pk}/notice/", {"kind": "cancellation", "reason": "Closing"})
    assert done.status_code == 302
    with scopes_disabled():
        notice = PolicyNotice.objects.get(policy=ending_policy)
    assert (notice.given_by_side, notice.effective_on) == ("insured", ending_policy.end_date + timedelta(days=1))
    assert 'id="notice"' in client.get(f"/policies/{ending_policy.pk}/").content.decode()


def test_an_outsider_reaches_none_of_the_pages(client_of_outsider, ending_policy, offer):
    assert client_of_outsider.get(f"/policies/{ending_policy.pk}/").status_code == 404
    assert client_of_outsider.post(f"/policies/{ending_policy.pk}/renewal/accept/").status_code == 404
    assert client_of_outsider.post(f"/policies/{ending_policy.pk}/renewal/decline/").status_code == 404
    assert client_of_outsider.post(f"/policies/{ending_policy.pk}/notice/",
                                   {"kind": "cancellation", "reason": "x"}).status_code == 404
    with scopes_disabled():
        assert RenewalOffer.objects.get(pk=offer.pk).state == "offered" and not PolicyNotice.objects.exists()


# --- The tenant API -------------------------------------------------------------------------------------------

def test_the_api_lists_periods_and_answers_the_offer(tenant, ending_policy, offer):
    client = api_of(admin_of(tenant))
    rows = client.get(f"/api/v1/policies/{ending_policy.pk}/periods/").json()["results"]
    assert [(r["number"], r["state"]) for r in rows] == [(1, "open")]
    body = client.get(f"/api/v1/policies/{ending_policy.pk}/renewal-offer/").json()
    assert (body["state"], body["loss_ratio_percent"], body["respond_by"]) == (
        "offered", "12.50", ending_policy.end_date.isoformat())
    declined = client.post(f"/api/v1/policies/{ending_policy.pk}/renewal-offer/decline/")
    assert declined.status_code == 200 and declined.json()["state"] == "declined"
    again = client.post(f"/api/v1/policies/{ending_policy.pk}/renewal-offer/accept/")
    assert again.status_code == 400 and again["Content-Type"].startswith("application/problem+json")


def test_the_api_gives_notice_with_field_errors(tenant, ending_policy):
    client = api_of(admin_of(tenant))
    bad = client.post(f"/api/v1/policies/{ending_policy.pk}/notice/", {"kind": "soon"}, format="json")
    assert bad.status_code == 400
    late = client.post(f"/api/v1/policies/{ending_policy.pk}/notice/", {"kind": "non_renewal", "reason": "x"},
                       format="json")
    assert late.status_code == 400 and not PolicyNotice.objects.exists()
    assert client.get(f"/api/v1/policies/{ending_policy.pk}/notice/").status_code == 404
    given = client.post(f"/api/v1/policies/{ending_policy.pk}/notice/", {"kind": "cancellation", "reason": "x"},
                        format="json")
    assert given.status_code == 201 and given.json()["given_by_side"] == "insured"
    assert client.get(f"/api/v1/policies/{ending_policy.pk}/notice/").json()["kind"] == "cancellation"


def test_an_outsider_reaches_none_of_the_endpoints(api_client_of_outsider, ending_policy, offer):
    base = f"/api/v1/policies/{ending_policy.pk}"
    for path in ("/periods/", "/renewal-offer/", "/notice/"):
        assert api_client_of_outsider.get(base + path).status_code == 404
    for path in ("/renewal-offer/accept/", "/renewal-offer/decline/"):
        assert api_client_of_outsider.post(base + path).status_code == 404
    assert api_client_of_outsider.post(base + "/notice/", {"kind": "cancellation", "reason": "x"},
                                       format="json").status_code == 404
    with scopes_disabled():
        assert RenewalOffer.objects.get(pk=offer.pk).state == "offered" and not PolicyNotice.objects.exists()


# --- The insurer API ------------------------------------------------------------------------------------------

def test_an_underwriter_token_changes_the_offer_and_gives_notice(ending_policy, offer):
    client = insurer_token_client([UNDERWRITER])
    listed = client.get("/api/v1/insurer/renewal-offers/").json()["results"]
    assert [row["id"] for row in listed] == [offer.pk]
    changed = client.post(f"/api/v1/insurer/renewal-offers/{offer.pk}/change/",
                          {"premium_rate_percent": "0.3", "term_changes": {"percentage_of_cover_commercial": "85"},
                           "note": "Loss ratio"}, format="json")
    assert changed.status_code == 200, changed.json()
    assert changed.json()["term_changes"] == {"percentage_of_cover_commercial": "85"}
    bad = client.post(f"/api/v1/insurer/renewal-offers/{offer.pk}/change/",
                      {"term_changes": {"colour": "red"}}, format="json")
    assert bad.status_code == 400
    notice = client.post(f"/api/v1/insurer/policies/{ending_policy.pk}/notice/",
                         {"kind": "cancellation", "reason": "Premium unpaid"}, format="json")
    assert notice.status_code == 201 and notice.json()["given_by_side"] == "insurer"
    with scopes_disabled():
        assert RenewalOffer.objects.get(pk=offer.pk).state == "lapsed"  # nothing left to renew


def test_tenant_tokens_never_reach_the_insurer_side(api_client, ending_policy, offer):
    assert api_client.get("/api/v1/insurer/renewal-offers/").status_code in (401, 403)
    assert api_client.post(f"/api/v1/insurer/renewal-offers/{offer.pk}/change/", {"note": "x"},
                           format="json").status_code in (401, 403)
    assert api_client.post(f"/api/v1/insurer/policies/{ending_policy.pk}/notice/",
                           {"kind": "cancellation", "reason": "x"}, format="json").status_code in (401, 403)


# --- Cancelling a premium invoice -----------------------------------------------------------------------------

@pytest.fixture
def deposit(policy):
    with scopes_disabled():
        return invoice_deposit(policy=policy, today=date(2026, 1, 2))


def test_a_cancelled_invoice_leaves_the_balance_and_cannot_be_paid(policy, deposit, underwriter):
    with scopes_disabled():
        before = premium_statement(policy=policy).balance
        with pytest.raises(DomainError):
            cancel_invoice(invoice=deposit, reason=" ", cancelled_by=underwriter)
        cancel_invoice(invoice=deposit, reason="Raised in error", cancelled_by=underwriter)
        assert before == eur(5_000) and premium_statement(policy=policy).balance == eur(0)
        with pytest.raises(DomainError) as refused:
            record_payment(invoice=deposit, amount=eur(5_000), paid_on=date(2026, 1, 5), recorded_by=underwriter)
        assert refused.value.code == "not_open"


def test_the_database_keeps_a_cancelled_invoices_reason(deposit):
    with scopes_disabled(), pytest.raises(IntegrityError), transaction.atomic():
        PremiumInvoice.objects.filter(pk=deposit.pk).update(state="cancelled")


def test_the_admin_action_cancels_with_a_reason(client_of_underwriter, deposit):
    response = client_of_underwriter.post("/admin/policies/premiuminvoice/", {
        "action": "cancel_invoice_action", "_selected_action": [deposit.pk], "apply": "1",
        "reason": "Duplicate"})
    assert response.status_code == 302
    with scopes_disabled():
        invoice = PremiumInvoice.objects.get(pk=deposit.pk)
    assert (invoice.state, invoice.cancellation_reason) == ("cancelled", "Duplicate")


def test_the_admin_offer_and_notice_screens_answer(client_of_underwriter, ending_policy, offer):
    assert client_of_underwriter.get(f"/admin/policies/renewaloffer/{offer.pk}/change/").status_code == 200
    assert client_of_underwriter.get(f"/admin/policies/policy/{ending_policy.pk}/notice/").status_code == 200
    response = client_of_underwriter.post(f"/admin/policies/policy/{ending_policy.pk}/notice/",
                                          {"kind": "cancellation", "reason": "Fraud"})
    assert response.status_code == 302
    with scopes_disabled():
        assert PolicyNotice.objects.get(policy=ending_policy).given_by_side == "insurer"


def test_an_overdue_may_be_notified_on_an_ended_policy_in_run_off(tenant, other_tenant):
    from claims.overdues.forms import OverdueHeaderForm

    ended = PolicyFactory(tenant=tenant, status=Policy.Status.EXPIRED)
    cancelled = PolicyFactory(tenant=tenant, status=Policy.Status.CANCELLED)
    PolicyFactory(tenant=tenant, status=Policy.Status.DRAFT)
    PolicyFactory(tenant=other_tenant)
    with scopes_disabled():
        offered = set(OverdueHeaderForm(tenant=tenant).fields["policy"].queryset)
    assert offered == {ended, cancelled}


# --- The renewal offer's terms in the admin: the endorsement form's fields, only changes kept ------------------

def test_the_admin_offers_the_terms_as_fields_and_keeps_only_the_changed_ones(client_of_underwriter, offer):
    from tests.test_policy_journey import admin_form_data

    url = f"/admin/policies/renewaloffer/{offer.pk}/change/"
    page = client_of_underwriter.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="percentage_of_cover_commercial"' in html and 'name="waiting_period_days"' in html
    data = admin_form_data(page)
    assert data["percentage_of_cover_commercial"] == Decimal("90")
    data.update(percentage_of_cover_commercial="85", excluded_countries=["RU"], note="Loss ratio 12.5%")
    saved = client_of_underwriter.post(url, data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    with scopes_disabled():
        changed = RenewalOffer.objects.get(pk=offer.pk)
    assert changed.term_changes == {"percentage_of_cover_commercial": "85", "excluded_countries": ["RU"]}
    # Shown again with the change, and saved unchanged it keeps the same changes.
    again = admin_form_data(client_of_underwriter.get(url))
    assert Decimal(again["percentage_of_cover_commercial"]) == Decimal("85")
    assert client_of_underwriter.post(url, again).status_code == 302
    with scopes_disabled():
        assert RenewalOffer.objects.get(pk=offer.pk).term_changes == changed.term_changes


def test_a_bad_term_on_the_offer_is_an_error_on_its_field_and_changes_nothing(client_of_underwriter, offer):
    from tests.test_policy_journey import admin_form_data

    url = f"/admin/policies/renewaloffer/{offer.pk}/change/"
    data = admin_form_data(client_of_underwriter.get(url))
    data.update(percentage_of_cover_commercial="120", waiting_period_days="300", claim_filing_days="200")
    answer = client_of_underwriter.post(url, data)
    assert answer.status_code == 200
    errors = answer.context["adminform"].form.errors
    assert "percentage_of_cover_commercial" in errors
    with scopes_disabled():
        assert RenewalOffer.objects.get(pk=offer.pk).term_changes == {}


def test_an_answered_offer_reads_without_the_term_fields(client_of_underwriter, offer, tenant):
    with scopes_disabled():
        periods.decline_offer(offer=offer, declined_by=None, today=TODAY)
    page = client_of_underwriter.get(f"/admin/policies/renewaloffer/{offer.pk}/change/")
    assert page.status_code == 200 and 'name="percentage_of_cover_commercial"' not in page.content.decode()
