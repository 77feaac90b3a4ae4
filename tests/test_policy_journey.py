"""Done when (issue 10): a policy goes from proposal to a second period in the browser, the admin and the API.

Two walks of the whole path, each asserting the state a user would see at every step:
- the insured (tenant admin) applies in the browser, the underwriter quotes and offers in the admin, the insured
  accepts in the browser and the policy is issued; the renewal job offers the next period, the underwriter raises
  the rate in the admin, the insured accepts in the browser and the second period is in force on the new rate;
- the same with the tenant API (proposal, acceptances) and the insurer API (quote, offer, the offer's change).
The outsider of another tenant reaches none of it.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from accounts.roles import TENANT_ADMIN, UNDERWRITER
from claims.renewals import run_renewal_job
from policies.models import Policy
from policies.periods.models import InsurancePeriod, RenewalOffer
from policies.periods.selectors import current_period
from policies.proposals.models import Proposal, Quote
from tests.factories import insurer_token_client, logged_in, member

pytestmark = pytest.mark.django_db

START = date.today() + timedelta(days=10)


def _rows(prefix, rows, total=None):
    data = {f"{prefix}-TOTAL_FORMS": str(total or len(rows)), f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{name}": value for name, value in row.items()})
    return data


def _proposal_form(buyer):
    year = timezone.localdate().year
    return {
        "currency": "EUR", "desired_start_date": START.isoformat(), "desired_cover_percent": "90",
        "max_credit_period_days": "90",
        **_rows("turnovers", [{"country": "IT", "expected_turnover": "1000000"}]),
        **_rows("buyers", [{"registry_buyer_id": str(buyer.pk), "requested_amount": "50000"}]),
        **_rows("losses", [{"year": str(year - n), "turnover": "900000", "losses_count": "0", "losses_amount": "0"}
                           for n in (1, 2, 3)]),
    }


def _money(amount):
    return {"amount": amount, "currency": "EUR"}


def _proposal_body(buyer):
    year = timezone.localdate().year
    return {"currency": "EUR", "desired_start_date": START.isoformat(), "desired_cover_percent": "90.00",
            "max_credit_period_days": 90, "turnovers": [{"country": "IT", "expected_turnover": _money("1000000.00")}],
            "buyers": [{"registry_buyer_id": buyer.pk, "requested_amount": _money("50000.00")}],
            "loss_years": [{"year": year - n, "turnover": _money("900000.00"), "losses_count": 0,
                            "losses_amount": _money("0.00")} for n in (1, 2, 3)]}


def _admin_quote_form(add_page, proposal):
    form = add_page.context["adminform"].form
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    data = {k: ("" if v is None else v) for k, v in data.items()
            if not isinstance(v, list | tuple) and v is not False and k != "excluded_countries"}
    data.update(proposal=proposal.pk, start_date=START.isoformat(), end_date="",
                valid_until=(date.today() + timedelta(days=7)).isoformat(), premium_rate_percent="0.25",
                recovery_sharing="pro_rata", notification_deadline_from="due_date")
    return data


def admin_form_data(page) -> dict:
    """An admin change form's fields as the browser would post them back unchanged."""
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is False:
            continue
        data[name] = ("on" if value is True else "" if value is None
                      else [str(v) for v in value] if isinstance(value, list | tuple) else value)
    return data


def _renewal_job(day, django_capture_on_commit_callbacks):
    """The daily job as Celery beat runs it, its outbox messages carried out on commit as a worker would."""
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):
        return run_renewal_job(today=day)


def _the_policy(tenant) -> Policy:
    with scopes_disabled():
        return Policy.objects.get(tenant=tenant)


def _periods(policy):
    with scopes_disabled():
        return list(InsurancePeriod.objects.filter(policy=policy).order_by("number")
                    .values_list("number", "start", "end", "state"))


def _rate_on(policy, day):
    with scopes_disabled():
        return Policy.objects.get(pk=policy.pk).terms_on(day).premium_rate_percent


