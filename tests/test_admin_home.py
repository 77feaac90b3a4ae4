"""The admin home shows each staff member their work queues (core.work_queues): counts and the oldest item's
age, linked to the queue; a tenant's user never reaches it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from claims.claims.models import Claim
from core.work_queues import work_queues_for
from limits.models import CreditLimit
from tests.buyer_factories import make_buyer
from tests.factories import logged_in
from tests.limit_factories import make_limit
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]


@pytest.fixture
def queues(tenant, policy, outsider_policy):
    old = make_limit(policy, make_buyer("Oldest Request GmbH"), 80_000, state=CreditLimit.State.PENDING)
    make_limit(outsider_policy, make_buyer("Other Insured Request SA", "FR"), 80_000, state=CreditLimit.State.PENDING)
    make_limit(policy, make_buyer("Review Buyer SpA", "IT"), 20_000, under_review=True)
    with scopes_disabled():
        CreditLimit.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3, hours=1))
    overdue = declare(tenant, policy, make_buyer("Claimed Debtor Srl", "IT"), [invoice_line()],
                      notified_on=date(2026, 2, 1))
    with scopes_disabled():
        Claim.objects.create(tenant=tenant, policy=policy, buyer=overdue.buyer, overdue=overdue, cause="insolvency",
                             currency="EUR", date_of_loss=date(2026, 2, 20), event_date=date(2026, 2, 20),
                             state=Claim.State.SUBMITTED)


def test_underwriter_sees_the_decision_queue_with_count_and_age(queues, underwriter, client_of_underwriter):
    by_key = {q.key: q for q in work_queues_for(underwriter)}
    # Not the claims handler's; the buyers with alerts to review (early warnings) are the underwriters' too.
    assert set(by_key) == {"limit_requests", "limits_under_review", "buyers_to_review"}
    assert by_key["buyers_to_review"].count == 0
    assert by_key["limit_requests"].count == 2  # every insured's requests: the underwriters decide them all
    assert by_key["limits_under_review"].count == 1
    page = client_of_underwriter.get("/admin/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'href="/admin/limits/creditlimit/queue/"' in html and "Limit requests waiting for a decision" in html
    assert "3\xa0days" in html  # the oldest request waits since three days and an hour


def test_claims_handler_sees_the_claims_queues(queues, claims_handler):
    client = logged_in(claims_handler)
    by_key = {q.key: q for q in work_queues_for(claims_handler)}
    assert set(by_key) == {"claims_submitted", "claims_complete", "claims_approved"}
    assert (by_key["claims_submitted"].count, by_key["claims_complete"].count) == (1, 0)
    html = client.get("/admin/").content.decode()
    assert 'href="/admin/claims/claim/?state__exact=submitted"' in html


def test_admin_home_reads_each_queue_in_one_query(queues, underwriter, django_assert_num_queries):
    underwriter.get_all_permissions()  # the user's permissions are read once per request anyway
    # The limits' queues in one aggregate over the limits, the buyers to review in one over the alerts.
    with django_assert_num_queries(2):
        work_queues_for(underwriter)


def test_tenant_users_do_not_reach_the_admin_home(queues, client_of_user, client_of_outsider):
    for client in (client_of_user, client_of_outsider):
        response = client.get("/admin/")
        assert response.status_code == 302 and "Oldest Request" not in response.content.decode()
