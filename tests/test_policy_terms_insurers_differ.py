"""Two policy terms insurers differ on (domain.md, Policy terms), each at its boundaries for both choices:

- the overdue notification deadline counts from the original due date (default) or from the end of the maximum
  extension period (Atradius: "within 30 days of its expiry");
- the notice before an insurer's reduction or withdrawal takes effect: 1 day by default (the day after notice),
  30 at Atradius.

Both are computed in policies/deadlines.py; columns with CHECKs, the admin and the API show them.
"""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scopes_disabled

from claims.overdues.models import Invoice
from core.exceptions import DomainError
from core.tenancy import tenant_scope
from limits import services as limit_services
from limits.models import LimitDecision
from limits.selectors import cover_in_force
from policies.deadlines import invoice_deadlines, reduction_effective_from
from policies.models import Policy
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, admin_policy_form, eur, policy_terms
from tests.limit_factories import approved_limit
from tests.overdue_factories import declare, invoice_line

pytestmark = pytest.mark.django_db

DUE = date(2026, 1, 10)  # example 6: the maximum extension period (60 days) ends on 11 March 2026


# --- the notification deadline ------------------------------------------------------------------

# (counted from, notification days, the deadline, the day before, the day of, the day after)
NOTIFICATION = [
    ("due_date", 60, date(2026, 3, 11)),  # example 6
    ("max_extension_end", 30, date(2026, 4, 10)),  # 11 March + 30
    ("max_extension_end", 60, date(2026, 5, 10)),
]


@pytest.mark.parametrize("counted_from,days,deadline", NOTIFICATION)
def test_the_notification_deadline_counts_from_the_chosen_day(tenant, counted_from, days, deadline):
    terms = policy_terms(notification_deadline_from=counted_from, overdue_notification_days=days)
    deadlines = invoice_deadlines(terms=terms, due_date=DUE)
    assert deadlines.max_extension_end == date(2026, 3, 11)
    assert deadlines.notification_deadline == deadline
    assert [deadlines.notified_late(deadline + timedelta(days=d)) for d in (-1, 0, 1)] == [
        False, False, True]
    # The other deadlines still count from the due date.
    assert (deadlines.waiting_period_end, deadlines.claim_filing_deadline) == (date(2026, 6, 9), date(2026, 9, 7))


@pytest.mark.parametrize("counted_from,days,deadline", NOTIFICATION)
@pytest.mark.parametrize("offset,late", [(-1, False), (0, False), (1, True)])
def test_a_notification_is_flagged_late_only_after_the_deadline(tenant, counted_from, days, deadline, offset, late):
    policy = PolicyFactory(tenant=tenant, notification_deadline_from=counted_from, overdue_notification_days=days)
    overdue = declare(tenant, policy, make_buyer(), [invoice_line(due=DUE)], notified_on=deadline + timedelta(offset))
    with tenant_scope(tenant):
        assert Invoice.objects.get(overdue=overdue).notified_late is late


# --- the notice before a reduction or withdrawal ---------------------------------------------------

NOTIFIED = date(2026, 3, 1)


@pytest.mark.parametrize("notice,effective", [(1, date(2026, 3, 2)), (30, date(2026, 3, 31))])
def test_a_reduction_takes_effect_after_the_policys_notice(tenant, underwriter, notice, effective):
    policy = PolicyFactory(tenant=tenant, reduction_notice_days=notice)
    assert reduction_effective_from(terms=policy.terms_shown(), notified_on=NOTIFIED) == effective
    buyer = make_buyer(grade=2)
    limit = approved_limit(tenant, policy, buyer, 40_000, underwriter)
    with scopes_disabled():  # the underwriter reduces in the admin
        decision = limit_services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(10_000),
                                               reason_codes=["buyer_grade"], notified_on=NOTIFIED)
    assert decision.effective_date == effective
    with tenant_scope(tenant):
        assert cover_in_force(policy=policy, buyer=buyer, on=effective - timedelta(days=1)).amount == eur(40_000)
        assert cover_in_force(policy=policy, buyer=buyer, on=effective).amount == eur(10_000)


