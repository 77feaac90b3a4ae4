"""The daily claim deadlines job: reminders at their boundary days, once each, batched."""

from datetime import date, timedelta

import pytest
from django.core import mail

from accounts.roles import CLAIMS_HANDLER, FINANCE
from claims import services_claims as claims
from claims.models import Claim
from claims.reminders import run_claim_deadlines
from core.models import Notification, WebhookDelivery, WebhookEndpoint
from tests.claim_helpers import approve_limit, complete_claim, declare, invoice, make_buyer
from tests.factories import PolicyFactory, UserFactory, member

pytestmark = pytest.mark.django_db

DUE = date(2026, 1, 10)  # example 7: the window opens 9 June, closes 7 September 2026


@pytest.fixture
def policy_2025(tenant):
    return PolicyFactory(tenant=tenant, start_date=date(2025, 7, 1), end_date=date(2026, 6, 30))


@pytest.fixture
def overdue(tenant, policy_2025, underwriter):
    member(tenant, [FINANCE], email="finance@iberia.example")
    buyer = make_buyer()
    approve_limit(tenant=tenant, policy=policy_2025, buyer=buyer, amount=50_000, underwriter=underwriter,
                  effective=date(2025, 7, 2))
    return declare(tenant=tenant, policy=policy_2025, buyer=buyer, notified_on=date(2026, 2, 1),
                   invoices=[invoice(shipped=date(2025, 11, 11), due=DUE, amount=10_000)])


def events(tenant):
    return sorted(Notification.objects.filter(tenant=tenant, event__startswith="claim.").values_list("event", flat=True))


@pytest.mark.parametrize("today,expected", [
    (date(2026, 6, 8), []),
    (date(2026, 6, 9), ["claim.window_open"]),
    (date(2026, 8, 30), ["claim.window_open"]),  # 8 days before the deadline: not yet
    (date(2026, 8, 31), ["claim.filing_deadline", "claim.window_open"]),  # 7 days before
    (date(2026, 9, 7), ["claim.filing_deadline", "claim.window_open"]),
    (date(2026, 9, 8), []),  # too late: nothing to remind of
])
def test_reminders_at_their_boundary_days(tenant, overdue, today, expected):
    run_claim_deadlines(today=today)
    assert events(tenant) == expected


def test_running_twice_reminds_once(tenant, other_tenant, overdue, django_capture_on_commit_callbacks):
    endpoint = WebhookEndpoint.objects.create(tenant=tenant, url="https://hooks.example/kredo",
                                              events=["claim.deadline_approaching"], secret="s" * 32)
    with django_capture_on_commit_callbacks(execute=True):
        first = run_claim_deadlines(today=date(2026, 9, 1))
    with django_capture_on_commit_callbacks(execute=True):
        second = run_claim_deadlines(today=date(2026, 9, 1))
        third = run_claim_deadlines(today=date(2026, 9, 2))
    assert first.filing_deadline == [overdue.pk] and first.window_opened == [overdue.pk]
    assert second.filing_deadline == second.window_opened == third.filing_deadline == []
    assert len(events(tenant)) == 2
    assert WebhookDelivery.objects.filter(endpoint=endpoint, event="claim.deadline_approaching").count() == 1
    assert not Notification.objects.filter(tenant=other_tenant).exists()


def test_a_filed_claim_stops_the_reminders(tenant, overdue):
    finance = member(tenant, [FINANCE])
    claim = claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue, cause="protracted_default",
                              today=date(2026, 6, 9))
    claims.submit_claim(claim=claim, submitted_by=finance, today=date(2026, 6, 9))
    assert run_claim_deadlines(today=date(2026, 9, 1)).filing_deadline == []


def test_queries_do_not_grow_with_overdues(tenant, policy_2025, underwriter, django_assert_max_num_queries):
    for n in range(12):
        buyer = make_buyer(f"Buyer {n}")
        declare(tenant=tenant, policy=policy_2025, buyer=buyer, notified_on=date(2026, 2, 1),
                invoices=[invoice(f"F-{n}", shipped=date(2025, 11, 11), due=DUE, amount=1_000)])
    run_claim_deadlines(today=date(2026, 6, 1), batch_size=5)  # nothing due: reads only
    # Per batch of 5: overdues, their unpaid invoices, a savepoint pair; the policy once; one empty read ends
    # the loop; late payments: one select inside a savepoint pair. Per batch the same, whatever the rows.
    with django_assert_max_num_queries(3 * 4 + 1 + 1 + 3):
        run_claim_deadlines(today=date(2026, 6, 1), batch_size=5)


def test_complete_claims_unpaid_past_the_term_are_flagged_once(tenant, policy, underwriter,
                                                              django_capture_on_commit_callbacks):
    handler = UserFactory(is_staff=True, roles=[CLAIMS_HANDLER], email="claims@insurer.example")
    finance = member(tenant, [FINANCE])
    buyer = make_buyer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    due = claim.payment_due_on
    assert run_claim_deadlines(today=due).payment_late == []  # the last day is still in time
    with django_capture_on_commit_callbacks(execute=True):
        late = run_claim_deadlines(today=due + timedelta(days=1))
        again = run_claim_deadlines(today=due + timedelta(days=2))
    assert late.payment_late == [claim.pk] and again.payment_late == []
    assert Claim.objects.get(pk=claim.pk).payment_late_flagged_on == due + timedelta(days=1)
    assert [m.to for m in mail.outbox if "unpaid past the payment term" in m.subject] == [["claims@insurer.example"]]
