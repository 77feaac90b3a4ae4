"""A buyer merge moves every row that names the merged-away buyer, from each app, in one transaction.

Limits, cover stops, overdues, claims (and through them collection cases and recoveries), identifiers and
grade history end up on the survivor; each insured's rows stay that insured's. The merge is refused, with
nothing moved, where the survivor would hold two current limits or two open overdues on one policy
(domain.md, Credit limits). The underwriter merges in the admin (unscoped); one test merges inside a
tenant's scope to show the other insureds' rows move all the same.
"""

from datetime import date

import pytest
from django_scopes import scopes_disabled

from accounts.roles import FINANCE
from buyers import services
from buyers.models import Buyer, BuyerGrade
from claims.claims.calculation import calculate_claim
from claims.claims.models import Claim
from claims.overdues import services as overdue_services
from claims.overdues.models import Overdue
from core.exceptions import DomainError
from core.tenancy import tenant_scope
from limits.models import CoverStop, CreditLimit, LimitDecision
from limits.selectors import cover_in_force
from recoveries import services as recoveries
from recoveries.models import CollectionCase
from tests.buyer_factories import BuyerFactory
from tests.claim_helpers import approve_limit, complete_claim, late_payer
from tests.factories import PolicyFactory, eur, member
from tests.limit_factories import make_limit
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

SHIPPED = date(2026, 2, 1)


@pytest.fixture
def duplicate(db):
    """The second entry of the buyer that stays (`survivor`): the one merged away."""
    return late_payer("Late Payer SpA (duplicate)")


@pytest.fixture
def survivor(db):
    return BuyerFactory(legal_name="Late Payer S.p.A.", country="IT", grade=5)


@pytest.fixture
def outsider_policy(other_tenant):
    return PolicyFactory(tenant=other_tenant, number="KR-OUT-001")


def overdue_on(tenant, policy, buyer, number="F-1", amount=10_000):
    return declare(tenant, policy, buyer, [invoice(number, shipped=SHIPPED, amount=amount)])


# --- limits and cover stops (limits/receivers.py) ---------------------------------------------


def test_limits_decisions_and_cover_stops_move_each_staying_its_insureds(
        tenant, policy, outsider_policy, duplicate, survivor, underwriter):
    ours = approve_limit(tenant=tenant, policy=policy, buyer=duplicate, amount=15_000, underwriter=underwriter)
    theirs = make_limit(outsider_policy, duplicate, amount=8_000)
    overdue = overdue_on(tenant, policy, duplicate)

    services.merge_buyers(source=duplicate, target=survivor, merged_by=underwriter)

    assert {(row.pk, row.tenant_id) for row in CreditLimit.objects.filter(buyer=survivor)} == {
        (ours.pk, tenant.pk), (theirs.pk, outsider_policy.tenant_id)}
    assert not CreditLimit.objects.filter(buyer=duplicate).exists()
    assert set(LimitDecision.objects.filter(limit=ours).values_list("buyer_id", flat=True)) == {survivor.pk}
    stop = CoverStop.objects.get(pk=overdue.cover_stop_id)
    assert (stop.buyer_id, stop.tenant_id) == (survivor.pk, tenant.pk)
    assert CreditLimit.history.filter(id=ours.pk).first().history_change_reason == "buyer merged"


def test_two_current_limits_on_one_policy_refuse_the_merge_and_move_nothing(
        tenant, policy, duplicate, survivor, underwriter):
    mine = make_limit(policy, duplicate, amount=10_000)
    kept = make_limit(policy, survivor, amount=20_000)
    elsewhere = overdue_on(tenant, PolicyFactory(tenant=tenant), duplicate)

    with pytest.raises(DomainError) as refused:
        services.merge_buyers(source=duplicate, target=survivor, merged_by=underwriter)

    assert "same policy" in refused.value.message
    duplicate.refresh_from_db()
    assert duplicate.status != Buyer.Status.MERGED
    assert CreditLimit.objects.get(pk=mine.pk).buyer_id == duplicate.pk
    assert CreditLimit.objects.get(pk=kept.pk).buyer_id == survivor.pk
    assert Overdue.objects.get(pk=elsewhere.pk).buyer_id == duplicate.pk


