"""The risk check before selling (issue 15, item 6): the automatic decision a limit of the amount would get
(matrix and scorecard, nothing written), the cover (normal or discretionary), the terms allowed, the
deadlines of an invoice shipped today, the premium; the page and the API with an outsider; bad input 400."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from limits.models import CreditLimit, LimitDecision, Scorecard
from limits.risk_check.service import risk_check
from tests.factories import PolicyFactory, api_problem, eur
from tests.limit_factories import in_force_policy

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

TODAY = date(2026, 3, 2)


@pytest.fixture
def policy(tenant):
    return PolicyFactory(tenant=tenant, number="KR-RC-001", premium_rate_percent=Decimal("0.250"),
                         excluded_countries=["RU"])


def check(tenant, policy, amount, **kwargs):
    kwargs.setdefault("country", "")
    return risk_check(tenant=tenant, policy=policy, amount=eur(amount), terms_days=kwargs.pop("terms_days", 60),
                      today=kwargs.pop("today", TODAY), **kwargs)


def test_within_the_matrix_and_the_discretionary_maximum(tenant, policy, buyer):
    report = check(tenant, policy, 20_000, buyer=buyer)  # grade 3: matrix 50,000; discretionary 20,000
    assert (report.decision, report.outcome, report.decided_amount) == ("automatic", "approved", eur(20_000))
    assert report.discretionary_allowed
    assert report.percentage_of_cover == policy.terms_on(TODAY).percentage_of_cover_commercial


def test_over_the_discretionary_maximum_but_within_the_matrix(tenant, policy, buyer):
    report = check(tenant, policy, "20000.01", buyer=buyer)
    assert report.decision == "automatic" and not report.discretionary_allowed


def test_over_the_matrix_an_underwriter_decides(tenant, policy, buyer):
    assert check(tenant, policy, 50_000, buyer=buyer).decision == "automatic"
    report = check(tenant, policy, "50000.01", buyer=buyer)
    assert (report.decision, report.decided_amount) == ("referred", None)


def test_a_prospect_not_in_the_registry_is_referred_by_the_matrix(tenant, policy):
    report = check(tenant, policy, 1_000, country="de", sector_nace="46.90")
    assert (report.decision, report.country, report.sector_section) == ("referred", "DE", "G")
    assert not report.discretionary_allowed


def test_an_excluded_country_is_not_covered(tenant, policy):
    report = check(tenant, policy, 1_000, country="RU")
    assert (report.decision, report.country_covered, report.excluded_countries) == ("not_covered", False, ("RU",))


def test_a_buyer_of_an_excluded_kind_is_not_covered_as_its_request_would_be_refused(tenant, policy, buyer,
                                                                                  other_tenant, client_of_user):
    """The risk check says what a limit request would meet (limits.services.validation.check_buyer): a private
    individual, or a company of the insured's own group, is excluded by the default terms."""
    from buyers.models import Buyer, InsuredRelation

    InsuredRelation.objects.create(tenant=tenant, buyer=buyer, note="a subsidiary")
    report = check(tenant, policy, 20_000, buyer=buyer)
    assert (report.decision, report.buyer_exclusion, report.country_covered) == ("not_covered", "related_company",
                                                                                True)
    assert not report.discretionary_allowed
    # Another insured's relation is not this one's.
    assert check(other_tenant, PolicyFactory(tenant=other_tenant), 20_000, buyer=buyer).decision == "automatic"
    Buyer.objects.filter(pk=buyer.pk).update(kind=Buyer.Kind.PRIVATE_INDIVIDUAL)
    InsuredRelation.objects.filter(tenant=tenant).delete()
    buyer.refresh_from_db()
    assert check(tenant, policy, 20_000, buyer=buyer).buyer_exclusion == "private_individual"
    page = client_of_user.get("/limits/risk-check/", {"policy": policy.pk, "buyer": buyer.pk, "amount": "20000",
                                                       "terms_days": 60}).content.decode()
    assert "is a private individual: policy KR-RC-001 does not cover private individuals." in page


def test_the_scorecard_decides_without_writing_anything(tenant, policy, buyer):
    with scopes_disabled():
        Scorecard.objects.create(version=1, name="First", is_active=True, max_automatic_amount=Decimal(250_000),
                                 buyer_exposure_cap=Decimal(5_000_000))
        before = (CreditLimit.objects.count(), LimitDecision.objects.count())
    small = check(tenant, policy, 10_000, buyer=buyer)
    big = check(tenant, policy, 300_000, buyer=buyer)  # beyond the version's largest automatic amount
    prospect = check(tenant, policy, 10_000, country="DE", sector_nace="46.90")  # no grade: referred, as live
    assert small.scorecard_version == 1 and small.decision == "automatic"
    assert small.outcome in ("approved", "partial", "conditional", "refused")
    assert (big.decision, prospect.decision) == ("referred", "referred")
    with scopes_disabled():
        assert (CreditLimit.objects.count(), LimitDecision.objects.count()) == before


