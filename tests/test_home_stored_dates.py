"""The home page's overdue tasks and utilisation chart read what each overdue stores (claims.next_deadline:
its deadlines, and what is unpaid on it) instead of every overdue's invoices: the same items as computing them
from the invoices, on every day around their boundaries, in the same order, for the same queries whatever the
number of overdues; never another insured's."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import Exists, OuterRef, Sum
from django.urls import reverse
from django_scopes import scopes_disabled

from claims import next_deadline
from claims.claims.models import Cause, Claim
from claims.claims.services import filing_window_of
from claims.overdues import services as overdue_services
from claims.overdues.models import Invoice, Overdue
from claims.overdues.selectors import draft_deadlines_of
from core.formatting import format_date
from core.tenancy import tenant_scope
from policies.models import Policy
from portal.charts import limit_utilisation
from portal.tasks import HORIZON_DAYS, ITEMS_PER_GROUP, TaskGroup, TaskItem, _overdue_deadlines, _urgent
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory
from tests.limit_factories import make_limit
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

NOTIFIED = date(2026, 4, 1)
# Equal dates break ties by the buyer's name as Python orders strings (by code point): capitals, then small
# letters, then accented ones; a database collation would put "alpha" and "Ärger" among the capitals.
NAMES = ["Zeta Handel GmbH", "alpha trading Srl", "Ärger Bau AG", "Beta Logistik KG", "Øst Shipping AS",
         "Gamma Metals SA", "delta Foods BV", "Épsilon Tech SL"]


def _computed(*, tenant, today: date) -> list[TaskGroup]:
    """The groups as the home page computed them before it read stored dates: every draft and open overdue
    without a claim filed, its deadlines from its unpaid invoices and its policy's terms (policies.deadlines)."""
    filed = Claim.objects.filter(overdue_id=OuterRef("pk")).exclude(
        state__in=[Claim.State.DRAFT, *Claim.CLOSED_STATES])
    rows = list(Overdue.objects.filter(tenant=tenant, state__in=[Overdue.State.DRAFT, Overdue.State.OPEN])
                .annotate(filed=Exists(filed)).filter(filed=False)
                .values("pk", "state", "policy_id", "notified_on", "buyer__legal_name"))
    unpaid: dict[int, list] = {}
    for overdue_id, *due in Invoice.objects.filter(overdue_id__in=[r["pk"] for r in rows], outstanding__gt=0).values_list(
            "overdue_id", "shipment_date", "due_date", "extended_due_date", "extension_consented"):
        unpaid.setdefault(overdue_id, []).append(tuple(due))
    policies = {p.pk: p for p in Policy.objects.filter(pk__in={r["policy_id"] for r in rows})}
    horizon = today + timedelta(days=HORIZON_DAYS)
    notify_by, filing = [], []
    for r in rows:
        if r["pk"] not in unpaid:
            continue
        name, link = r["buyer__legal_name"], reverse("claims:overdue-detail", args=[r["pk"]])
        terms_on = policies[r["policy_id"]].terms_on
        if r["state"] == Overdue.State.DRAFT:
            deadline = draft_deadlines_of(terms_on=terms_on, unpaid=unpaid[r["pk"]]).notification_deadline
            if deadline <= horizon:
                note = "Notify by %(date)s" if deadline >= today else "Notification deadline passed on %(date)s"
                notify_by.append(TaskItem(name, link, deadline, note % {"date": format_date(deadline)},
                                          _urgent(deadline, today)))
            continue
        window = filing_window_of(terms_on=terms_on, cause=Cause.PROTRACTED_DEFAULT, notified_on=r["notified_on"],
                                  unpaid=unpaid[r["pk"]])
        if window.closes < today or window.opens > horizon:
            continue
        if window.opens > today:
            filing.append(TaskItem(name, link, window.opens, f"A claim can be filed from {format_date(window.opens)}"))
        else:
            filing.append(TaskItem(name, f"{reverse('claim_pages:file')}?overdue={r['pk']}", window.closes,
                                   f"File a claim by {format_date(window.closes)}", _urgent(window.closes, today)))
    groups = []
    for key, title, items, link in (
            ("notification_deadlines", "Overdue notification deadlines", notify_by, reverse("claims:overdue-list")),
            ("filing_windows", "Claim filing windows", filing, reverse("claim_pages:list"))):
        if items:
            items.sort(key=lambda item: (item.when, item.label))
            groups.append(TaskGroup(key, title, len(items), link, items[:ITEMS_PER_GROUP]))
    return groups


def _draft(tenant, policy, buyer, invoices):
    with tenant_scope(tenant):
        return overdue_services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                                invoices=invoices, draft=True)


def _claim(overdue, state):
    with scopes_disabled():
        Claim.objects.create(tenant=overdue.tenant, policy=overdue.policy, buyer=overdue.buyer, overdue=overdue,
                             cause="insolvency", currency="EUR", date_of_loss=NOTIFIED, event_date=NOTIFIED,
                             state=state)