# --- overdues (claims/overdues/receivers.py) --------------------------------------------------


def test_overdues_move_and_the_one_open_overdue_rule_holds_on_the_survivor(
        tenant, policy, outsider_policy, other_tenant, duplicate, survivor, underwriter):
    approve_limit(tenant=tenant, policy=policy, buyer=survivor, amount=20_000, underwriter=underwriter)
    ours = overdue_on(tenant, policy, duplicate)
    theirs = overdue_on(other_tenant, outsider_policy, duplicate)

    services.merge_buyers(source=duplicate, target=survivor)

    assert {(row.pk, row.tenant_id) for row in Overdue.objects.filter(buyer=survivor)} == {
        (ours.pk, tenant.pk), (theirs.pk, other_tenant.pk)}
    with tenant_scope(tenant), pytest.raises(DomainError) as refused:
        overdue_services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=survivor,
                                         invoices=[invoice("F-2", shipped=SHIPPED, amount=500)],
                                         notified_on=date(2026, 5, 1))
    assert refused.value.message == "An overdue on this buyer is already open: add the invoices to it."
    # Cover on the survivor stops from the merged-away buyer's notification (2 May 2026).
    with tenant_scope(tenant):
        assert cover_in_force(policy=policy, buyer=survivor, on=date(2026, 5, 1)).amount == eur(20_000)
        assert cover_in_force(policy=policy, buyer=survivor, on=date(2026, 5, 2)).amount == eur(0)


@pytest.mark.parametrize("draft", [False, True])
def test_two_open_overdues_on_one_policy_refuse_the_merge_and_move_nothing(
        tenant, policy, duplicate, survivor, underwriter, draft):
    limit = make_limit(policy, duplicate, amount=10_000)
    mine = overdue_on(tenant, policy, duplicate)
    with tenant_scope(tenant):
        kept = overdue_services.declare_overdue(
            tenant=tenant, notified_by=None, policy=policy, buyer=survivor, draft=draft,
            invoices=[invoice("G-1", shipped=SHIPPED, amount=2_000)], notified_on=date(2026, 5, 1))

    with pytest.raises(DomainError) as refused:
        services.merge_buyers(source=duplicate, target=survivor, merged_by=underwriter)

    assert refused.value.message == ("Both buyers have an open overdue on the same policy: clear or discard one of "
                                     "them first.")
    assert Overdue.objects.get(pk=mine.pk).buyer_id == duplicate.pk
    assert Overdue.objects.get(pk=kept.pk).buyer_id == survivor.pk
    # The limit receiver ran first and moved its rows: the refusal undid that too.
    assert CreditLimit.objects.get(pk=limit.pk).buyer_id == duplicate.pk
    assert Buyer.objects.get(pk=duplicate.pk).status != Buyer.Status.MERGED


def test_open_overdues_on_different_policies_do_not_clash(tenant, policy, duplicate, survivor):
    overdue_on(tenant, policy, duplicate)
    other = overdue_on(tenant, PolicyFactory(tenant=tenant), survivor)
    services.merge_buyers(source=duplicate, target=survivor)
    assert Overdue.objects.filter(buyer=survivor).count() == 2
    assert Overdue.objects.get(pk=other.pk).buyer_id == survivor.pk


# --- claims (claims/claims/receivers.py) and what hangs off them ------------------------------


def test_a_claim_on_the_merged_away_buyer_still_calculates_its_indemnity_on_the_survivor(
        tenant, policy, finance, claims_handler, underwriter, duplicate, survivor):
    approve_limit(tenant=tenant, policy=policy, buyer=duplicate, amount=50_000, underwriter=underwriter)
    claim = complete_claim(tenant=tenant, overdue=overdue_on(tenant, policy, duplicate), finance=finance,
                           handler=claims_handler)
    assert calculate_claim(claim=claim).indemnity == eur("9000.00")  # example 1

    services.merge_buyers(source=duplicate, target=survivor, merged_by=underwriter)

    claim = Claim.objects.get(pk=claim.pk)
    assert claim.buyer_id == survivor.pk and claim.overdue.buyer_id == survivor.pk
    assert calculate_claim(claim=claim).indemnity == eur("9000.00")
    assert calculate_claim(claim=claim).covered_loss == eur("10000.00")