def _second_period_in_force(policy, first_end):
    """Period 2 runs from the day after period 1 for a year, on 0.30%; period 1 kept 0.25%."""
    second_start = first_end + timedelta(days=1)
    periods = _periods(policy)
    assert [(number, start, state) for number, start, _end, state in periods] == [
        (1, START, "renewed"), (2, second_start, "open")]
    with scopes_disabled():
        fresh = Policy.objects.get(pk=policy.pk)
        assert fresh.end_date == periods[1][2] and fresh.status == Policy.Status.ACTIVE
        assert current_period(fresh, today=second_start + timedelta(days=5)).number == 2
    assert _rate_on(policy, first_end) == Decimal("0.25")
    assert _rate_on(policy, second_start) == Decimal("0.30")


@pytest.mark.unscoped
def test_from_proposal_to_a_second_period_in_the_browser_and_the_admin(
        tenant, buyer, client_of_underwriter, client_of_outsider, today, django_capture_on_commit_callbacks):
    insured = logged_in(member(tenant, [TENANT_ADMIN]))
    # 1. The insured applies in the browser.
    applied = insured.post("/policies/proposals/new/", _proposal_form(buyer))
    proposal = Proposal.objects.get(tenant=tenant)
    assert applied.status_code == 302 and proposal.state == "submitted"
    # 2. The underwriter quotes in the admin, then offers the quote.
    add = client_of_underwriter.get(f"/admin/policies/quote/add/?proposal={proposal.pk}")
    saved = client_of_underwriter.post(f"/admin/policies/quote/add/?proposal={proposal.pk}",
                                       _admin_quote_form(add, proposal))
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    quote = Quote.objects.get(proposal=proposal)
    client_of_underwriter.post("/admin/policies/quote/", {"action": "offer_selected", "_selected_action": [quote.pk]})
    assert Quote.objects.get(pk=quote.pk).state == "offered"
    assert client_of_outsider.get(f"/policies/proposals/quotes/{quote.pk}/").status_code == 404
    # 3. The insured accepts in the browser: the policy is issued, with its first period and its schedule.
    page = insured.get(f"/policies/proposals/quotes/{quote.pk}/")
    assert "Accept the quote" in page.content.decode()
    accepted = insured.post(f"/policies/proposals/quotes/{quote.pk}/", {"action": "accept"})
    policy = _the_policy(tenant)
    assert accepted.status_code == 302 and accepted.url == f"/policies/{policy.pk}/"
    assert policy.status == Policy.Status.ACTIVE and policy.number.startswith("KR-ES-")
    assert [(n, s, st) for n, s, _e, st in _periods(policy)] == [(1, START, "open")]
    assert insured.get(f"/policies/{policy.pk}/schedule.pdf").content.startswith(b"%PDF")
    first_end = policy.end_date
    # 4. Thirty days before the period ends, the renewal job offers the next one.
    today(first_end - timedelta(days=30))
    assert _renewal_job(first_end - timedelta(days=30), django_capture_on_commit_callbacks)["offers_queued"] == 1
    offer = RenewalOffer.objects.get(policy=policy)
    assert offer.state == "offered" and offer.premium_rate_percent == Decimal("0.25")
    # 5. The underwriter raises the rate in the admin.
    url = f"/admin/policies/renewaloffer/{offer.pk}/change/"
    data = admin_form_data(client_of_underwriter.get(url))
    data.update(premium_rate_percent="0.30", note="Loss ratio 0%, market rate.")
    changed = client_of_underwriter.post(url, data)
    assert changed.status_code == 302, changed.context["adminform"].form.errors
    offer = RenewalOffer.objects.get(pk=offer.pk)
    assert offer.premium_rate_percent == Decimal("0.30") and offer.term_changes == {}
    # 6. The insured sees the offer on its policy page and accepts it.
    text = insured.get(f"/policies/{policy.pk}/").content.decode()
    assert 'id="renewal-offer"' in text and "0.3000%" in text
    assert client_of_outsider.post(f"/policies/{policy.pk}/renewal/accept/").status_code == 404
    assert insured.post(f"/policies/{policy.pk}/renewal/accept/").status_code == 302
    assert RenewalOffer.objects.get(pk=offer.pk).state == "accepted"
    # 7. After the first period ends, the job closes nothing that was renewed: the second period is in force.
    today(first_end + timedelta(days=1))
    _renewal_job(first_end + timedelta(days=1), django_capture_on_commit_callbacks)
    _second_period_in_force(policy, first_end)
    assert 'id="periods"' in insured.get(f"/policies/{policy.pk}/").content.decode()


