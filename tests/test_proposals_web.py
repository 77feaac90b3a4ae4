"""The insured's proposal and quote pages, the schedule download and the underwriter's quote admin."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN
from accounts.services import set_language_preference
from policies.models import Policy
from policies.proposals.models import Proposal, Quote
from tests.factories import logged_in, member
from tests.proposal_helpers import offered_quote, pdf_text, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(tenant):
    return member(tenant, [TENANT_ADMIN])


@pytest.fixture
def admin_client(admin_user):
    return logged_in(admin_user)


def _rows(prefix, rows, total=None):
    data = {f"{prefix}-TOTAL_FORMS": str(total or len(rows)), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{name}": value for name, value in row.items()})
    return data


def _form(buyer, **overrides):
    year = timezone.localdate().year
    return {
        "currency": "EUR", "desired_start_date": (date.today() + timedelta(days=5)).isoformat(),
        "desired_cover_percent": "90", "max_credit_period_days": "90",
        **_rows("turnovers", [{"country": "IT", "expected_turnover": "1000000"}], total=3),
        **_rows("buyers", [{"registry_buyer_id": str(buyer.pk), "requested_amount": "50000"},
                           {"legal_name": "Nuevo S.A.", "country": "PT", "requested_amount": "20000"}], total=3),
        **_rows("losses", [{"year": str(year - n), "turnover": "900000", "losses_count": "0", "losses_amount": "0"}
                           for n in (1, 2, 3)]),
        **overrides,
    }


def test_the_tenant_admin_applies_in_the_browser_without_a_policy(admin_client, tenant, buyer):
    page = admin_client.get("/policies/proposals/new/")
    assert page.status_code == 200 and 'name="losses-0-year"' in page.content.decode()
    answer = admin_client.post("/policies/proposals/new/", _form(buyer))
    with scopes_disabled():
        proposal = Proposal.objects.get(tenant=tenant)
        assert proposal.buyers.count() == 2 and proposal.state == "submitted"
    assert answer.status_code == 302 and answer.url == f"/policies/proposals/{proposal.pk}/"
    detail = admin_client.get(answer.url).content.decode()
    assert "Late Payer S.p.A." in detail and "Nuevo S.A." in detail


def test_form_errors_are_on_their_rows(admin_client, buyer):
    data = _form(buyer, **{"buyers-1-legal_name": "", "losses-2-losses_amount": "500",
                           "desired_cover_percent": "120"})
    page = admin_client.post("/policies/proposals/new/", data)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Ensure this value is less than or equal to 100." in html
    with scopes_disabled():
        assert not Proposal.objects.exists()
    page = admin_client.post("/policies/proposals/new/", _form(buyer, **{"buyers-1-legal_name": "",
                                                                        "losses-2-losses_amount": "500"}))
    html = page.content.decode()
    assert "give the new buyer&#x27;s name and country" in html
    assert "Give both the number and the amount of losses, or neither." in html


def test_a_credit_manager_may_not_apply_nor_decide(tenant, admin_user, underwriter, buyer):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    credit = logged_in(member(tenant, [CREDIT_MANAGER]))
    assert credit.get("/policies/proposals/new/").status_code == 403
    assert credit.post(f"/policies/proposals/quotes/{quote.pk}/", {"action": "accept"}).status_code == 403
    with scopes_disabled():
        assert Quote.objects.get(pk=quote.pk).state == "offered"


def test_the_insured_accepts_the_offered_quote_and_downloads_the_schedule(admin_client, tenant, admin_user,
                                                                         underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter, minimum_premium_amount="6000")
    page = admin_client.get(f"/policies/proposals/quotes/{quote.pk}/").content.decode()
    assert "Accept the quote" in page and "€6,000.00" in page
    answer = admin_client.post(f"/policies/proposals/quotes/{quote.pk}/", {"action": "accept"})
    with scopes_disabled():
        policy = Policy.objects.get(tenant=tenant)
    assert answer.status_code == 302 and answer.url == f"/policies/{policy.pk}/"
    assert "schedule.pdf" in admin_client.get(answer.url).content.decode()
    # The reader's language: Chinese for this user.
    with scopes_disabled():
        set_language_preference(user=admin_user, language="zh-hans")
    pdf = admin_client.get(f"/policies/{policy.pk}/schedule.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content)
    assert policy.number in text and "保险单明细表" in text and "€6,000.00" in text


def test_an_expired_quote_offers_no_decision_and_refuses_one(admin_client, tenant, admin_user, underwriter, today):
    quote = offered_quote(submit(tenant, admin_user), underwriter, valid_days=1)
    today(date.today() + timedelta(days=2))
    page = admin_client.get(f"/policies/proposals/quotes/{quote.pk}/").content.decode()
    assert "Accept the quote" not in page and "Expired" in page
    answer = admin_client.post(f"/policies/proposals/quotes/{quote.pk}/", {"action": "accept"})
    assert answer.status_code == 200 and "This quote expired on" in answer.content.decode()
    with scopes_disabled():
        assert not Policy.objects.exists()


def test_decline_needs_a_reason(admin_client, tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    answer = admin_client.post(f"/policies/proposals/quotes/{quote.pk}/", {"action": "decline", "reason": ""})
    assert answer.status_code == 200 and "This field is required." in answer.content.decode()
    answer = admin_client.post(f"/policies/proposals/quotes/{quote.pk}/", {"action": "decline", "reason": "terms"})
    assert answer.status_code == 302
    with scopes_disabled():
        assert Quote.objects.get(pk=quote.pk).state == "declined"


def test_another_tenants_quote_proposal_and_schedule_are_404(client_of_outsider, tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    assert client_of_outsider.get(f"/policies/proposals/quotes/{quote.pk}/").status_code == 404
    assert client_of_outsider.post(f"/policies/proposals/quotes/{quote.pk}/", {"action": "accept"}).status_code == 404
    assert client_of_outsider.get(f"/policies/proposals/{quote.proposal_id}/").status_code == 404


def test_a_draft_quote_is_not_shown_to_the_insured(admin_client, tenant, admin_user, underwriter):
    from policies.proposals import services

    proposal = submit(tenant, admin_user)
    with scopes_disabled():
        draft = services.create_quote(proposal=proposal, made_by=underwriter, start_date=date.today(),
                                      valid_until=date.today())
    assert admin_client.get(f"/policies/proposals/quotes/{draft.pk}/").status_code == 404


@pytest.mark.unscoped
def test_the_underwriter_quotes_offers_in_the_admin_and_downloads_the_schedule(
        client_of_underwriter, tenant, admin_user, underwriter):
    proposal = submit(tenant, admin_user)
    add = client_of_underwriter.get(f"/admin/policies/quote/add/?proposal={proposal.pk}")
    assert add.status_code == 200 and 'name="premium_rate_percent"' in add.content.decode()
    form = add.context["adminform"].form
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    data = {k: ("" if v is None else v) for k, v in data.items() if not isinstance(v, list | tuple)}
    data.update(proposal=proposal.pk, start_date=date.today().isoformat(), end_date="",
                valid_until=(date.today() + timedelta(days=7)).isoformat(), premium_rate_percent="0.42",
                recovery_sharing="pro_rata", notification_deadline_from="due_date")
    data = {k: v for k, v in data.items() if v is not False and k != "excluded_countries"}
    data["excluded_countries"] = ["RU"]
    answer = client_of_underwriter.post(f"/admin/policies/quote/add/?proposal={proposal.pk}", data)
    assert answer.status_code == 302, answer.context["adminform"].form.errors
    quote = Quote.objects.get(proposal=proposal)
    assert quote.terms["premium_rate_percent"] == "0.42" and quote.state == "draft"
    assert quote.terms["excluded_countries"] == ["RU"]
    client_of_underwriter.post("/admin/policies/quote/", {"action": "offer_selected", "_selected_action": [quote.pk]})
    quote.refresh_from_db()
    assert quote.state == "offered"
    from policies.proposals import services

    policy = services.accept_quote(quote=quote, accepted_by=admin_user)
    type(tenant).objects.filter(pk=tenant.pk).update(language="es")
    pdf = client_of_underwriter.get(f"/admin/policies/quote/schedule/{policy.pk}/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # The insured's copy, in the insured's language, whatever the underwriter reads.
    assert "Condiciones particulares" in pdf_text(pdf.content) and policy.number in pdf_text(pdf.content)


@pytest.mark.unscoped
def test_an_offered_quote_reads_in_the_admin_and_a_bad_term_is_refused_on_its_field(
        client_of_underwriter, tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter, premium_rate_percent="0.33")
    page = client_of_underwriter.get(f"/admin/policies/quote/{quote.pk}/change/")
    assert page.status_code == 200 and "0.33" in page.content.decode()
    proposal = submit(tenant, admin_user)
    add = client_of_underwriter.get(f"/admin/policies/quote/add/?proposal={proposal.pk}")
    form = add.context["adminform"].form
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    data = {k: ("" if v is None else v) for k, v in data.items()
            if not isinstance(v, list | tuple) and v is not False and k != "excluded_countries"}
    data.update(proposal=proposal.pk, start_date=date.today().isoformat(), end_date="",
                valid_until=date.today().isoformat(), waiting_period_days="300", claim_filing_days="200")
    answer = client_of_underwriter.post("/admin/policies/quote/add/", data)
    assert answer.status_code == 200
    assert "waiting_period_days" in answer.context["adminform"].form.errors
    assert not Quote.objects.filter(proposal=proposal).exists()
