"""The home page's tasks of the policy's periods (portal.tasks): a renewal offer awaiting the insured's answer, and
an insurance period whose notice of non-renewal is due soon. Only for the roles that can act, never another
insured's."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN
from policies.periods import services as periods
from policies.periods.models import InsurancePeriod, RenewalOffer
from portal.tasks import home_tasks
from tests.factories import PolicyFactory, logged_in, member

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


def _policy(tenant, *, ends_in, number):
    end = TODAY + timedelta(days=ends_in)
    return PolicyFactory(tenant=tenant, number=number, start_date=end - timedelta(days=364), end_date=end)


def _offer(policy):
    with scopes_disabled():
        period = InsurancePeriod.objects.get(policy=policy)
        return periods.offer_renewal(period=period, loss_ratio_percent=Decimal("10"), today=TODAY)


def _groups(tenant, user):
    with scopes_disabled():
        return {group.key: group for group in home_tasks(tenant=tenant, user=user, today=TODAY)}


@pytest.fixture
def book(tenant, other_tenant):
    offered = _policy(tenant, ends_in=30, number="KR-OFFERED")
    _offer(offered)
    notice_due = _policy(tenant, ends_in=100, number="KR-NOTICE-DUE")  # notice by end - 90 days: in 10 days
    _policy(tenant, ends_in=200, number="KR-LATER")  # notice due in 110 days: not yet worth a line
    given = _policy(tenant, ends_in=100, number="KR-GIVEN")
    with scopes_disabled():
        periods.give_notice(policy=given, kind="non_renewal", side="insured", reason="Closing", given_by=None,
                            today=TODAY)
    _offer(_policy(other_tenant, ends_in=30, number="KR-OUTSIDER"))
    return {"offered": offered, "notice_due": notice_due}


def test_a_renewal_offer_awaits_the_tenant_admins_answer_until_the_period_ends(tenant, book):
    group = _groups(tenant, member(tenant, [TENANT_ADMIN]))["renewal_offers"]
    assert group.count == 1
    (item,) = group.items
    assert item.label == "KR-OFFERED" and item.when == TODAY + timedelta(days=30)
    assert item.link == f"/policies/{book['offered'].pk}/#renewal-offer" and not item.urgent


def test_a_period_whose_notice_is_due_soon_is_a_task_and_a_period_with_notice_given_is_not(tenant, book):
    group = _groups(tenant, member(tenant, [TENANT_ADMIN]))["period_ending"]
    assert [item.label for item in group.items] == ["KR-NOTICE-DUE"]
    (item,) = group.items
    assert item.when == TODAY + timedelta(days=10) and item.link == f"/policies/{book['notice_due'].pk}/"
    assert str(TODAY + timedelta(days=100)) in item.note


def test_a_role_that_cannot_answer_nor_give_notice_sees_neither(tenant, book):
    groups = _groups(tenant, member(tenant, [CREDIT_MANAGER]))
    assert "renewal_offers" not in groups and "period_ending" not in groups


def test_an_answered_offer_leaves_the_list(tenant, book):
    with scopes_disabled():
        offer = RenewalOffer.objects.get(policy=book["offered"])
        periods.decline_offer(offer=offer, declined_by=None, today=TODAY)
    assert "renewal_offers" not in _groups(tenant, member(tenant, [TENANT_ADMIN]))


def test_the_home_page_shows_the_offer_and_the_outsider_sees_none_of_it(tenant, other_tenant, book, today):
    today(TODAY)
    page = logged_in(member(tenant, [TENANT_ADMIN])).get("/").content.decode()
    assert "KR-OFFERED" in page and "KR-NOTICE-DUE" in page and "KR-OUTSIDER" not in page
    outsider = logged_in(member(other_tenant, [TENANT_ADMIN])).get("/").content.decode()
    assert "KR-OUTSIDER" in outsider and "KR-OFFERED" not in outsider
