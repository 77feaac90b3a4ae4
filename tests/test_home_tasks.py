"""The insured's home page of tasks (portal.tasks.home_tasks): what needs doing and when, each linking to its
page, from set-based reads, only for the roles that can act, never another insured's."""

from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.roles import CREDIT_MANAGER, FINANCE
from claims.claims.models import Claim
from limits.models import CreditLimit
from portal.tasks import home_tasks
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, member
from tests.limit_factories import make_limit
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

DUE = date(2026, 1, 10)  # notification deadline 11 March, filing window 9 June to 7 September (policy defaults)


def _groups(tenant, user, today):
    return {group.key: group for group in home_tasks(tenant=tenant, user=user, today=today)}


def _decided(limit, day, state=CreditLimit.State.REFUSED):
    with scopes_disabled():
        CreditLimit.objects.filter(pk=limit.pk).update(
            state=state, decided_at=timezone.make_aware(datetime.combine(day, time(10))))


@pytest.fixture
def limits_book(tenant, policy, outsider_policy):
    book = {
        "pending": make_limit(policy, make_buyer("Pending Buyer GmbH"), 70_000, state=CreditLimit.State.PENDING),
        "expiring": make_limit(policy, make_buyer("Expiring Buyer SARL", "FR"), 20_000,
                               expiry_date=date(2026, 3, 20)),
        "later": make_limit(policy, make_buyer("Far Expiry Lda", "PT"), 20_000, expiry_date=date(2026, 9, 1)),
        "review": make_limit(policy, make_buyer("Review Buyer SpA", "IT"), 20_000, under_review=True),
        "refused": make_limit(policy, make_buyer("Refused Buyer BV", "NL"), 20_000, state=CreditLimit.State.PENDING),
        "old": make_limit(policy, make_buyer("Old Decision AB", "SE"), 20_000, state=CreditLimit.State.PENDING),
    }
    _decided(book["refused"], date(2026, 3, 10))
    _decided(book["old"], date(2026, 1, 10))
    make_limit(outsider_policy, make_buyer("Outsider Pending Ltd", "GB"), 5_000, state=CreditLimit.State.PENDING)
    return book


def test_limit_groups_list_requests_decisions_and_limits_needing_attention(limits_book, tenant, user):
    groups = _groups(tenant, user, date(2026, 3, 15))
    pending = groups["limits_pending"]
    assert (pending.count, [i.label for i in pending.items]) == (1, ["Pending Buyer GmbH"])
    assert pending.items[0].link == f"/limits/{limits_book['pending'].pk}/"
    assert pending.link == "/limits/?state=pending"
    decided = groups["decisions_received"]
    assert [i.label for i in decided.items] == ["Refused Buyer BV"]  # the January decision is no news any more
    attention = groups["limits_attention"]
    # Expiring within 30 days first, then under review; the September expiry is not due yet.
    assert [i.label for i in attention.items] == ["Expiring Buyer SARL", "Review Buyer SpA"]
    assert attention.items[0].note == "Expires on 2026-03-20" and attention.items[0].urgent
    assert attention.items[1].note == "Under review by the insurer"


def test_outsider_sees_only_its_own_tasks(limits_book, other_tenant, outsider, client_of_outsider):
    from core.tenancy import tenant_scope

    with tenant_scope(other_tenant):
        groups = _groups(other_tenant, outsider, date(2026, 3, 15))
    assert [i.label for i in groups["limits_pending"].items] == ["Outsider Pending Ltd"]
    html = client_of_outsider.get("/").content.decode()
    assert "Outsider Pending Ltd" in html and "Pending Buyer GmbH" not in html


def test_a_group_shows_a_few_items_and_counts_the_rest(tenant, user, policy):
    for n in range(8):
        make_limit(policy, make_buyer(f"Waiting {n} Oy", "FI"), 1_000, state=CreditLimit.State.PENDING)
    pending = _groups(tenant, user, date(2026, 3, 15))["limits_pending"]
    assert (pending.count, len(pending.items), pending.more) == (8, 5, 3)
    assert [i.label for i in pending.items] == [f"Waiting {n} Oy" for n in range(5)]  # oldest request first