@pytest.fixture
def overdue_book(tenant, policy, other_tenant, outsider_policy):
    """Open overdues falling due every five days from mid-December to mid-March (some on the same day, a tie
    for the names to break), drafts falling due through the spring, on two policies with different terms;
    payments, an extension and claims moving or hiding some; another insured's overdues beside them."""
    atradius = PolicyFactory(tenant=tenant, number="KR-TEST-002", waiting_period_days=120, claim_filing_days=200,
                             notification_deadline_from="max_extension_end", overdue_notification_days=30,
                             max_extension_days=45)
    overdues = []
    for n in range(18):
        due = date(2025, 12, 15) + timedelta(days=5 * (n // 2 * 2 if n < 8 else n))  # pairs due on one day
        on = atradius if n % 3 == 0 else policy
        overdues.append(declare(tenant, on, make_buyer(f"{NAMES[n % len(NAMES)]} {n // len(NAMES) or ''}".strip()),
                                [invoice_line("F-1", due=due, amount="4000"),
                                 invoice_line("F-2", due=due + timedelta(days=9), amount="1500", outstanding="700")],
                                notified_on=NOTIFIED))
    for n in range(9):
        due = date(2026, 2, 1) + timedelta(days=11 * n)
        _draft(tenant, atradius if n % 4 == 0 else policy, make_buyer(f"{NAMES[(n + 3) % len(NAMES)]} draft"),
               [invoice_line(due=due, amount=str(900 + n))])
    with tenant_scope(tenant):
        first = overdues[5].invoices.get(number="F-1")
        overdue_services.record_payment(overdue=overdues[5], amount=Decimal("4000"), received_on=NOTIFIED,
                                        designated_invoice=first)  # the oldest unpaid is F-2 now: 9 days later
        overdue_services.extend_due_date(invoice=overdues[8].invoices.get(number="F-1"),
                                         new_due_date=first.due_date + timedelta(days=40), requested_by=None)
    _claim(overdues[2], Claim.State.SUBMITTED)  # filed: no window to tell
    _claim(overdues[3], Claim.State.DRAFT)  # a claim being prepared: the window still shows
    _claim(overdues[4], Claim.State.REJECTED)  # closed: the window shows again
    outsider = declare(other_tenant, outsider_policy, make_buyer("Outsider Debtor Ltd", "GB"),
                       [invoice_line(due=date(2026, 1, 10))], notified_on=NOTIFIED)
    _draft(other_tenant, outsider_policy, make_buyer("Outsider Draft Ltd", "GB"), [invoice_line(due=date(2026, 2, 1))])
    return {"open": overdues, "outsider": outsider}


def test_stored_dates_give_the_items_computed_from_the_invoices_on_every_day(overdue_book, tenant):
    """Every day from before the first deadline comes within the horizon to after the last window closes: each
    boundary (30 days before, the day a window opens, its last day, the day after) is one of the days compared."""
    with scopes_disabled():
        stored = Overdue.objects.filter(tenant=tenant, state__in=[Overdue.State.DRAFT, Overdue.State.OPEN])
        first = min(*stored.values_list("claim_window_opens", flat=True),
                    *stored.exclude(notification_deadline=None).values_list("notification_deadline", flat=True))
        last = max(stored.values_list("claim_filing_deadline", flat=True))
    day, compared = first - timedelta(days=HORIZON_DAYS + 2), 0
    while day <= last + timedelta(days=2):
        groups = _overdue_deadlines(tenant=tenant, today=day, drafts=True, windows=True)
        assert [(g.key, g.title, g.count, g.link, g.items) for g in groups] == [
            (g.key, g.title, g.count, g.link, g.items) for g in _computed(tenant=tenant, today=day)], day
        assert "Outsider" not in repr(groups)
        compared += sum(len(g.items) for g in groups)
        day += timedelta(days=1)
    assert compared > 1_000  # the days compared had items, groups of more than five among them


def test_ties_are_broken_by_the_name_as_python_orders_it(tenant, policy):
    due = date(2026, 1, 10)
    for name in NAMES[:6]:
        declare(tenant, policy, make_buyer(name), [invoice_line(due=due)], notified_on=NOTIFIED)
    (group,) = _overdue_deadlines(tenant=tenant, today=date(2026, 6, 1), drafts=True, windows=True)
    assert (group.count, [item.label for item in group.items]) == (6, sorted(NAMES[:6])[:ITEMS_PER_GROUP])
    assert [item.label for item in group.items][:3] == ["Beta Logistik KG", "Gamma Metals SA", "Zeta Handel GmbH"]


def test_only_the_groups_the_roles_open(overdue_book, tenant):
    day = date(2026, 6, 1)
    assert [g.key for g in _overdue_deadlines(tenant=tenant, today=day, drafts=True, windows=False)] == [
        "notification_deadlines"]
    assert [g.key for g in _overdue_deadlines(tenant=tenant, today=day, drafts=False, windows=True)] == [
        "filing_windows"]


@pytest.mark.parametrize("count", [2, 12])
def test_the_same_queries_for_few_or_many_overdues(tenant, policy, other_tenant, outsider_policy, count,
                                                   django_assert_num_queries):
    declare(other_tenant, outsider_policy, make_buyer("Outsider Debtor Ltd", "GB"), [invoice_line()],
            notified_on=NOTIFIED)
    for n in range(count):
        declare(tenant, policy, make_buyer(f"Open {n} GmbH"), [invoice_line(due=date(2026, 1, 10) + timedelta(days=n))],
                notified_on=NOTIFIED)
        _draft(tenant, policy, make_buyer(f"Draft {n} GmbH"), [invoice_line(due=date(2026, 5, 1))])
    declare(tenant, policy, make_buyer("Opening Later SA"), [invoice_line(due=date(2026, 3, 1))], notified_on=NOTIFIED)
    # A count per group, the first drafts, the first windows opening and the first windows open.
    with django_assert_num_queries(5):
        groups = {g.key: g for g in _overdue_deadlines(tenant=tenant, today=date(2026, 7, 1), drafts=True,
                                                       windows=True)}
    assert (groups["notification_deadlines"].count, groups["filing_windows"].count) == (count, count + 1)
    assert "Opening Later SA" in [item.label for item in groups["filing_windows"].items]


def _summed(tenant) -> list[tuple]:
    """The utilisation's rows as they were read before the total was stored: every unpaid invoice of the
    insured's open overdues summed per (policy, buyer, currency)."""
    return [(r["overdue__buyer__legal_name"], r["outstanding"], r["currency"]) for r in (
        Invoice.objects.filter(tenant=tenant, overdue__state=Overdue.State.OPEN, outstanding__gt=0)
        .values("overdue__policy_id", "overdue__buyer_id", "overdue__buyer__legal_name", "currency")
        .annotate(outstanding=Sum("outstanding")).order_by("-outstanding", "overdue__buyer__legal_name")[:10])]


def test_utilisation_reads_the_stored_total_as_the_sum_of_the_invoices(overdue_book, tenant, policy):
    for overdue in overdue_book["open"][:4]:
        make_limit(overdue.policy, overdue.buyer, 6_000)
    with tenant_scope(tenant):
        overdue_services.add_invoices(overdue=overdue_book["open"][7], added_by=None, notified_on=NOTIFIED,
                                      invoices=[invoice_line("F-3", due=date(2026, 3, 25), amount="2500")])
    sections = limit_utilisation(tenant=tenant)
    assert [(row.label, row.outstanding.amount, "EUR") for s in sections for row in s.rows] == [
        (name, total.quantize(Decimal("0.01")), currency) for name, total, currency in _summed(tenant)]
    rows = {row.label: row for row in sections[0].rows}
    assert rows[overdue_book["open"][7].buyer.legal_name].outstanding.amount == Decimal("7200.00")
    assert rows[overdue_book["open"][0].buyer.legal_name].limit.amount == Decimal("6000.00")
    assert "Outsider Debtor Ltd" not in rows


def test_the_stored_total_follows_payments_and_clears(tenant, policy):
    overdue = declare(tenant, policy, make_buyer(), [invoice_line("F-1", amount="1000"),
                                                     invoice_line("F-2", amount="500", outstanding="200")],
                      notified_on=NOTIFIED)

    def total():
        with scopes_disabled():
            return Overdue.objects.values_list("unpaid_total", flat=True).get(pk=overdue.pk)

    assert total() == Decimal("1200")
    with tenant_scope(tenant):
        overdue_services.record_payment(overdue=overdue, amount=Decimal("999.99"), received_on=NOTIFIED)
        assert total() == Decimal("200.01")
        overdue_services.record_payment(overdue=overdue, amount=Decimal("200.01"), received_on=NOTIFIED)
    assert total() is None  # cleared: nothing to tell, nothing unpaid
    with scopes_disabled():
        Overdue.objects.filter(pk=overdue.pk).update(unpaid_total=Decimal(5))
    next_deadline.rebuild()
    assert total() is None


@pytest.mark.parametrize("count", [2, 12])
def test_utilisation_queries_do_not_grow_with_overdues(tenant, policy, count, django_assert_num_queries):
    for n in range(count):
        buyer = make_buyer(f"Debtor {n} GmbH")
        make_limit(policy, buyer, 10_000)
        declare(tenant, policy, buyer, [invoice_line(amount=str(1000 + n))], notified_on=NOTIFIED)
    with django_assert_num_queries(2):  # the largest stored totals, then their limits
        (section,) = limit_utilisation(tenant=tenant)
    assert section.rows[0].label == f"Debtor {count - 1} GmbH" and len(section.rows) == min(count, 10)
