"""The daily limit review: expiries, review dates, grades of 8 or worse; idempotent and batched."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from moneyed import Money

from buyers.models import Buyer
from core.models import Notification
from limits.models import CreditLimit, LimitDecision
from limits.review import run_limit_review
from limits.selectors import cover_in_force
from limits.tasks import review_limits
from tests.factories import PolicyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

TODAY = date(2026, 6, 1)


def in_force(tenant, policy, *, grade=2, expiry=None, review=None, amount=10_000):
    n = Buyer.objects.count() + 1
    buyer = Buyer.objects.create(legal_name=f"Review buyer {n}", country="IT", registration_number=f"IT{n:08d}",
                                 grade=grade, status="confirmed")
    limit = CreditLimit.objects.create(
        tenant=tenant, policy=policy, buyer=buyer, state="in_force", currency="EUR", requested_amount=amount,
        requested_terms_days=60, decided_amount=amount, expiry_date=expiry, review_date=review,
    )
    LimitDecision.objects.create(tenant=tenant, limit=limit, policy=policy, buyer=buyer, kind="approved",
                                 amount=amount, currency="EUR", effective_date=date(2026, 1, 5))
    return limit


def test_review_expires_puts_under_review_and_leaves_the_rest(tenant, user, policy):
    expired = in_force(tenant, policy, expiry=TODAY - timedelta(days=1))
    expiring_today = in_force(tenant, policy, expiry=TODAY)
    review_due = in_force(tenant, policy, review=TODAY)
    review_later = in_force(tenant, policy, review=TODAY + timedelta(days=1))
    weak_buyer = in_force(tenant, policy, grade=8)
    grade_7 = in_force(tenant, policy, grade=7)

    result = run_limit_review(today=TODAY)

    assert result.expired == [expired.pk]
    assert sorted(result.put_under_review) == sorted([review_due.pk, weak_buyer.pk])
    states = dict(CreditLimit.objects.values_list("pk", "state"))
    assert states[expired.pk] == "expired"
    assert states[expiring_today.pk] == states[review_later.pk] == states[grade_7.pk] == "in_force"
    assert set(CreditLimit.objects.filter(under_review=True).values_list("pk", flat=True)) == {review_due.pk, weak_buyer.pk}
    # The expired limit covered shipments up to its expiry date, not after.
    assert cover_in_force(policy=policy, buyer=expired.buyer, on=TODAY - timedelta(days=1)).amount == Money(10_000, "EUR")
    assert cover_in_force(policy=policy, buyer=expired.buyer, on=TODAY).amount == Money(0, "EUR")
    # Review flags leave cover as it was.
    assert cover_in_force(policy=policy, buyer=weak_buyer.buyer, on=TODAY).amount == Money(10_000, "EUR")
    events = sorted(Notification.objects.values_list("event", flat=True))
    assert events == ["limit.expired", "limit.under_review"]
    # Bulk changes are in the audit trail too, each with the job's reason.
    assert expired.history.get(state="expired").history_change_reason == "limit review: expired"
    flagged = weak_buyer.history.get(under_review=True)
    assert (flagged.history_type, flagged.history_change_reason) == ("~", "limit review: under review")


def test_running_the_review_twice_changes_nothing_more(tenant, user, policy):
    in_force(tenant, policy, expiry=TODAY - timedelta(days=1))
    in_force(tenant, policy, grade=9)
    run_limit_review(today=TODAY)
    counts = (LimitDecision.objects.count(), Notification.objects.count(), CreditLimit.history.count())
    again = run_limit_review(today=TODAY)
    assert (again.expired, again.put_under_review) == ([], [])
    assert (LimitDecision.objects.count(), Notification.objects.count(), CreditLimit.history.count()) == counts


def test_each_tenant_hears_only_of_its_own_limits(tenant, other_tenant, user, outsider, policy):
    other_policy = PolicyFactory(tenant=other_tenant)
    in_force(tenant, policy, expiry=TODAY - timedelta(days=3))
    in_force(other_tenant, other_policy, expiry=TODAY - timedelta(days=3), amount=777)
    run_limit_review(today=TODAY)
    mine = Notification.objects.get(tenant=tenant)
    assert "777" not in mine.body
    assert Notification.objects.filter(tenant=other_tenant).count() == 1


def test_review_queries_do_not_grow_with_the_number_of_limits(tenant, policy, django_assert_num_queries):
    for _ in range(3):
        in_force(tenant, policy, expiry=TODAY - timedelta(days=1))
    # A batch of expiries: read, its decisions inserted (PostgreSQL first reserves their ids: one query more),
    # one UPDATE, one history INSERT ... SELECT, the exposure summary updated and its emptied rows deleted; the
    # policies and insureds of the run are read once (two queries), not joined to every limit.
    with django_assert_num_queries(23 if connection.vendor == "postgresql" else 22) as few:
        run_limit_review(today=TODAY)
    for _ in range(30):
        in_force(tenant, policy, expiry=TODAY - timedelta(days=1))
    with django_assert_num_queries(len(few.captured_queries)):
        result = run_limit_review(today=TODAY)
    assert len(result.expired) == 30


def test_the_celery_task_runs_the_review(tenant, policy):
    in_force(tenant, policy, expiry=date(2020, 1, 1))
    assert review_limits.apply().get() == {"expired": 1, "under_review": 0}
    assert review_limits.apply().get() == {"expired": 0, "under_review": 0}


def test_amounts_stay_decimal(tenant, policy):
    limit = in_force(tenant, policy, amount=Decimal("1234.56"), expiry=TODAY - timedelta(days=1))
    run_limit_review(today=TODAY)
    decision = LimitDecision.objects.get(limit=limit, kind="expired")
    assert decision.amount == Decimal("0") and decision.effective_date == TODAY
