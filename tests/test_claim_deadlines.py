"""The daily claim deadlines job: reminders at their boundary days, once each, batched."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail

from accounts.roles import CLAIMS_HANDLER, CREDIT_MANAGER, FINANCE
from claims.claims import services as claims
from claims.claims.models import Claim
from claims.overdues import services as overdue_services
from claims.reminders import EXTENSION_ENDED, NOTIFICATION_DEADLINE, run_claim_deadlines
from core.models import Notification, WebhookDelivery, WebhookEndpoint
from tests.claim_helpers import approve_limit, complete_claim, late_payer
from tests.factories import PolicyFactory, UserFactory, member
from tests.overdue_factories import declare, invoice, saved_on

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

DUE = date(2026, 1, 10)  # example 7: the window opens 9 June, closes 7 September 2026


@pytest.fixture
def policy_2025(tenant):
    return PolicyFactory(tenant=tenant, start_date=date(2025, 7, 1), end_date=date(2026, 6, 30))


@pytest.fixture
def overdue(tenant, policy_2025, underwriter):
    member(tenant, [FINANCE], email="finance@iberia.example")
    buyer = late_payer()
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


def test_queries_do_not_grow_with_overdues(tenant, policy_2025, underwriter, django_assert_num_queries):
    for n in range(12):
        buyer = late_payer(f"Buyer {n}")
        declare(tenant=tenant, policy=policy_2025, buyer=buyer, notified_on=date(2026, 2, 1),
                invoices=[invoice(f"F-{n}", shipped=date(2025, 11, 11), due=DUE, amount=1_000)])
        # A draft on another buyer, due 1 May: on 1 June neither its notification deadline (30 June)
        # is near nor its maximum extension period (to 30 June) over.
        overdue_services.declare_overdue(
            tenant=tenant, notified_by=None, policy=policy_2025, buyer=late_payer(f"Draft buyer {n}"), draft=True,
            invoices=[invoice(f"D-{n}", shipped=date(2026, 3, 1), due=date(2026, 5, 1), amount=1_000)])
    # Nothing is due on 1 June (the windows open on 9 June, the drafts' reminders start on 23 June): the job reads
    # one empty range of the stored next deadlines (claims.next_deadline) and late payments (one select inside a
    # savepoint pair), not the overdues or their invoices. The same on the second run.
    for _run in range(2):
        with django_assert_num_queries(1 + 3):
            run_claim_deadlines(today=date(2026, 6, 1), batch_size=5)


def test_draft_reminders_cost_a_few_queries_per_batch(tenant, policy_2025, django_assert_num_queries,
                                                      django_capture_on_commit_callbacks):
    member(tenant, [CREDIT_MANAGER])
    for n in range(12):
        overdue_services.declare_overdue(
            tenant=tenant, notified_by=None, policy=policy_2025, buyer=late_payer(f"Draft buyer {n}"), draft=True,
            invoices=[invoice(f"D-{n}", shipped=date(2025, 11, 11), due=DUE, amount=1_000)])
    # Three batches (5, 5, 2), each 13 queries: the due drafts, their unpaid invoices, their filed claims, a
    # savepoint pair, notify_many (keys already sent, insert in a savepoint pair, one outbox message), the
    # webhook's tenants and endpoints (none here: core.webhooks.emit_many adds one outbox message per delivery),
    # their next deadlines in one UPDATE. Then the policy and its terms versions once, one empty read ends the
    # loop, and late payments (a select in a savepoint pair). Not one query per draft.
    with django_assert_num_queries(3 * 13 + 2 + 1 + 3), django_capture_on_commit_callbacks():
        result = run_claim_deadlines(today=date(2026, 3, 5), batch_size=5)
    assert len(result.notification_deadline) == 12


def test_complete_claims_unpaid_past_the_term_are_flagged_once(tenant, policy, underwriter,
                                                              django_capture_on_commit_callbacks):
    handler = UserFactory(is_staff=True, roles=[CLAIMS_HANDLER], email="claims@insurer.example")
    finance = member(tenant, [FINANCE])
    buyer = late_payer()
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


# Drafts: the credit manager is reminded before the notification deadline (example 6) and told once the
# maximum extension period has ended; both on 11 March 2026 for a 10 January due date (60 days each).


def draft(tenant, policy, buyer=None, reference="DR-1"):
    """Saved on the day its invoice was shipped (it may be notified from that day on)."""
    return saved_on(overdue_services.declare_overdue(
        tenant=tenant, notified_by=None, policy=policy, buyer=buyer or late_payer(), reference=reference, draft=True,
        invoices=[invoice(shipped=date(2025, 11, 11), due=DUE, amount=10_000)]), date(2025, 11, 11))


@pytest.fixture
def hook(tenant):
    return WebhookEndpoint.objects.create(tenant=tenant, url="https://hooks.example/kredo",
                                          events=["claim.deadline_approaching"], secret="s" * 32)


def sent(tenant):
    return sorted(Notification.objects.filter(tenant=tenant, event__in=[NOTIFICATION_DEADLINE, EXTENSION_ENDED])
                  .values_list("event", flat=True))


@pytest.mark.parametrize("today_,expected", [
    (date(2026, 3, 3), []),  # 8 days before the notification deadline: not yet
    (date(2026, 3, 4), [NOTIFICATION_DEADLINE]),  # 7 days before
    (date(2026, 3, 11), [NOTIFICATION_DEADLINE]),  # the last day
    (date(2026, 3, 12), [EXTENSION_ENDED]),  # too late to notify in time; shipments no longer covered
])
def test_draft_reminders_at_their_boundary_days(tenant, policy_2025, today_, expected):
    draft(tenant, policy_2025)
    run_claim_deadlines(today=today_)
    assert sent(tenant) == expected
    assert set(Notification.objects.filter(event__startswith="overdue.").values_list("role", flat=True)) <= {
        CREDIT_MANAGER}


def test_the_notification_deadline_is_reminded_once_with_its_webhook(tenant, other_tenant, policy_2025, hook,
                                                                     django_capture_on_commit_callbacks):
    overdue = draft(tenant, policy_2025)
    with django_capture_on_commit_callbacks(execute=True):
        first = run_claim_deadlines(today=date(2026, 3, 5))
        second = run_claim_deadlines(today=date(2026, 3, 5))
        third = run_claim_deadlines(today=date(2026, 3, 6))
    assert first.notification_deadline == [overdue.pk]
    assert second.notification_deadline == third.notification_deadline == []
    (notice,) = Notification.objects.filter(event=NOTIFICATION_DEADLINE)
    assert "by 2026-03-11" in notice.subject and notice.link == f"/overdues/{overdue.pk}/"
    (delivery,) = WebhookDelivery.objects.filter(event="claim.deadline_approaching")
    assert delivery.payload["kind"] == NOTIFICATION_DEADLINE and delivery.payload["overdue_id"] == overdue.pk
    assert delivery.payload["notification_deadline"] == "2026-03-11"
    assert not Notification.objects.filter(tenant=other_tenant).exists()


def test_the_end_of_the_extension_period_is_told_once(tenant, policy_2025):
    overdue = draft(tenant, policy_2025)
    first = run_claim_deadlines(today=date(2026, 3, 12))
    again = run_claim_deadlines(today=date(2026, 3, 20))
    assert first.extension_ended == [overdue.pk] and again.extension_ended == []
    (notice,) = Notification.objects.filter(event=EXTENSION_ENDED)
    assert notice.body == ("Shipments to Late Payer S.p.A. after 2026-03-11 are not covered; "
                           "notify the overdue now.")


def test_notified_or_paid_drafts_are_not_reminded(tenant, policy_2025):
    user = member(tenant, [CREDIT_MANAGER])
    overdue = draft(tenant, policy_2025)
    overdue_services.notify_overdue(overdue=overdue, notified_by=user, notified_on=date(2026, 3, 1))
    paid = draft(tenant, policy_2025, late_payer("Paid SARL", country="FR"), reference="DR-2")
    overdue_services.record_payment(overdue=paid, amount=Decimal("10000"), received_on=date(2026, 3, 1))
    result = run_claim_deadlines(today=date(2026, 3, 12))
    assert result.notification_deadline == result.extension_ended == [] and sent(tenant) == []
