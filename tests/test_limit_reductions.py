"""Reductions and withdrawals apply to shipments after notice (examples 5 and 11); cover stops stop new shipments.

Both read through cover_in_force, as a claim does.
"""

from datetime import date
from decimal import Decimal

import pytest

from core.exceptions import DomainError
from core.models import Notification
from core.tenancy import tenant_scope
from limits import services
from limits.models import CoverStop, CreditLimit, LimitDecision
from limits.selectors import cover_in_force
from tests.buyer_factories import make_buyer
from tests.factories import eur
from tests.limit_factories import approved_limit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

K = LimitDecision.Kind


@pytest.fixture
def buyer(db):
    return make_buyer(country="FR", grade=2)


# Reductions and withdrawals apply to shipments after notice (example 5, example 11)


def test_example_5_reduction_from_100k_to_40k_on_1_march(tenant, policy, underwriter):
    buyer = make_buyer(grade=5)
    limit = approved_limit(tenant, policy, buyer, 100_000, underwriter)
    services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(40_000), reason_codes=["buyer_grade"],
                          notified_on=date(2026, 2, 28), effective_date=date(2026, 3, 1))
    before = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 20))
    after = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 5))
    shipment = eur(80_000)
    assert (before.amount, before.percentage_of_cover) == (eur(100_000), Decimal("90"))
    assert min(shipment, before.amount) == eur(80_000)
    assert min(shipment, before.amount) * before.percentage_of_cover / 100 == eur(72_000)
    assert min(shipment, after.amount) == eur(40_000)
    assert min(shipment, after.amount) * after.percentage_of_cover / 100 == eur(36_000)


def test_example_11_reduction_effective_15_april(tenant, policy, underwriter):
    buyer = make_buyer(grade=5)
    limit = approved_limit(tenant, policy, buyer, 50_000, underwriter)
    services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(20_000), reason_codes=["buyer_grade"],
                          notified_on=date(2026, 4, 14), effective_date=date(2026, 4, 15))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 4, 10)).amount == eur(50_000)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 4, 14)).amount == eur(50_000)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 4, 15)).amount == eur(20_000)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 4, 20)).amount == eur(20_000)


def test_reduction_cannot_apply_to_shipments_before_notice(tenant, policy, buyer, underwriter):
    limit = approved_limit(tenant, policy, buyer, 50_000)
    with pytest.raises(DomainError) as err:
        services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(20_000), reason_codes=["buyer_grade"],
                              notified_on=date(2026, 4, 14), effective_date=date(2026, 4, 14))
    assert err.value.field == "effective_date"


def test_reduction_defaults_to_the_day_after_notice(tenant, policy, buyer, underwriter):
    limit = approved_limit(tenant, policy, buyer, 50_000)
    decision = services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(20_000),
                                     reason_codes=["buyer_grade"], notified_on=date(2026, 4, 14))
    assert decision.effective_date == date(2026, 4, 15)


@pytest.mark.parametrize("amount", [0, 50_000, 60_000])
def test_reduction_is_to_a_lower_positive_amount(tenant, policy, buyer, underwriter, amount):
    limit = approved_limit(tenant, policy, buyer, 50_000)
    with pytest.raises(DomainError):
        services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(amount), reason_codes=["buyer_grade"])


def test_withdrawal_keeps_earlier_shipments_covered(tenant, policy, buyer, underwriter):
    limit = approved_limit(tenant, policy, buyer, 50_000)
    services.withdraw_limit(limit=limit, decided_by=underwriter, reason_codes=["payment_behaviour"],
                            notified_on=date(2026, 5, 31))
    limit.refresh_from_db()
    assert limit.state == CreditLimit.State.WITHDRAWN
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 5, 31)).amount == eur(50_000)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 6, 1)).amount == eur(0)
    assert Notification.objects.filter(event="limit.withdrawn").count() == 1


def test_shipments_outside_the_policy_period_are_not_covered(tenant, policy, buyer):
    approved_limit(tenant, policy, buyer, 50_000)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2027, 1, 1)).amount == eur(0)


# Cover stops (set by overdues)


def test_cover_stop_stops_new_shipments_until_reinstated(tenant, policy, buyer):
    approved_limit(tenant, policy, buyer, 50_000)
    stop = services.stop_cover(tenant=tenant, policy=policy, buyer=buyer, stopped_from=date(2026, 3, 12),
                               reason=CoverStop.Reason.OVERDUE)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 11)).amount == eur(50_000)
    stopped = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 12))
    assert stopped.stopped and stopped.amount == eur(0)
    services.lift_cover_stop(stop=stop, lifted_on=date(2026, 4, 1))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 31)).stopped
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 4, 1)).amount == eur(50_000)


def test_a_reduction_leaves_another_insureds_limit_on_the_same_buyer_alone(tenant, policy, outsider_policy, buyer,
                                                                          underwriter):
    limit = approved_limit(tenant, policy, buyer, 100_000, underwriter)
    theirs = approved_limit(outsider_policy.tenant, outsider_policy, buyer, 100_000, underwriter)
    with tenant_scope(outsider_policy.tenant):
        their_decisions = CreditLimit.objects.get(pk=theirs.pk).decisions.count()
    services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(40_000), reason_codes=["buyer_grade"],
                          notified_on=date(2026, 2, 28), effective_date=date(2026, 3, 1))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 5)).amount == eur(40_000)
    with tenant_scope(outsider_policy.tenant):
        assert cover_in_force(policy=outsider_policy, buyer=buyer, on=date(2026, 3, 5)).amount == eur(100_000)
        assert CreditLimit.objects.get(pk=theirs.pk).decisions.count() == their_decisions
