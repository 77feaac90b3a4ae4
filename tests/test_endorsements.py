"""Terms in time (issue 10; domain.md, The policy's life): a policy's terms are dated versions, an endorsement is
the only way to change them, from an effective date that never reaches an invoice already notified or claimed on.
"""

from datetime import date
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from core.exceptions import DomainError
from core.tenancy import tenant_scope
from policies.endorsements import earliest_endorsement_date, endorse_policy
from policies.models import Policy, TermsVersion
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, admin_policy_form
from tests.overdue_factories import declare, invoice

pytestmark = pytest.mark.django_db

JUNE_30, JULY_1 = date(2026, 6, 30), date(2026, 7, 1)


def _endorse(policy, day=JULY_1, reason="Market change", made_by=None, **changes):
    with scopes_disabled():
        return endorse_policy(policy=policy, effective_from=day, reason=reason, made_by=made_by, **changes)


def _reload(policy):
    with scopes_disabled():
        return Policy.objects.get(pk=policy.pk)


def test_a_new_policy_has_one_version_from_its_start(policy):
    with scopes_disabled():
        [version] = policy.terms_versions.all()
    assert version.effective_from == policy.start_date
    assert policy.terms_on(policy.start_date).version_id == version.pk


def test_an_endorsement_applies_from_its_day_and_not_before(policy, underwriter):
    version = _endorse(policy, percentage_of_cover_commercial=Decimal("85"), made_by=underwriter)
    policy = _reload(policy)
    assert policy.terms_on(JUNE_30).percentage_of_cover_commercial == Decimal("90")  # example 14
    assert policy.terms_on(JULY_1).percentage_of_cover_commercial == Decimal("85")
    assert policy.terms_on(policy.end_date).percentage_of_cover_commercial == Decimal("85")
    # The other terms carry over from the version in force.
    assert policy.terms_on(JULY_1).max_credit_period_days == policy.terms_on(JUNE_30).max_credit_period_days
    assert (version.reason, version.made_by) == ("Market change", underwriter)


def test_endorsements_stack_and_each_reads_its_own_days(policy):
    _endorse(policy, date(2026, 4, 1), premium_rate_percent=Decimal("0.30"))
    _endorse(policy, JULY_1, percentage_of_cover_commercial=Decimal("85"))
    policy = _reload(policy)
    march, may, august = (policy.terms_on(date(2026, m, 15)) for m in (3, 5, 8))
    assert [t.premium_rate_percent for t in (march, may, august)] == [Decimal("0.25"), Decimal("0.30"),
                                                                     Decimal("0.30")]
    assert [t.percentage_of_cover_commercial for t in (march, may, august)] == [Decimal("90")] * 2 + [Decimal("85")]


@pytest.mark.parametrize("day,field", [
    (date(2026, 1, 1), "effective_from"),  # the start: the terms at issue are that day's
    (date(2025, 12, 31), "effective_from"),
    (date(2027, 1, 1), "effective_from"),  # after the period
])
def test_an_endorsement_takes_effect_within_the_period(policy, day, field):
    with pytest.raises(DomainError) as refused:
        _endorse(policy, day, percentage_of_cover_commercial=Decimal("85"))
    assert refused.value.field == field
    with scopes_disabled():
        assert policy.terms_versions.count() == 1


def test_an_endorsement_comes_after_the_last_one(policy):
    _endorse(policy, JULY_1, percentage_of_cover_commercial=Decimal("85"))
    for day in (JUNE_30, JULY_1):
        with pytest.raises(DomainError) as refused:
            _endorse(policy, day, percentage_of_cover_commercial=Decimal("80"))
        assert refused.value.field == "effective_from"
    _endorse(policy, date(2026, 7, 2), percentage_of_cover_commercial=Decimal("80"))


def test_an_endorsement_never_reaches_an_invoice_already_notified(tenant, policy):
    buyer = make_buyer()
    declare(tenant, policy, buyer, [invoice("A", shipped=date(2026, 3, 1), amount="10000"),
                                    invoice("B", shipped=date(2026, 6, 10), amount="5000")],
            notified_on=date(2026, 6, 20))
    with scopes_disabled():
        assert earliest_endorsement_date(policy=policy) == date(2026, 6, 11)
    with pytest.raises(DomainError) as refused:
        _endorse(policy, date(2026, 6, 10), percentage_of_cover_commercial=Decimal("85"))
    assert refused.value.field == "effective_from"
    _endorse(policy, date(2026, 6, 11), percentage_of_cover_commercial=Decimal("85"))


def test_a_draft_overdue_does_not_hold_an_endorsement_back(tenant, policy):
    from claims.overdues import services as overdue_services

    with tenant_scope(tenant):
        overdue_services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=make_buyer(),
                                         invoices=[invoice("A", shipped=date(2026, 8, 1), amount="100")],
                                         draft=True)
    _endorse(policy, JULY_1, percentage_of_cover_commercial=Decimal("85"))


