"""Recoveries: examples 8 and 9 through the services, the sharing rule, a ledger that always balances."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moneyed import Money

from claims.claims import services as claims
from claims.claims.models import Claim
from core.exceptions import DomainError
from recoveries import services
from recoveries.ledger import build_ledger
from recoveries.models import CollectionCase, Recovery
from recoveries.sharing import INSURER_FIRST, PRO_RATA, split_net_recovery
from tests.claim_helpers import complete_claim_on, paid_claim
from tests.factories import eur

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]
TODAY = date.today()


# Example 8, through the services and the ledger.

@pytest.mark.parametrize("rule,recovered,insurer,insured", [
    ("pro_rata", 5_000, "4500.00", "500.00"),
    ("insurer_first", 5_000, "5000.00", "0.00"),
    ("insurer_first", 9_500, "9000.00", "500.00"),
])
def test_example_8_sharing_after_payment(tenant, finance, claims_handler, underwriter, rule, recovered, insurer,
                                         insured):
    claim = paid_claim(tenant, finance, claims_handler, underwriter, rule=rule)
    assert claim.paid_amount == Decimal("9000.00")
    services.record_recovery(claim=claim, amount=eur(recovered), received_on=TODAY,
                             source=Recovery.Source.LIQUIDATOR, recorded_by=claims_handler)
    ledger = build_ledger(claim=claim)
    assert (ledger.split.insurer, ledger.split.insured) == (eur(insurer), eur(insured))
    # The insurer holds the money: it owes the insured its share until paid out.
    assert ledger.insurer_owes_insured == eur(insured) and ledger.insured_owes_insurer == eur(0)
    assert ledger.insurer_net_cost == eur(9_000) - eur(insurer)


def test_collection_costs_are_borne_in_the_same_proportion(tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    services.record_recovery(claim=claim, amount=eur(5_000), received_on=TODAY, source=Recovery.Source.BUYER)
    services.record_collection_cost(claim=claim, amount=eur(1_000), incurred_on=TODAY, kind="legal_fees")
    split = build_ledger(claim=claim).split
    assert (split.net_recovery, split.insurer, split.insured) == (eur(4_000), eur(3_600), eur(400))


def test_money_the_insured_received_directly_is_owed_until_settled(tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    services.declare_direct_receipt(tenant=tenant, claim=claim, amount=eur(5_000), received_on=TODAY,
                                    declared_by=finance)
    assert build_ledger(claim=claim).insured_owes_insurer == eur(4_500)
    with pytest.raises(DomainError, match="Only €4,500.00"):
        services.record_settlement(claim=claim, amount=eur(5_000), settled_on=TODAY, to_insurer=True)
    services.record_settlement(claim=claim, amount=eur(4_500), settled_on=TODAY, to_insurer=True)
    ledger = build_ledger(claim=claim)
    assert ledger.insured_owes_insurer == ledger.insurer_owes_insured == eur(0)


def test_outsider_cannot_declare_on_the_tenants_claim(tenant, other_tenant, outsider, finance, claims_handler,
                                                      underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    with pytest.raises(DomainError, match="Unknown claim"):
        services.declare_direct_receipt(tenant=other_tenant, claim=claim, amount=eur(10), received_on=TODAY,
                                        declared_by=outsider)
    assert not Recovery.objects.exists()


# Example 9, and a recovery that clears the debt.

def test_example_9_recovery_before_payment_reduces_the_indemnity(tenant, policy, finance, claims_handler,
                                                                 underwriter):
    claim = complete_claim_on(tenant, policy, finance, claims_handler, underwriter)
    claim = claims.approve_claim(claim=claim, approved_by=claims_handler)
    services.record_recovery(claim=claim, amount=eur(4_000), received_on=TODAY, source=Recovery.Source.BUYER)
    claim.refresh_from_db()
    # The approval is undone: the handler approves the new indemnity.
    assert claim.state == Claim.State.COMPLETE and claim.calculated_indemnity == Decimal("5400.00")
    assert claims.approve_claim(claim=claim, approved_by=claims_handler).approved_indemnity == Decimal("5400.00")
    ledger = build_ledger(claim=claim)
    assert ledger.recovered_before_payment == eur(4_000) and ledger.split.net_recovery == eur(0)


def test_recovery_clearing_the_debt_withdraws_the_claim(tenant, policy, finance, claims_handler, underwriter):
    claim = complete_claim_on(tenant, policy, finance, claims_handler, underwriter)
    services.record_recovery(claim=claim, amount=eur(10_000), received_on=TODAY, source=Recovery.Source.BUYER)
    claim.refresh_from_db()
    assert claim.state == Claim.State.WITHDRAWN


@pytest.mark.parametrize("kwargs,field", [
    ({"amount": eur(-5)}, "amount"),
    ({"amount": Money(5, "USD")}, "amount"),
    ({"received_on": TODAY + timedelta(days=1)}, "received_on"),
    ({"source": "friend"}, "source"),
])
def test_bad_recoveries_are_refused_and_nothing_is_written(tenant, finance, claims_handler, underwriter, kwargs,
                                                           field):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    args = {"claim": claim, "amount": eur(100), "received_on": TODAY, "source": "buyer"} | kwargs
    with pytest.raises(DomainError) as err:
        services.record_recovery(**args)
    assert err.value.field == field
    assert not Recovery.objects.exists()


def test_collection_case_status_is_recorded_with_history(tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    case = services.open_collection_case(overdue=claim.overdue, claim=claim, agency="Cobros Madrid SL")
    with pytest.raises(DomainError, match="already in collection"):
        services.open_collection_case(overdue=claim.overdue)
    services.update_collection_status(case=case, status=CollectionCase.Status.PAYMENT_PLAN, note="12 instalments")
    case = services.update_collection_status(case=case, status=CollectionCase.Status.CLOSED, note="paid in full")
    assert case.closed_on == date.today()
    assert [h.status for h in case.history.order_by("history_date")] == ["in_collection", "payment_plan", "closed"]


# The split is one pure function; the ledger balances for any recoveries and costs.

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(recovered=amounts, costs=amounts, paid=amounts,
       pct=st.decimals(min_value=0, max_value=100, places=2), rule=st.sampled_from([PRO_RATA, INSURER_FIRST]))
def test_split_always_balances_and_no_share_is_negative(recovered, costs, paid, pct, rule):
    split = split_net_recovery(recovered=eur(recovered), costs=eur(costs), indemnity_paid=eur(paid),
                               percentage_of_cover=pct, rule=rule)
    assert split.insurer + split.insured == split.net_recovery == max(eur(recovered - costs), eur(0))
    assert split.insurer >= eur(0) and split.insured >= eur(0)
    assert split.insurer <= eur(paid)


# The fixture's claims are reused across examples; each example clears their rows first.
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["buyer", "insured_direct", "cost"]),
                               st.decimals(min_value="0.01", max_value=20_000, places=2)), max_size=6),
       rule=st.sampled_from([PRO_RATA, INSURER_FIRST]))
def test_ledger_balances_for_any_recoveries_and_costs(paid_claims, rows, rule):
    claim = paid_claims[rule]
    Recovery.objects.filter(claim=claim).delete()
    claim.collection_costs.all().delete()
    for kind, amount in rows:
        if kind == "cost":
            services.record_collection_cost(claim=claim, amount=eur(amount), incurred_on=TODAY, kind="other")
        else:
            services.record_recovery(claim=claim, amount=eur(amount), received_on=TODAY, source=kind)
    ledger = build_ledger(claim=claim)
    split = ledger.split
    assert split.insurer + split.insured == split.net_recovery
    assert min(split.insurer, split.insured, ledger.insured_owes_insurer, ledger.insurer_owes_insured) >= eur(0)
    if split.net_recovery.amount > 0:
        # What each holds, plus what it is owed, minus what it owes, is its share.
        insurer_holds = ledger.recovered_by_insurer - ledger.costs
        insured_holds = ledger.received_by_insured
        assert insurer_holds - ledger.insurer_owes_insured + ledger.insured_owes_insurer == split.insurer
        assert insured_holds - ledger.insured_owes_insurer + ledger.insurer_owes_insured == split.insured


@pytest.fixture
def paid_claims(tenant, finance, claims_handler, underwriter):
    return {rule: paid_claim(tenant, finance, claims_handler, underwriter, rule=rule)
            for rule in (PRO_RATA, INSURER_FIRST)}


def test_a_collection_case_on_a_claimed_overdue_follows_its_live_claim(tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    case = services.open_collection_case(overdue=claim.overdue, agency="Cobros Madrid SL")
    assert case.claim_id == claim.pk