def test_draft_overdue_deadline_and_filing_windows(tenant, user, policy, today):
    today(date(2026, 3, 5))
    draft = _draft(tenant, policy, make_buyer("Draft Debtor SL", "ES"))
    declared = declare(tenant, policy, make_buyer("Open Debtor SA", "ES"), [invoice_line(due=DUE)],
                       notified_on=date(2026, 2, 1))
    groups = _groups(tenant, user, date(2026, 3, 5))
    (item,) = groups["notification_deadlines"].items
    assert (item.label, item.when, item.urgent) == ("Draft Debtor SL", date(2026, 3, 11), True)
    assert item.link == f"/overdues/{draft.pk}/" and item.note == "Notify by 2026-03-11"
    assert "filing_windows" not in groups  # opens 9 June: beyond 30 days

    (opening,) = _groups(tenant, user, date(2026, 5, 20))["filing_windows"].items
    assert (opening.label, opening.note) == ("Open Debtor SA", "A claim can be filed from 2026-06-09")
    (closing,) = _groups(tenant, user, date(2026, 9, 1))["filing_windows"].items
    assert closing.note == "File a claim by 2026-09-07" and closing.urgent
    assert closing.link == f"/claims/new/?overdue={declared.pk}"
    assert "filing_windows" not in _groups(tenant, user, date(2026, 9, 8))  # closed: nothing left to do
    late = _groups(tenant, user, date(2026, 3, 20))["notification_deadlines"].items[0]
    assert late.note == "Notification deadline passed on 2026-03-11"


def _draft(tenant, policy, buyer):
    from claims.overdues import services as overdue_services
    from core.tenancy import tenant_scope

    with tenant_scope(tenant):
        return overdue_services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                                invoices=[invoice_line(due=DUE)], draft=True)


def test_claim_documents_missing(tenant, user, policy):
    overdue = declare(tenant, policy, make_buyer("Claimed Debtor Srl", "IT"), [invoice_line(due=DUE)],
                      notified_on=date(2026, 2, 1))
    with scopes_disabled():
        claim = Claim.objects.create(tenant=tenant, policy=policy, buyer=overdue.buyer, overdue=overdue,
                                     cause="insolvency", currency="EUR", date_of_loss=date(2026, 2, 20), event_date=date(2026, 2, 20),
                                     state=Claim.State.INCOMPLETE)
    (item,) = _groups(tenant, user, date(2026, 3, 5))["documents_missing"].items
    assert (item.label, item.link, item.note) == (
        "Claimed Debtor Srl", f"/claims/{claim.pk}/", "Documents requested by the claims handler")


def test_turnover_declarations_due_for_ended_months(tenant, user, policy):
    groups = _groups(tenant, user, date(2026, 3, 15))
    due = groups["turnover_due"]
    assert [i.label for i in due.items] == ["KR-TEST-001 · 2026-01", "KR-TEST-001 · 2026-02"]
    assert due.items[0].link == f"/policies/{policy.pk}/premium/declare/?period=2026-01-01"


def test_each_role_sees_only_the_groups_it_can_act_on(limits_book, tenant, policy):
    credit = member(tenant, [CREDIT_MANAGER])
    finance = member(tenant, [FINANCE])
    assert "turnover_due" not in _groups(tenant, credit, date(2026, 3, 15))
    assert "limits_pending" in _groups(tenant, credit, date(2026, 3, 15))
    assert "turnover_due" in _groups(tenant, finance, date(2026, 3, 15))
    nobody = member(tenant, roles=[])
    assert _groups(tenant, nobody, date(2026, 3, 15)) == {}


def test_home_page_links_each_task(limits_book, client_of_user):
    html = client_of_user.get("/").content.decode()
    assert "What needs doing" in html
    assert f'href="/limits/{limits_book["pending"].pk}/"' in html


def test_home_page_says_when_there_is_nothing_to_do(tenant):
    client = Client()
    client.force_login(member(tenant, roles=[]))
    assert "Nothing to do right now." in client.get("/").content.decode()


def test_task_queries_do_not_grow_with_rows(tenant, user, django_assert_num_queries):
    def add(n, start):
        for i in range(start, start + n):
            policy = PolicyFactory(tenant=tenant)
            buyer = make_buyer(f"Many {i} GmbH")
            make_limit(policy, buyer, 1_000, state=CreditLimit.State.PENDING)
            make_limit(policy, make_buyer(f"Expiring {i} GmbH"), 1_000, expiry_date=date(2026, 3, 20))
            declare(tenant, policy, buyer, [invoice_line(due=DUE)], notified_on=date(2026, 2, 1))

    add(2, 0)
    # The user's permissions (2, once per request); limits: 1 aggregate + 2 lists; overdues: a count of drafts
    # (none), a count of windows, the windows opening and the windows open (their stored dates); claims: 1 count;
    # turnover: 2 (policies, declared periods); periods: 3 (renewal offers, open periods, their terms versions).
    with django_assert_num_queries(15):
        home_tasks(tenant=tenant, user=user, today=date(2026, 5, 20))
    add(10, 2)
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(15):
        groups = {g.key: g for g in home_tasks(tenant=tenant, user=user, today=date(2026, 5, 20))}
    assert groups["limits_pending"].count == 12 and groups["filing_windows"].count == 12
    assert timedelta(0) <= groups["filing_windows"].items[0].when - date(2026, 5, 20)
