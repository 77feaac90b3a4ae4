"""One current limit per (policy, buyer) holds under concurrent requests (PostgreSQL only:
SQLite serialises writers, so the race cannot happen there)."""

import threading
from datetime import date

import pytest
from django.db import connection, connections
from django_scopes import scopes_disabled
from moneyed import Money

from buyers.models import Buyer
from core.exceptions import DomainError
from limits import services
from limits.models import CreditLimit
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
    barrier = threading.Barrier(4)
    outcomes = []

    def attempt(i):
        try:
            with scopes_disabled():
                barrier.wait()
                if discretionary:
                    services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=buyer,
                                                     amount=Money(1000 + i, "EUR"), terms_days=30, today=date(2026, 2, 1))
                else:
                    services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                           amount=Money(60000 + i, "EUR"), terms_days=30, today=date(2026, 2, 1))
                outcomes.append("created")
        except DomainError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["created", "refused", "refused", "refused"]
    assert CreditLimit.objects.filter(policy=policy, buyer=buyer).count() == 1