def test_an_outsiders_claim_moves_and_stays_theirs(other_tenant, outsider_policy, duplicate, survivor, underwriter,
                                                  claims_handler):
    finance = member(other_tenant, [FINANCE])
    approve_limit(tenant=other_tenant, policy=outsider_policy, buyer=duplicate, amount=50_000, underwriter=underwriter)
    claim = complete_claim(tenant=other_tenant, overdue=overdue_on(other_tenant, outsider_policy, duplicate),
                           finance=finance, handler=claims_handler)
    services.merge_buyers(source=duplicate, target=survivor)
    claim = Claim.objects.get(pk=claim.pk)
    assert (claim.buyer_id, claim.tenant_id) == (survivor.pk, other_tenant.pk)
    with tenant_scope(other_tenant):
        assert Claim.objects.filter(buyer=survivor).count() == 1


def test_collection_cases_and_recoveries_follow_their_overdue_and_claim(
        tenant, policy, finance, claims_handler, underwriter, duplicate, survivor):
    approve_limit(tenant=tenant, policy=policy, buyer=duplicate, amount=50_000, underwriter=underwriter)
    claim = complete_claim(tenant=tenant, overdue=overdue_on(tenant, policy, duplicate), finance=finance,
                           handler=claims_handler)
    case = recoveries.open_collection_case(overdue=claim.overdue, claim=claim, agency="Recupero Srl")

    services.merge_buyers(source=duplicate, target=survivor)

    # Collection cases and recoveries name the buyer only through their overdue and claim, which moved.
    assert list(CollectionCase.objects.filter(overdue__buyer=survivor)) == [case]
    assert list(CollectionCase.objects.filter(claim__buyer=survivor)) == [case]


# --- the registry itself, and the tenant's scope -----------------------------------------------


def test_grade_history_moves(duplicate, survivor):
    services.grade_buyer(buyer=duplicate, grade=6, reason="late payments", graded_on=date(2026, 3, 1))
    services.merge_buyers(source=duplicate, target=survivor)
    assert list(BuyerGrade.objects.filter(buyer=survivor).values_list("grade", "reason")) == [(6, "late payments")]


def test_a_merge_inside_one_tenants_scope_still_moves_every_insureds_rows(
        tenant, policy, other_tenant, outsider_policy, duplicate, survivor):
    ours = make_limit(policy, duplicate, amount=10_000)
    theirs_limit = make_limit(outsider_policy, duplicate, amount=10_000)
    theirs_overdue = overdue_on(other_tenant, outsider_policy, duplicate)

    with tenant_scope(tenant):
        services.merge_buyers(source=duplicate, target=survivor)

    with scopes_disabled():
        assert CreditLimit.objects.get(pk=ours.pk).buyer_id == survivor.pk
        assert CreditLimit.objects.get(pk=theirs_limit.pk).buyer_id == survivor.pk
        assert Overdue.objects.get(pk=theirs_overdue.pk).buyer_id == survivor.pk
        assert Overdue.objects.get(pk=theirs_overdue.pk).tenant_id == other_tenant.pk
        # Moved, and still the other insured's: the merge changes the buyer, never whose row it is.
        assert CreditLimit.objects.get(pk=theirs_limit.pk).tenant_id == other_tenant.pk


def test_the_admin_shows_the_refusal_and_moves_nothing(client_of_underwriter, tenant, policy, duplicate, survivor):
    mine = overdue_on(tenant, policy, duplicate)
    kept = overdue_on(tenant, policy, survivor, number="G-1")
    response = client_of_underwriter.post("/admin/buyers/buyer/", {
        "action": "merge_action", "_selected_action": [duplicate.pk], "apply": "1", "target": survivor.pk},
        follow=True)
    assert ("Both buyers have an open overdue on the same policy: clear or discard one of them first."
            in response.content.decode())
    assert Overdue.objects.get(pk=mine.pk).buyer_id == duplicate.pk
    assert Overdue.objects.get(pk=kept.pk).buyer_id == survivor.pk
    assert Buyer.objects.get(pk=duplicate.pk).status != Buyer.Status.MERGED
