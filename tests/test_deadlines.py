"""Deadlines from the policy's terms, at their boundary days (domain.md examples 6 and 7)."""

from datetime import date

import pytest

from policies.deadlines import claim_payment_due, invoice_deadlines
from tests.factories import PolicyFactory


@pytest.fixture
def terms(db):
    return PolicyFactory().terms_shown()


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
    terms = PolicyFactory(waiting_period_days=120, claim_filing_days=200, overdue_notification_days=30).terms_shown()
    d = invoice_deadlines(terms=terms, due_date=date(2026, 1, 10))
    assert (d.notification_deadline, d.waiting_period_end, d.claim_filing_deadline) == (
        date(2026, 2, 9), date(2026, 5, 10), date(2026, 7, 29),
    )


def test_claim_payment_is_due_30_days_after_the_file_is_complete(terms):
    assert claim_payment_due(terms=terms, file_complete_on=date(2026, 6, 30)) == date(2026, 7, 30)


def test_an_overdues_deadlines_are_its_oldest_unpaid_invoices_by_effective_due_date(terms):
    from policies.deadlines import overdue_deadlines

    # 10 Jan extended to 20 Jan (within 60 days: counts); 15 Jan extended to 30 Apr without consent: does not.
    shipped = date(2025, 12, 1)
    deadlines = overdue_deadlines(terms_on=lambda day: terms,
                                  unpaid=[(shipped, date(2026, 1, 10), date(2026, 1, 20), False),
                                          (shipped, date(2026, 1, 15), date(2026, 4, 30), False)])
    assert deadlines.due_date == date(2026, 1, 15)
    assert overdue_deadlines(terms_on=lambda day: terms, unpaid=[]) is None


@pytest.mark.parametrize("notified_on,stops_from", [
    (date(2026, 3, 11), date(2026, 3, 11)),  # notified within the maximum extension period: from the notice
    (date(2026, 3, 12), date(2026, 3, 12)),  # notified the day after it ends: the same day either way
    (date(2026, 4, 1), date(2026, 3, 12)),   # notified later: from the day after the period ended
])
def test_cover_stops_from_the_notification_or_the_end_of_the_maximum_extension(terms, notified_on, stops_from):
    deadlines = invoice_deadlines(terms=terms, due_date=date(2026, 1, 10))
    assert deadlines.max_extension_end == date(2026, 3, 11)
    assert deadlines.cover_stops_from(notified_on) == stops_from


def test_premium_is_due_and_cover_suspended_on_the_terms_days_at_their_boundaries():
    # domain.md, example 18: issued 1 January, 30 days -> due 31 January; reminded 1 February, 15 days -> from 16th.
    from policies.deadlines import cover_suspended_from, premium_due
    from tests.factories import policy_terms

    terms = policy_terms()
    assert premium_due(terms=terms, issued_on=date(2026, 1, 1)) == date(2026, 1, 31)
    assert cover_suspended_from(terms=terms, reminded_on=date(2026, 2, 1)) == date(2026, 2, 16)
    shorter = policy_terms(premium_deposit_due_days=10, premium_suspension_notice_days=1)
    assert premium_due(terms=shorter, issued_on=date(2026, 1, 1)) == date(2026, 1, 11)
    assert cover_suspended_from(terms=shorter, reminded_on=date(2026, 2, 28)) == date(2026, 3, 1)