@pytest.mark.parametrize("changes,reason,field", [
    ({}, "No change", None),
    ({"percentage_of_cover_commercial": Decimal("90")}, "Same value", None),
    ({"percentage_of_cover_commercial": Decimal("85")}, "  ", "reason"),
    ({"currency": "USD"}, "Not a term", "currency"),
    ({"percentage_of_cover_commercial": Decimal("101")}, "Out of range", "percentage_of_cover_commercial"),
    ({"waiting_period_days": 300}, "Past the filing deadline", "waiting_period_days"),
])
def test_a_bad_endorsement_is_refused_and_writes_nothing(policy, changes, reason, field):
    with pytest.raises(DomainError) as refused:
        _endorse(policy, reason=reason, **changes)
    assert refused.value.field == field
    with scopes_disabled():
        assert policy.terms_versions.count() == 1


def test_the_admin_endorses_and_shows_every_version(client_of_underwriter, underwriter, tenant):
    policy = PolicyFactory(tenant=tenant)
    url = f"/admin/policies/policy/{policy.pk}/endorse/"
    terms_form = {k: v for k, v in admin_policy_form(tenant).items()
                  if k not in {"tenant", "number", "status", "start_date", "end_date", "currency"}}
    page = client_of_underwriter.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["effective_from"] == date(2026, 1, 2)
    response = client_of_underwriter.post(url, terms_form | {
        "effective_from": "2026-07-01", "reason": "Sector downturn", "percentage_of_cover_commercial": "85"})
    assert response.status_code == 302, response.context["form"].errors
    with scopes_disabled():
        version = TermsVersion.objects.get(policy=policy, effective_from=JULY_1)
    assert (version.percentage_of_cover_commercial, version.made_by) == (Decimal("85"), underwriter)
    change_page = client_of_underwriter.get(f"/admin/policies/policy/{policy.pk}/change/").content.decode()
    assert "Sector downturn" in change_page
    # A refusal is a form error on its field, nothing saved.
    refused = client_of_underwriter.post(url, terms_form | {
        "effective_from": "2026-06-01", "reason": "Too early", "percentage_of_cover_commercial": "80"})
    assert "effective_from" in refused.context["form"].errors
    with scopes_disabled():
        assert policy.terms_versions.count() == 2


def test_only_an_underwriter_endorses(client, claims_handler, user, tenant, policy):
    from tests.factories import logged_in

    url = f"/admin/policies/policy/{policy.pk}/endorse/"
    assert logged_in(claims_handler).get(url).status_code == 403
    assert logged_in(user).get(url).status_code == 302  # a tenant user is not staff: to the admin login
    assert client.get(url).status_code == 302


def test_the_admin_issues_a_policy_with_its_terms(client_of_underwriter, tenant):
    response = client_of_underwriter.post("/admin/policies/policy/add/", admin_policy_form(
        tenant, number="P-ISSUE", aggregate_first_loss_amount="10000", percentage_of_cover_commercial="85"))
    assert response.status_code == 302
    with scopes_disabled():
        policy = Policy.objects.get(number="P-ISSUE")
        [version] = policy.terms_versions.all()
    assert version.effective_from == policy.start_date
    assert (version.percentage_of_cover_commercial, version.aggregate_first_loss_amount) == (Decimal("85"),
                                                                                         Decimal("10000"))


def test_the_insured_reads_every_version_and_the_outsider_none(api_client, api_client_of_outsider, client_of_user,
                                                               policy):
    _endorse(policy, JULY_1, reason="Sector downturn", percentage_of_cover_commercial=Decimal("85"))
    body = api_client.get(f"/api/v1/policies/{policy.pk}/").json()
    assert [(v["effective_from"], v["terms"]["percentage_of_cover_commercial"]) for v in body["terms_versions"]] == [
        ("2026-01-01", "90.00"), ("2026-07-01", "85.00")]
    assert body["terms_versions"][1]["reason"] == "Sector downturn"
    assert api_client_of_outsider.get(f"/api/v1/policies/{policy.pk}/").status_code == 404
    page = client_of_user.get(f"/policies/{policy.pk}/").content.decode()
    assert "Sector downturn" in page


def test_an_endorsement_tells_the_insured_once_in_its_language_and_no_one_else(tenant, other_tenant, policy):
    from django.utils import translation

    from core.models import Notification, WebhookDelivery, WebhookEndpoint

    with scopes_disabled():
        hook = WebhookEndpoint.objects.create(tenant=tenant, url="https://hooks.example/kredo",
                                              events=["policy.endorsed"], secret="whsec_" + "a" * 32)
        WebhookEndpoint.objects.create(tenant=other_tenant, url="https://hooks.example/other",
                                       events=["policy.endorsed"], secret="whsec_" + "b" * 32)
    version = _endorse(policy, JULY_1, reason="Sector downturn", percentage_of_cover_commercial=Decimal("85"),
                       premium_rate_percent=Decimal("0.30"))
    with scopes_disabled():
        (notice,) = Notification.objects.filter(event="policy.endorsed")
        (delivery,) = WebhookDelivery.objects.filter(event="policy.endorsed")
    assert notice.tenant_id == tenant.pk and delivery.endpoint_id == hook.pk
    assert delivery.payload["changed_terms"] == ["percentage_of_cover_commercial", "premium_rate_percent"]
    assert delivery.payload["version_id"] == version.pk
    with translation.override("es"):
        assert "2026" in notice.subject and "póliza" in notice.subject.lower()
