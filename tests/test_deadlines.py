"""Deadlines from the policy's terms, at their boundary days (domain.md examples 6 and 7)."""

from datetime import date

import pytest

from policies.deadlines import claim_payment_due, invoice_deadlines
from tests.factories import PolicyFactory


@pytest.fixture
def terms(db):
    return PolicyFactory().terms


def test_example_6_notification_on_day_60_is_in_time_and_day_61_is_late(terms):
    d = invoice_deadlines(terms=terms, due_date=date(2026, 1, 10))
    assert d.notification_deadline == date(2026, 3, 11)
    assert not d.notified_late(date(2026, 3, 11))
    assert d.notified_late(date(2026, 3, 12))


def test_example_7_claim_window_for_protracted_default(terms):
    d = invoice_deadlines(terms=terms, due_date=date(2026, 1, 10))
    assert d.claim_filing_window() == (date(2026, 6, 9), date(2026, 9, 7))


def test_maximum_extension_period_ends_60_days_after_due_date(terms):
    assert invoice_deadlines(terms=terms, due_date=date(2026, 1, 10)).max_extension_end == date(2026, 3, 11)


def test_deadlines_follow_the_policys_own_terms(db):
    terms = PolicyFactory(waiting_period_days=120, claim_filing_days=200, overdue_notification_days=30).terms
    d = invoice_deadlines(terms=terms, due_date=date(2026, 1, 10))
    assert (d.notification_deadline, d.waiting_period_end, d.claim_filing_deadline) == (
        date(2026, 2, 9), date(2026, 5, 10), date(2026, 7, 29),
    )


def test_claim_payment_is_due_30_days_after_the_file_is_complete(terms):
    assert claim_payment_due(terms=terms, file_complete_on=date(2026, 6, 30)) == date(2026, 7, 30)
