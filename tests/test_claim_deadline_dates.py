"""Each overdue's stored deadline dates (claims.next_deadline): kept by every service that moves them, equal to
policies.deadlines' computation, and read by the daily job only on their day."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from accounts.roles import FINANCE
from claims import next_deadline
from claims.claims import services as claims
from claims.claims.models import Cause
from claims.overdues import services as overdue_services
from claims.overdues.models import Overdue
from claims.reminders import run_claim_deadlines
from core.exceptions import DomainError
from core.models import Notification
from policies.deadlines import next_reminder_day, overdue_deadlines, reminder_days
from tests.claim_helpers import approve_limit, late_payer
from tests.factories import PolicyFactory, member
from tests.overdue_factories import declare, invoice, saved_on

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

DUE = date(2026, 1, 10)  # example 7: the window opens 9 June, closes 7 September 2026
OPENS, CLOSES = date(2026, 6, 9), date(2026, 9, 7)
SHIPPED = date(2025, 11, 11)


@pytest.fixture
def policy_2025(tenant):
    return PolicyFactory(tenant=tenant, start_date=date(2025, 7, 1), end_date=date(2026, 6, 30))


@pytest.fixture
def finance(tenant):
    return member(tenant, [FINANCE], email="finance@iberia.example")


def open_overdue(tenant, policy, name="Late Payer S.p.A.", invoices=None, underwriter=None):
    buyer = late_payer(name)
    if underwriter is not None:
        approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter,
                      effective=date(2025, 7, 2))
    return declare(tenant=tenant, policy=policy, buyer=buyer, notified_on=date(2026, 2, 1),
                   invoices=invoices or [invoice(shipped=SHIPPED, due=DUE, amount=10_000)])


def stored(overdue) -> tuple:
    return Overdue.objects.values_list(*next_deadline.STORED).get(pk=overdue.pk)


def test_declaring_stores_the_window_and_the_first_reminder_day(tenant, policy_2025, other_tenant):
    overdue = open_overdue(tenant, policy_2025)
    assert stored(overdue) == (OPENS, CLOSES, OPENS, None)


def test_the_job_reads_an_overdue_on_its_day_and_not_before(tenant, policy_2025, finance, django_assert_num_queries):
    overdue = open_overdue(tenant, policy_2025)
    with django_assert_num_queries(IDLE):  # 8 June: its day has not come, nothing read
        assert run_claim_deadlines(today=OPENS - timedelta(days=1)).window_opened == []
    assert run_claim_deadlines(today=OPENS).window_opened == [overdue.pk]
    # Told through 9 June: next, 7 days before the filing deadline.
    assert stored(overdue) == (OPENS, CLOSES, CLOSES - timedelta(days=7), OPENS)
    with django_assert_num_queries(IDLE):
        assert run_claim_deadlines(today=CLOSES - timedelta(days=8)).filing_deadline == []
    assert run_claim_deadlines(today=CLOSES - timedelta(days=7)).filing_deadline == [overdue.pk]
    assert stored(overdue) == (OPENS, CLOSES, None, CLOSES - timedelta(days=7))


def test_a_payment_of_the_oldest_invoice_moves_the_dates_and_the_last_clears_them(tenant, policy_2025):
    overdue = open_overdue(tenant, policy_2025, invoices=[
        invoice("F-1", shipped=SHIPPED, due=DUE, amount=1_000),
        invoice("F-2", shipped=SHIPPED, due=DUE + timedelta(days=20), amount=2_000)])
    run_claim_deadlines(today=OPENS)  # told through 9 June: a change must let the job look again
    first = overdue.invoices.get(number="F-1")
    overdue_services.record_payment(overdue=overdue, amount=Decimal("999.99"), received_on=date(2026, 3, 1),
                                    designated_invoice=first)
    assert stored(overdue) == (OPENS, CLOSES, OPENS, None)  # a cent still unpaid: F-1 is still the oldest
    overdue_services.record_payment(overdue=overdue, amount=Decimal("0.01"), received_on=date(2026, 3, 1))
    later = OPENS + timedelta(days=20)
    assert stored(overdue) == (later, CLOSES + timedelta(days=20), later, None)
    overdue_services.record_payment(overdue=overdue, amount=Decimal("2000"), received_on=date(2026, 3, 2))
    assert stored(overdue) == (None, None, None, None)  # cleared: nothing to tell


def test_an_older_invoice_added_brings_them_forward(tenant, policy_2025):
    overdue = open_overdue(tenant, policy_2025)
    run_claim_deadlines(today=OPENS)
    overdue_services.add_invoices(overdue=overdue, added_by=None, notified_on=date(2026, 2, 1), invoices=[
        invoice("F-0", shipped=SHIPPED, due=DUE - timedelta(days=1), amount=500)])
    day_before = OPENS - timedelta(days=1)
    assert stored(overdue) == (day_before, CLOSES - timedelta(days=1), day_before, None)


def test_an_extension_moves_them_only_when_it_counts(tenant, policy_2025):
    overdue = open_overdue(tenant, policy_2025)
    line = overdue.invoices.get()
    overdue_services.extend_due_date(invoice=line, new_due_date=DUE + timedelta(days=60), requested_by=None)
    moved = OPENS + timedelta(days=60)  # 60 days: the maximum extension, counts at once
    assert stored(overdue) == (moved, CLOSES + timedelta(days=60), moved, None)
    overdue_services.extend_due_date(invoice=line, new_due_date=DUE + timedelta(days=61), requested_by=None)
    assert stored(overdue) == (OPENS, CLOSES, OPENS, None)  # one day beyond: the original due date until consent
    overdue_services.consent_extension(invoice=line, consented_by=None)
    moved = OPENS + timedelta(days=61)
    assert stored(overdue) == (moved, CLOSES + timedelta(days=61), moved, None)


def test_a_draft_stores_its_notification_reminder_and_notifying_it_the_claim_window(tenant, policy_2025):
    draft = saved_on(overdue_services.declare_overdue(
        tenant=tenant, notified_by=None, policy=policy_2025, buyer=late_payer(), draft=True,
        invoices=[invoice(shipped=SHIPPED, due=DUE, amount=10_000)]), SHIPPED)
    # The notification deadline is 11 March (60 days): reminded from 4 March.
    assert stored(draft) == (OPENS, CLOSES, date(2026, 3, 4), None)
    run_claim_deadlines(today=date(2026, 3, 4))
    # Next: the day after the maximum extension period (10 January + 60 days = 11 March).
    assert stored(draft) == (OPENS, CLOSES, date(2026, 3, 12), date(2026, 3, 4))
    overdue_services.notify_overdue(overdue=draft, notified_by=None, notified_on=date(2026, 3, 10))
    assert stored(draft) == (OPENS, CLOSES, OPENS, None)


def test_a_filed_claim_silences_them_a_withdrawn_one_restores_them(tenant, policy_2025, finance):
    overdue = open_overdue(tenant, policy_2025)
    claim = claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue, cause=Cause.INSOLVENCY,
                              event_date=date(2026, 3, 1), today=date(2026, 3, 2))
    assert stored(overdue) == (OPENS, CLOSES, OPENS, None)  # a draft claim: the insured may still miss the deadline
    claims.submit_claim(claim=claim, submitted_by=finance, today=date(2026, 3, 2))
    assert stored(overdue) == (OPENS, CLOSES, None, None)
    assert run_claim_deadlines(today=CLOSES).filing_deadline == []
    claims.withdraw_claim(claim=claim, withdrawn_by=finance)
    assert stored(overdue) == (OPENS, CLOSES, OPENS, None)
    assert run_claim_deadlines(today=CLOSES).filing_deadline == [overdue.pk]


def test_a_paid_claim_leaves_the_overdue_claimed_without_dates(tenant, finance, claims_handler, underwriter):
    from tests.claim_helpers import paid_claim

    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    with scopes_disabled():
        assert claim.overdue.__class__.objects.get(pk=claim.overdue_id).state == Overdue.State.CLAIMED
    assert stored(claim.overdue) == (None, None, None, None)


def expected(overdue) -> tuple:
    """The dates computed afresh from the overdue's invoices and terms, the way pages compute them, without the
    cache: the stored ones must equal these."""
    overdue = Overdue.objects.select_related("policy").prefetch_related("invoices").get(pk=overdue.pk)
    unpaid = [(i.shipment_date, i.due_date, i.extended_due_date, i.extension_consented)
              for i in overdue.invoices.all() if i.outstanding > 0]
    deadlines = overdue_deadlines(terms_on=overdue.policy.terms_on, unpaid=unpaid)
    if deadlines is None or overdue.state not in ("draft", "open"):
        return None, None, None, None
    days = reminder_days(deadlines=deadlines, notified=overdue.state == "open", ahead_days=7)
    return (deadlines.waiting_period_end, deadlines.claim_filing_deadline,
            next_reminder_day(days, after=overdue.reminded_through), overdue.reminded_through)


def test_stored_dates_equal_the_computation_after_random_service_calls(tenant, policy_2025):
    rng = random.Random(11)
    overdues = [open_overdue(tenant, policy_2025, f"Debtor {n} S.r.l.", invoices=[
        invoice(f"A-{n}", shipped=SHIPPED, due=DUE + timedelta(days=rng.randint(0, 40)), amount=1_000)])
        for n in range(3)]
    overdues.append(overdue_services.declare_overdue(
        tenant=tenant, notified_by=None, policy=policy_2025, buyer=late_payer("Drafted GmbH"), draft=True,
        invoices=[invoice("D-1", shipped=SHIPPED, due=DUE, amount=1_000)]))
    for step in range(40):
        overdue = Overdue.objects.get(pk=rng.choice(overdues).pk)
        unpaid = list(overdue.invoices.filter(outstanding__gt=0))
        action = rng.choice(["add", "pay", "extend", "consent", "job"])
        try:
            if action == "add":
                overdue_services.add_invoices(overdue=overdue, added_by=None, notified_on=date(2026, 2, 1),
                                              invoices=[invoice(f"X-{step}", shipped=SHIPPED, amount=300,
                                                                due=DUE + timedelta(days=rng.randint(-20, 60)))])
            elif action == "pay" and unpaid:
                target = rng.choice(unpaid)
                overdue_services.record_payment(overdue=overdue, amount=min(target.outstanding, Decimal("400")),
                                                received_on=date(2026, 3, 1), designated_invoice=target)
            elif action == "extend" and unpaid:
                target = rng.choice(unpaid)
                overdue_services.extend_due_date(invoice=target, requested_by=None,
                                                 new_due_date=target.due_date + timedelta(days=rng.randint(1, 90)))
            elif action == "consent" and unpaid:
                overdue_services.consent_extension(invoice=rng.choice(unpaid), consented_by=None)
            elif action == "job":
                run_claim_deadlines(today=date(2026, 3, 1) + timedelta(days=rng.randint(0, 200)))
        except DomainError:
            pass  # a refused call (nothing to consent, an overdue cleared...) changes nothing
        for each in overdues:
            if Overdue.objects.filter(pk=each.pk).exists():
                assert stored(each) == expected(each), (step, action)
    before = {o.pk: stored(o) for o in overdues}
    assert next_deadline.rebuild() >= 1
    assert {o.pk: stored(o) for o in overdues} == before


def test_the_rebuild_command_recomputes_lost_dates(tenant, policy_2025, capsys):
    overdue = open_overdue(tenant, policy_2025)
    Overdue.objects.filter(pk=overdue.pk).update(next_deadline_on=None, claim_window_opens=None,
                                                 claim_filing_deadline=None)
    call_command("rebuild_claim_deadlines")
    assert stored(overdue) == (OPENS, CLOSES, OPENS, None)
    assert "1 overdues recomputed" in capsys.readouterr().out


# The job's queries when nothing is due: the empty read of due overdues, then late payments (a select in a savepoint
# pair). Whatever the number of overdues not yet due.
IDLE = 1 + 3


@pytest.mark.parametrize("count", [1, 12])
def test_an_idle_run_reads_nothing_whatever_the_overdues(tenant, policy_2025, count, django_assert_num_queries):
    for n in range(count):
        open_overdue(tenant, policy_2025, f"Buyer {n} S.r.l.")
    with django_assert_num_queries(IDLE):
        assert run_claim_deadlines(today=OPENS - timedelta(days=1)).window_opened == []


@pytest.mark.parametrize("count", [1, 12])
def test_due_overdues_cost_the_same_queries_few_or_many(tenant, other_tenant, policy_2025, finance, count,
                                                        django_assert_num_queries, django_capture_on_commit_callbacks):
    ids = [open_overdue(tenant, policy_2025, f"Buyer {n} S.r.l.").pk for n in range(count)]
    outsider = open_overdue(other_tenant, PolicyFactory(tenant=other_tenant, start_date=date(2025, 7, 1),
                                                        end_date=date(2026, 6, 30)), "Other Debtor Ltd")
    # One batch: the due overdues, their unpaid invoices, the policies (both tenants' in one) and their terms
    # versions, filed claims; a savepoint pair; notify_many (keys sent, an insert in a savepoint pair, the
    # outbox); the stored dates in one UPDATE; one empty read ends the loop; late payments.
    with django_assert_num_queries(QUERIES_ONE_BATCH), django_capture_on_commit_callbacks():
        result = run_claim_deadlines(today=OPENS)
    assert sorted(result.window_opened) == sorted([*ids, outsider.pk])
    with django_assert_num_queries(IDLE):  # the same day again: nothing read, nothing sent
        again = run_claim_deadlines(today=OPENS)
    assert again.window_opened == []
    assert Notification.objects.filter(tenant=tenant, event="claim.window_open").count() == count
    assert Notification.objects.filter(tenant=other_tenant, event="claim.window_open").count() == 1


QUERIES_ONE_BATCH = 5 + 2 + 5 + 1 + 1 + 3
