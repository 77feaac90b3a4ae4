"""One current limit per (policy, buyer) holds under concurrent requests (PostgreSQL only:
SQLite serialises writers, so the race cannot happen there)."""

from datetime import date

import pytest
from django.db import connection
from moneyed import Money

from buyers.models import Buyer
from limits import services
from limits.models import CreditLimit
from tests.concurrency import race
from tests.factories import PolicyFactory

pytestmark = [
    pytest.mark.unscoped,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"),
]


@pytest.mark.parametrize("discretionary", [False, True])
def test_concurrent_requests_on_one_buyer_create_one_limit(tenant, discretionary):
    policy = PolicyFactory(tenant=tenant, start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
    buyer = Buyer.objects.create(legal_name="Race Condition GmbH", country="DE", registration_number="HRB1",
                                 grade=7 if not discretionary else 3, status="confirmed")

    def attempt(i):
        if discretionary:
            services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=buyer,
                                             amount=Money(1000 + i, "EUR"), terms_days=30, today=date(2026, 2, 1))
        else:
            services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                   amount=Money(60000 + i, "EUR"), terms_days=30, today=date(2026, 2, 1))

    assert race(4, attempt) == ["done", "refused", "refused", "refused"]
    assert CreditLimit.objects.filter(policy=policy, buyer=buyer).count() == 1


def test_the_outsiders_request_on_the_same_buyer_is_its_own(tenant, other_tenant):
    # One current limit per policy and buyer: another insured asking for the same buyer at the same moment
    # gets its own limit, and takes nothing from this insured's.
    policies = [PolicyFactory(tenant=owner, start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
                for owner in (tenant, other_tenant)]
    buyer = Buyer.objects.create(legal_name="Shared Buyer GmbH", country="DE", registration_number="HRB2",
                                 grade=7, status="confirmed")

    def attempt(i):
        policy = policies[i % 2]
        services.request_limit(tenant=policy.tenant, requested_by=None, policy=policy, buyer=buyer,
                               amount=Money(60000 + i, "EUR"), terms_days=30, today=date(2026, 2, 1))

    assert race(4, attempt) == ["done", "done", "refused", "refused"]
    assert [CreditLimit.objects.filter(policy=p, buyer=buyer).count() for p in policies] == [1, 1]


def test_decisions_on_one_buyer_at_once_all_count_in_the_exposure_summary(tenant):
    # Each decision adds to the same (tenant, buyer, currency) row: UPDATE amount = amount + delta under the
    # row's lock (the upsert), never a read-then-write that would lose one of them.
    from limits import exposure_summary
    from limits.models import LimitDecision

    policies = [PolicyFactory(tenant=tenant, number=f"KR-RACE-{n}", start_date=date(2026, 1, 1),
                              end_date=date(2026, 12, 31)) for n in range(4)]
    buyer = Buyer.objects.create(legal_name="Busy Buyer GmbH", country="DE", registration_number="HRB3", grade=7,
                                 status="confirmed")
    pending = [services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                      amount=Money(60000 + n, "EUR"), terms_days=30, today=date(2026, 2, 1)).limit
               for n, policy in enumerate(policies)]

    def attempt(i):
        services.decide_limit(limit=pending[i], decided_by=None, kind=LimitDecision.Kind.APPROVED,
                              effective_date=date(2026, 2, 1))

    assert race(4, attempt) == ["done"] * 4
    stored = exposure_summary.stored()
    assert stored[(tenant.pk, buyer.pk, "EUR")][:2] == (sum(60000 + n for n in range(4)), 4)
    assert stored == exposure_summary.recomputed()
