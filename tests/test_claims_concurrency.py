"""One live claim per overdue and one open overdue per buyer hold under concurrent requests, and two handlers
paying one claim at once pay it once (PostgreSQL only: SQLite serialises writers, so no race happens there)."""

from datetime import date

import pytest
from django.db import connection
from moneyed import Money

from accounts.roles import FINANCE
from claims.claims import services as claims
from claims.claims.models import Cause, Claim
from claims.overdues import services as overdue_services
from claims.overdues.models import Overdue
from tests.claim_helpers import approve_limit, complete_claim, late_payer
from tests.concurrency import race
from tests.factories import member
from tests.overdue_factories import declare, invoice

pytestmark = [
    pytest.mark.unscoped,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"),
]


def test_concurrent_claims_on_one_overdue_file_one(tenant, policy, underwriter):
    finance = member(tenant, [FINANCE])
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, invoices=[invoice(shipped=date(2026, 2, 1),
                                                                                   amount=10_000)])
    window = claims.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
    outcomes = race(4, lambda i: claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue,
                                                   cause=Cause.PROTRACTED_DEFAULT, today=window.opens))
    assert outcomes == ["done", "refused", "refused", "refused"]
    assert Claim.objects.filter(overdue=overdue).count() == 1


def test_concurrent_overdues_on_one_buyer_open_one(tenant, policy):
    buyer = late_payer()
    outcomes = race(4, lambda i: overdue_services.declare_overdue(
        tenant=tenant, notified_by=None, policy=policy, buyer=buyer, notified_on=date(2026, 4, 20),
        invoices=[invoice(f"F-{i}", shipped=date(2026, 2, 1), amount=1_000)]))
    assert outcomes == ["done", "refused", "refused", "refused"]
    assert Overdue.objects.filter(policy=policy, buyer=buyer).count() == 1


def test_the_outsiders_overdue_on_the_same_buyer_is_its_own(tenant, policy, outsider_policy):
    # One open overdue per policy and buyer: another insured notifying the same buyer at the same moment is
    # neither refused nor counted against this insured.
    buyer = late_payer()
    sides = [(tenant, policy), (outsider_policy.tenant, outsider_policy)]
    outcomes = race(4, lambda i: overdue_services.declare_overdue(
        tenant=sides[i % 2][0], notified_by=None, policy=sides[i % 2][1], buyer=buyer, notified_on=date(2026, 4, 20),
        invoices=[invoice(f"F-{i}", shipped=date(2026, 2, 1), amount=1_000)]))
    assert outcomes == ["done", "done", "refused", "refused"]
    assert Overdue.objects.filter(policy=policy, buyer=buyer).count() == 1
    assert Overdue.objects.filter(policy=outsider_policy, buyer=buyer).count() == 1


def test_two_handlers_paying_at_once_pay_once(tenant, policy, underwriter, claims_handler):
    finance = member(tenant, [FINANCE])
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, invoices=[invoice(shipped=date(2026, 2, 1),
                                                                                   amount=10_000)])
    claim = claims.approve_claim(claim=complete_claim(tenant=tenant, overdue=overdue, finance=finance,
                                                      handler=claims_handler), approved_by=claims_handler)
    outcomes = race(3, lambda i: claims.record_claim_payment(claim=claim, amount=Money(9_000, "EUR"),
                                                             paid_on=date.today(), recorded_by=claims_handler,
                                                             reference=f"PAY-{i}"))
    assert outcomes == ["done", "refused", "refused"]
    assert Claim.objects.get(pk=claim.pk).transitions.filter(target="paid").count() == 1