@pytest.mark.unscoped
def test_from_proposal_to_a_second_period_through_the_api(tenant, buyer, api_client_of_outsider, today,
                                                          django_capture_on_commit_callbacks):
    insured = logged_in(member(tenant, [TENANT_ADMIN]), client_class=APIClient)
    underwriter = insurer_token_client([UNDERWRITER])
    # 1. The insured proposes through the tenant API.
    proposed = insured.post("/api/v1/proposals/", _proposal_body(buyer), format="json")
    assert proposed.status_code == 201, proposed.json()
    proposal_id = proposed.json()["id"]
    # 2. The underwriter quotes and offers through the insurer API.
    listed = underwriter.get("/api/v1/insurer/proposals/?state=submitted").json()["results"]
    assert [row["id"] for row in listed] == [proposal_id]
    made = underwriter.post(f"/api/v1/insurer/proposals/{proposal_id}/quotes/",
                            {"start_date": START.isoformat(), "valid_until": START.isoformat(),
                             "terms": {"premium_rate_percent": "0.25"}}, format="json")
    assert made.status_code == 201, made.json()
    quote_id = made.json()["id"]
    assert underwriter.post(f"/api/v1/insurer/quotes/{quote_id}/offer/").json()["state"] == "offered"
    assert api_client_of_outsider.post(f"/api/v1/quotes/{quote_id}/accept/").status_code == 404
    # 3. The insured accepts: the policy is issued.
    accepted = insured.post(f"/api/v1/quotes/{quote_id}/accept/")
    assert accepted.status_code == 201, accepted.json()
    policy = _the_policy(tenant)
    assert underwriter.get(f"/api/v1/insurer/quotes/{quote_id}/").json()["policy"] == policy.number
    periods = insured.get(f"/api/v1/policies/{policy.pk}/periods/").json()["results"]
    assert [(row["number"], row["state"]) for row in periods] == [(1, "open")]
    first_end = policy.end_date
    # 4. The renewal job offers the next period; the underwriter finds it in the insurer API and raises the rate.
    today(first_end - timedelta(days=30))
    _renewal_job(first_end - timedelta(days=30), django_capture_on_commit_callbacks)
    offers = underwriter.get("/api/v1/insurer/renewal-offers/").json()["results"]
    assert [(row["policy_id"], row["period"]["number"]) for row in offers] == [(policy.pk, 1)]
    offer_id = offers[0]["id"]
    changed = underwriter.post(f"/api/v1/insurer/renewal-offers/{offer_id}/change/",
                               {"premium_rate_percent": "0.30", "note": "Market rate."}, format="json")
    assert changed.status_code == 200, changed.json()
    # 5. The insured reads the offer and accepts it through the tenant API.
    shown = insured.get(f"/api/v1/policies/{policy.pk}/renewal-offer/").json()
    assert (shown["state"], shown["premium_rate_percent"]) == ("offered", "0.3000")
    assert api_client_of_outsider.post(f"/api/v1/policies/{policy.pk}/renewal-offer/accept/").status_code == 404
    answered = insured.post(f"/api/v1/policies/{policy.pk}/renewal-offer/accept/")
    assert answered.status_code in (200, 201), answered.json()
    # 6. The period ends; the second one is in force on the new rate, in the API as in the database.
    today(first_end + timedelta(days=1))
    _renewal_job(first_end + timedelta(days=1), django_capture_on_commit_callbacks)
    _second_period_in_force(policy, first_end)
    periods = insured.get(f"/api/v1/policies/{policy.pk}/periods/").json()["results"]
    assert [(row["number"], row["state"]) for row in periods] == [(1, "renewed"), (2, "open")]