def test_terms_longer_than_the_credit_period_are_flagged(tenant, policy, buyer):
    assert check(tenant, policy, 1_000, buyer=buyer, terms_days=120).terms_allowed
    assert not check(tenant, policy, 1_000, buyer=buyer, terms_days=121).terms_allowed


def test_the_deadlines_of_an_invoice_shipped_today_on_their_boundary_days(tenant, policy, buyer):
    report = check(tenant, policy, 1_000, buyer=buyer, terms_days=30)
    due = TODAY + timedelta(days=30)
    assert report.deadlines.due_date == due == date(2026, 4, 1)
    assert report.deadlines.notification_deadline == due + timedelta(days=60) == date(2026, 5, 31)
    assert report.deadlines.waiting_period_end == due + timedelta(days=150)
    assert report.deadlines.claim_filing_deadline == due + timedelta(days=240)
    assert report.deadlines.notified_late(date(2026, 5, 31)) is False
    assert report.deadlines.notified_late(date(2026, 6, 1)) is True


def test_the_premium_at_the_policys_rate(tenant, policy, buyer):
    assert check(tenant, policy, "12345.67", buyer=buyer).premium == eur("30.86")  # 0.25%, half up


def test_the_api_answers_the_report(api_client, tenant, buyer):
    policy = in_force_policy(tenant, "KR-RC-API")
    response = api_client.post("/api/v1/risk-check/", {
        "buyer": buyer.pk, "amount": {"amount": "20000.00", "currency": "EUR"}, "terms_days": 60}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["policy"] == policy.number and body["decision"] == "automatic"
    assert body["decided_amount"] == {"amount": "20000.00", "currency": "EUR"}
    assert body["discretionary_allowed"] is True
    assert set(body["deadlines"]) == {"due_date", "max_extension_end", "notification_deadline",
                                      "waiting_period_end", "claim_filing_deadline"}


def test_bad_input_is_a_400_with_pointers(api_client, tenant):
    in_force_policy(tenant, "KR-RC-BAD")
    response = api_client.post("/api/v1/risk-check/", {
        "amount": {"amount": "-1", "currency": "EUR"}, "terms_days": 0}, format="json")
    assert response.status_code == 400
    pointers = {error["pointer"] for error in api_problem(response)["errors"]}
    assert {"/amount", "/terms_days"} <= pointers
    response = api_client.post("/api/v1/risk-check/", {
        "amount": {"amount": "10", "currency": "EUR"}, "terms_days": 30}, format="json")
    assert response.status_code == 400
    assert {e["pointer"] for e in api_problem(response)["errors"]} == {"/country"}


def test_an_outsiders_policy_is_not_a_valid_choice(api_client_of_outsider, tenant, buyer):
    policy = in_force_policy(tenant, "KR-RC-VICTIM")
    response = api_client_of_outsider.post("/api/v1/risk-check/", {
        "policy": policy.pk, "buyer": buyer.pk, "amount": {"amount": "10", "currency": "EUR"}, "terms_days": 30},
        format="json")
    assert response.status_code == 400
    assert {e["pointer"] for e in api_problem(response)["errors"]} == {"/policy"}
    assert policy.number not in response.content.decode()


def test_the_page_preselects_the_only_policy_and_shows_the_report(client_of_user, tenant, buyer):
    policy = in_force_policy(tenant, "KR-RC-PAGE")
    page = client_of_user.get("/limits/risk-check/")
    assert page.status_code == 200 and f'value="{policy.pk}" selected' in page.content.decode()
    report = client_of_user.get("/limits/risk-check/", {"policy": policy.pk, "buyer": buyer.pk, "amount": "20000",
                                                         "terms_days": 60})
    assert report.status_code == 200
    assert "Likely decided automatically" in report.content.decode()


def test_the_page_shows_bad_input_on_its_fields(client_of_user, tenant):
    policy = in_force_policy(tenant, "KR-RC-FORM")
    page = client_of_user.get("/limits/risk-check/", {"policy": policy.pk, "amount": "10", "terms_days": 30})
    assert page.status_code == 200
    assert "Give the buyer&#x27;s country, or choose the buyer." in page.content.decode()
