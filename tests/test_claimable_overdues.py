"""The overdues finance can claim on: the claims page's first rows (the windows closing first) and the whole list
by keyset, each in the same queries whatever the number of overdues, never another insured's."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.claims import views as claim_views
from tests.claim_helpers import file_protracted_default, late_payer
from tests.factories import logged_in
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

TODAY = date(2026, 7, 1)
SHIPPED = date(2026, 2, 1)  # due 2 April: the filing window (protracted default) closes 240 days later


@pytest.fixture(autouse=True)
def pinned_today(today):
    return today(TODAY)


def overdues(tenant, policy, count, start=0):
    """`count` open overdues, the n-th shipped n days after 1 February: its filing deadline n days later too."""
    return [declare(tenant=tenant, policy=policy, buyer=late_payer(f"Debtor {policy.pk}-{n} S.r.l."),
                    invoices=[invoice(f"F-{n}", shipped=SHIPPED + timedelta(days=n), amount=1_000)])
            for n in range(start, start + count)]


def listed(response) -> list[int]:
    return [row["overdue"].pk for row in response.context["overdue_rows"]]


def closes(n: int) -> date:
    return SHIPPED + timedelta(days=n + 60 + 240)


def test_the_claims_page_shows_the_windows_closing_first_in_the_same_queries(
        tenant, policy, user, outsider_policy):
    client = logged_in(user)
    overdues(outsider_policy.tenant, outsider_policy, 3)
    counts = []
    made = []
    for count in (3, 14):
        made += overdues(tenant, policy, count - len(made), start=len(made))
        client.get("/claims/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/claims/")
        counts.append(len(captured))
        assert response.status_code == 200
    assert counts == [10, 10]
    assert listed(response) == [o.pk for o in made[:claim_views.URGENT_OVERDUES]]  # closing first
    row = response.context["overdue_rows"][0]
    assert (row["window"].opens, row["window"].closes) == (SHIPPED + timedelta(days=60 + 150), closes(0))
    assert "/claims/claimable/" in response.content.decode()


def test_the_link_to_the_whole_list_shows_only_when_there_is_more(tenant, policy, user):
    overdues(tenant, policy, claim_views.URGENT_OVERDUES)
    response = logged_in(user).get("/claims/")
    assert len(listed(response)) == claim_views.URGENT_OVERDUES
    assert "/claims/claimable/" not in response.content.decode()


def test_the_whole_list_walks_every_overdue_by_keyset_in_the_same_queries(
        tenant, policy, user, outsider_policy, monkeypatch):
    monkeypatch.setattr(claim_views, "CLAIMABLE_PAGE_SIZE", 5)
    client = logged_in(user)
    made = overdues(tenant, policy, 12)
    overdues(outsider_policy.tenant, outsider_policy, 4)
    seen, url, pages = [], "/claims/claimable/", []
    client.get(url)
    while url:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        pages.append(len(captured))
        seen += listed(response)
        after = response.context["next_after"]
        url = f"/claims/claimable/?after={after}" if after else None
    assert seen == [o.pk for o in made]  # each once, the window closing first first, never the outsider's
    assert pages == [9, 9, 9]  # 5, 5 and 2 rows: the same queries


def test_a_bad_position_starts_the_list_again(tenant, policy, user):
    made = overdues(tenant, policy, 2)
    for after in ("nonsense", "2026-13-01.4", "2026-01-01.x", ""):
        response = logged_in(user).get("/claims/claimable/", {"after": after})
        assert response.status_code == 200 and listed(response) == [o.pk for o in made]


def test_closed_windows_and_filed_claims_are_not_listed(tenant, policy, user, today):
    first, second = overdues(tenant, policy, 2)
    claim = file_protracted_default(tenant=tenant, overdue=second, by=user, today=TODAY + timedelta(days=100))
    assert claim.state == "draft"
    assert listed(logged_in(user).get("/claims/claimable/")) == [first.pk]  # a claim on it is open, even a draft
    today(closes(0))
    assert listed(logged_in(user).get("/claims/claimable/")) == [first.pk]  # its last day
    today(closes(0) + timedelta(days=1))
    assert listed(logged_in(user).get("/claims/claimable/")) == []


def test_an_outsider_sees_none_of_the_insureds_overdues(tenant, policy, client_of_outsider):
    overdues(tenant, policy, 2)
    for url in ("/claims/", "/claims/claimable/"):
        response = client_of_outsider.get(url)
        assert response.status_code == 200 and listed(response) == []
        assert "Debtor" not in response.content.decode()