@pytest.mark.unscoped
@pytest.mark.parametrize("action", ["reduce", "withdraw"])
@pytest.mark.parametrize("notice,refused_on,accepted_on,message", [
    (1, date(2026, 3, 1), date(2026, 3, 2),
     "A reduction or withdrawal takes effect only after the day the insured is notified."),
    (30, date(2026, 3, 30), date(2026, 3, 31),
     "A reduction or withdrawal takes effect only 30 days after the insured is notified: from 2026-03-31."),
])
def test_an_effective_date_within_the_notice_is_refused(tenant, underwriter, action, notice, refused_on,
                                                        accepted_on, message):
    policy = PolicyFactory(tenant=tenant, reduction_notice_days=notice)
    buyer = make_buyer(grade=2)
    limit = approved_limit(tenant, policy, buyer, 40_000, underwriter)

    def act(effective_date):
        if action == "reduce":
            return limit_services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(10_000),
                                               reason_codes=["buyer_grade"], notified_on=NOTIFIED,
                                               effective_date=effective_date)
        return limit_services.withdraw_limit(limit=limit, decided_by=underwriter, reason_codes=["buyer_grade"],
                                             notified_on=NOTIFIED, effective_date=effective_date)

    with pytest.raises(DomainError) as refused:
        act(refused_on)
    assert (refused.value.field, refused.value.message) == ("effective_date", message)
    assert not LimitDecision.objects.filter(limit=limit, kind__in=["reduced", "withdrawn"]).exists()
    assert act(accepted_on).effective_date == accepted_on
    assert cover_in_force(policy=policy, buyer=buyer, on=refused_on).amount == eur(40_000)


# --- columns, checks, admin, API --------------------------------------------------------------------


@pytest.mark.unscoped
@pytest.mark.parametrize("field,value", [
    ("notification_deadline_from", "end_of_month"),
    ("reduction_notice_days", 0),
    ("reduction_notice_days", 366),
])
def test_the_database_checks_the_terms(tenant, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        PolicyFactory(tenant=tenant, **{field: value})


@pytest.mark.unscoped
def test_the_admin_endorses_both_terms(client_of_underwriter, tenant):
    policy = PolicyFactory(tenant=tenant)
    url = f"/admin/policies/policy/{policy.pk}/endorse/"
    page = client_of_underwriter.get(url).content.decode()
    assert 'name="notification_deadline_from"' in page and 'name="reduction_notice_days"' in page
    assert "the end of the maximum extension period" in page
    form = {k: v for k, v in admin_policy_form(tenant).items() if k not in {
        "tenant", "number", "status", "start_date", "end_date", "currency"}}
    form |= {"effective_from": "2026-07-01", "reason": "Atradius wording", "notification_deadline_from":
             "max_extension_end", "reduction_notice_days": "30"}
    response = client_of_underwriter.post(url, form)
    assert response.status_code == 302, response.context["form"].errors
    with scopes_disabled():
        policy = Policy.objects.get(pk=policy.pk)
        before, after = policy.terms_on(date(2026, 6, 30)), policy.terms_on(date(2026, 7, 1))
    assert (before.notification_deadline_from, before.reduction_notice_days) == ("due_date", 1)
    assert (after.notification_deadline_from, after.reduction_notice_days) == ("max_extension_end", 30)
    # Out of the CHECK constraint's range: a form error, nothing saved.
    refused = client_of_underwriter.post(url, form | {"effective_from": "2026-08-01", "reduction_notice_days": "0"})
    assert "reduction_notice_days" in refused.context["form"].errors
    assert policy.terms_versions.count() == 2


def test_the_api_and_the_page_show_both_terms(api_client, api_client_of_outsider, client_of_user, tenant):
    policy = PolicyFactory(tenant=tenant, notification_deadline_from=Policy.NotificationDeadlineFrom.MAX_EXTENSION_END,
                           overdue_notification_days=30, reduction_notice_days=30)
    terms = api_client.get(f"/api/v1/policies/{policy.pk}/").json()["terms"]
    assert (terms["notification_deadline_from"], terms["overdue_notification_days"], terms["reduction_notice_days"]) == (
        "max_extension_end", 30, 30)
    assert api_client_of_outsider.get(f"/api/v1/policies/{policy.pk}/").status_code == 404
    page = client_of_user.get(f"/policies/{policy.pk}/").content.decode()
    assert "after the end of the maximum extension period" in page
