"""Proposal → quote → accept → issued policy (issue 10, item 2): the services, every refusal, the schedule PDF."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN
from core.exceptions import DomainError
from core.models import Notification, WebhookDelivery, WebhookEndpoint
from core.tenancy import tenant_scope
from policies.models import Policy
from policies.proposals import schedule, services
from policies.proposals.models import Proposal, Quote
from policies.proposals.selectors import quote_actions
from policies.proposals.services import BuyerLine, LossLine
from tests.factories import member
from tests.proposal_helpers import offered_quote, pdf_text, proposal_rows, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(tenant):
    return member(tenant, [TENANT_ADMIN])


def test_a_tenant_without_a_policy_proposes_with_its_rows(tenant, admin_user, buyer):
    with scopes_disabled():
        assert not Policy.objects.filter(tenant=tenant).exists()
    proposal = submit(tenant, admin_user, buyer=buyer)
    with scopes_disabled():
        proposal = Proposal.objects.get(pk=proposal.pk)
        assert proposal.state == Proposal.State.SUBMITTED
        assert sorted(t.country.code for t in proposal.turnovers.all()) == ["FR", "IT"]
        registry, new = proposal.buyers.order_by("pk")
        # A registry buyer's name and country are copied from the registry.
        assert (registry.registry_buyer_id, registry.legal_name, registry.country.code) == (
            buyer.pk, "Late Payer S.p.A.", "IT")
        assert (new.registry_buyer_id, new.legal_name) == (None, "Nuevo Cliente S.A.")
        assert proposal.loss_years.count() == 3


@pytest.mark.parametrize("change, path", [
    ({"losses": []}, "loss_years"),
    ({"turnovers": []}, "turnovers"),
    ({"buyers": [BuyerLine(requested_amount=Decimal("10"))]}, "buyers[0].legal_name"),
    ({"buyers": [BuyerLine(registry_buyer_id=999999, requested_amount=Decimal("10"))]}, "buyers[0].registry_buyer_id"),
])
def test_a_proposal_missing_rows_is_refused_on_the_row(tenant, admin_user, change, path):
    with pytest.raises(DomainError) as refused:
        submit(tenant, admin_user, **change)
    assert path in refused.value.fields
    with scopes_disabled():
        assert not Proposal.objects.exists()


def test_losses_without_a_count_and_years_twice_are_refused(tenant, admin_user):
    year = date.today().year
    losses = [LossLine(year=year - 1, turnover=Decimal("1"), losses_count=0, losses_amount=Decimal("500")),
              LossLine(year=year - 1, turnover=Decimal("1"), losses_count=0, losses_amount=Decimal("0")),
              LossLine(year=year - 2, turnover=Decimal("1"), losses_count=0, losses_amount=Decimal("0"))]
    with pytest.raises(DomainError) as refused:
        submit(tenant, admin_user, losses=losses)
    assert {"loss_years", "loss_years[0].losses_amount"} <= set(refused.value.fields)


def test_another_tenants_pending_buyer_is_no_registry_buyer_of_the_proposal(tenant, other_tenant, admin_user):
    from buyers.services import propose_buyer

    with tenant_scope(other_tenant):
        theirs = propose_buyer(tenant=other_tenant, legal_name="Secret Customer", country="DE",
                               registration_number="HRB 1")
    rows = proposal_rows()
    rows["buyers"] = [BuyerLine(registry_buyer_id=theirs.pk, requested_amount=Decimal("10"))]
    with pytest.raises(DomainError) as refused:
        submit(tenant, admin_user, **rows)
    assert "buyers[0].registry_buyer_id" in refused.value.fields


def test_the_whole_flow_issues_the_policy_with_the_quotes_terms(tenant, admin_user, underwriter, buyer):
    with scopes_disabled():
        WebhookEndpoint.objects.create(tenant=tenant, url="https://erp.example/kredo",
                                       events=["quote.offered", "policy.issued"])
    proposal = submit(tenant, admin_user, buyer=buyer)
    quote = offered_quote(proposal, underwriter, premium_rate_percent="0.31", minimum_premium_amount="7500",
                          excluded_countries=["RU"], credit_limit_fee_per_request_amount="150")
    with scopes_disabled():
        assert Proposal.objects.get(pk=proposal.pk).state == Proposal.State.QUOTED
        assert quote.terms["percentage_of_cover_commercial"] == "85.00"  # the proposal's wish, suggested
    with tenant_scope(tenant):
        assert quote_actions(quote=quote, user=admin_user).can_decide
        policy = services.accept_quote(quote=quote, accepted_by=admin_user)
    with scopes_disabled():
        policy = Policy.objects.get(pk=policy.pk)
        quote = Quote.objects.get(pk=quote.pk)
        [version] = policy.terms_versions.all()
        events = sorted(WebhookDelivery.objects.filter(tenant=tenant).values_list("event", flat=True))
        notices = set(Notification.objects.filter(tenant=tenant).values_list("event", flat=True))
        assert Proposal.objects.get(pk=proposal.pk).state == Proposal.State.ISSUED
    assert policy.status == Policy.Status.ACTIVE and policy.number == f"KR-ES-{quote.start_date.year}-001"
    assert (policy.start_date, policy.end_date, quote.policy_id, quote.state) == (
        quote.start_date, quote.end_date, policy.pk, Quote.State.ACCEPTED)
    assert version.effective_from == policy.start_date and version.made_by == admin_user
    assert (version.premium_rate_percent, version.minimum_premium_amount) == (Decimal("0.31"), Decimal("7500"))
    assert version.percentage_of_cover_commercial == Decimal("85") and version.max_credit_period_days == 90
    assert [c.code for c in version.excluded_countries] == ["RU"]
    assert events == ["policy.issued", "quote.offered"]
    assert {"quote.offered", "policy.issued"} <= notices


@pytest.mark.parametrize("language, words", [("es", ["Prima mínima", "7.500,00"]), ("zh-hans", ["最低保费", "7,500.00"]),
                                             ("en", ["Minimum premium", "7,500.00"])])
def test_the_schedule_pdf_lists_number_terms_and_buyers_in_the_readers_language(
        tenant, admin_user, underwriter, buyer, language, words):
    proposal = submit(tenant, admin_user, buyer=buyer)
    quote = offered_quote(proposal, underwriter, minimum_premium_amount="7500", excluded_countries=["RU"])
    with tenant_scope(tenant):
        policy = services.accept_quote(quote=quote, accepted_by=admin_user)
    with scopes_disabled():
        data = schedule.render_pdf(Policy.objects.get(pk=policy.pk), language=language)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert policy.number in text and "Late Payer S.p.A." in text
    for word in words:
        assert word in text, (word, text[:600])


def test_accepting_an_expired_quote_is_refused_and_issues_nothing(tenant, admin_user, underwriter, today):
    quote = offered_quote(submit(tenant, admin_user), underwriter, valid_days=3)
    today(date.today() + timedelta(days=4))
    with tenant_scope(tenant), pytest.raises(DomainError) as refused:
        services.accept_quote(quote=quote, accepted_by=admin_user)
    assert refused.value.code == "quote_expired"
    with scopes_disabled():
        assert Quote.objects.get(pk=quote.pk).state == Quote.State.OFFERED and not Policy.objects.exists()
        assert services.expire_quotes() == 1 and services.expire_quotes() == 0
        assert Quote.objects.get(pk=quote.pk).state == Quote.State.EXPIRED
        # The proposal goes back to the underwriter, who may quote again.
        assert Proposal.objects.get(pk=quote.proposal_id).state == Proposal.State.SUBMITTED


def test_declining_twice_is_refused(tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    with tenant_scope(tenant):
        services.decline_quote(quote=quote, declined_by=admin_user, reason="premium", note="Too dear")
        with pytest.raises(DomainError) as refused:
            services.decline_quote(quote=quote, declined_by=admin_user, reason="premium")
        with pytest.raises(DomainError):
            services.accept_quote(quote=quote, accepted_by=admin_user)
    assert refused.value.code == "invalid_state"
    with scopes_disabled():
        quote = Quote.objects.get(pk=quote.pk)
    assert (quote.state, quote.decline_reason, quote.decline_note) == ("declined", "premium", "Too dear")


def test_declining_without_a_reason_is_refused(tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    with tenant_scope(tenant), pytest.raises(DomainError) as refused:
        services.decline_quote(quote=quote, declined_by=admin_user, reason="")
    assert refused.value.field == "reason"


def test_only_a_tenant_admin_may_decide(tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    credit = member(tenant, [CREDIT_MANAGER])
    assert not quote_actions(quote=quote, user=credit).can_decide
    assert quote_actions(quote=quote, user=admin_user).can_decide


def test_a_quote_with_terms_out_of_range_is_refused_on_the_term(tenant, admin_user, underwriter):
    proposal = submit(tenant, admin_user)
    with scopes_disabled(), pytest.raises(DomainError) as refused:
        services.create_quote(proposal=proposal, made_by=underwriter, start_date=date.today(),
                              valid_until=date.today(), terms={"waiting_period_days": 300, "claim_filing_days": 200})
    assert "waiting_period_days" in refused.value.fields


def test_a_second_quote_waits_for_the_first_to_end(tenant, admin_user, underwriter):
    proposal = submit(tenant, admin_user)
    offered_quote(proposal, underwriter)
    with scopes_disabled(), pytest.raises(DomainError):
        services.create_quote(proposal=proposal, made_by=underwriter, start_date=date.today(),
                              valid_until=date.today())


def test_the_underwriter_issues_an_accepted_quote_only_once(tenant, admin_user, underwriter):
    quote = offered_quote(submit(tenant, admin_user), underwriter)
    with tenant_scope(tenant):
        services.accept_quote(quote=quote, accepted_by=admin_user)
    with scopes_disabled(), pytest.raises(DomainError):
        services.issue_policy_from_quote(quote=quote, issued_by=underwriter)


def test_policy_numbers_follow_on_across_insureds(tenant, other_tenant, admin_user, underwriter):
    from tests.factories import PolicyFactory

    start = date.today() + timedelta(days=10)
    PolicyFactory(tenant=other_tenant, number=f"KR-ES-{start.year}-001")
    quote = offered_quote(submit(tenant, admin_user), underwriter, start=start)
    with tenant_scope(tenant):
        policy = services.accept_quote(quote=quote, accepted_by=admin_user)
    assert policy.number == f"KR-ES-{start.year}-002"


@pytest.mark.unscoped
def test_the_daily_job_expires_lapsed_quotes_once(tenant, admin_user, underwriter, today):
    from policies.proposals.tasks import expire_quotes

    quote = offered_quote(submit(tenant, admin_user), underwriter, valid_days=1)
    today(date.today() + timedelta(days=2))
    assert expire_quotes() == {"expired": 1} and expire_quotes() == {"expired": 0}
    assert Quote.objects.get(pk=quote.pk).state == Quote.State.EXPIRED


def test_a_quote_is_accepted_on_its_last_valid_day_and_not_the_day_after(tenant, admin_user, underwriter, today):
    last_day = offered_quote(submit(tenant, admin_user), underwriter, valid_days=5)
    day_after = offered_quote(submit(tenant, admin_user), underwriter, valid_days=4)
    today(date.today() + timedelta(days=5))
    with tenant_scope(tenant):
        assert services.accept_quote(quote=last_day, accepted_by=admin_user).status == Policy.Status.ACTIVE
        with pytest.raises(DomainError):
            services.accept_quote(quote=day_after, accepted_by=admin_user)
