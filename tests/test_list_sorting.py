"""Sortable, paginated lists (core.sorting): ?sort= from a whitelist per list, the links keeping the search,
the filter and the sort; never another tenant's rows."""

import re

import pytest

from core.sorting import SortColumns
from limits.models import CreditLimit
from tests.buyer_factories import make_buyer
from tests.limit_factories import make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


@pytest.fixture
def limits(policy, outsider_policy):
    make_limit(policy, make_buyer("Beta Buyer GmbH"), 30_000)
    make_limit(policy, make_buyer("Alpha Buyer SA", "FR"), 10_000)
    make_limit(policy, make_buyer("Gamma Buyer Lda", "PT"), 20_000, state=CreditLimit.State.PENDING)
    make_limit(outsider_policy, make_buyer("Aardvark Outsider Ltd", "GB"), 50_000)


def _buyers(html):
    return re.findall(r"<td>([A-Z][a-z]+ [A-Za-z]+ [A-Za-z]+) <span", html)


def test_limits_sort_by_buyer_and_amount_both_ways(limits, client_of_user):
    assert _buyers(client_of_user.get("/limits/?sort=buyer").content.decode()) == [
        "Alpha Buyer SA", "Beta Buyer GmbH", "Gamma Buyer Lda"]
    assert _buyers(client_of_user.get("/limits/?sort=-buyer").content.decode()) == [
        "Gamma Buyer Lda", "Beta Buyer GmbH", "Alpha Buyer SA"]
    # Amount in force: the pending request has none and comes last either way.
    assert _buyers(client_of_user.get("/limits/?sort=-in_force").content.decode()) == [
        "Beta Buyer GmbH", "Alpha Buyer SA", "Gamma Buyer Lda"]


def test_an_unknown_sort_falls_back_to_the_default_order(limits, client_of_user):
    newest_first = _buyers(client_of_user.get("/limits/").content.decode())
    for value in ("tenant__legal_name", "-password", "buyer__legal_name", "1;drop"):
        response = client_of_user.get(f"/limits/?sort={value}")
        assert response.status_code == 200 and _buyers(response.content.decode()) == newest_first


def test_header_links_keep_the_search_and_filter_and_mark_the_sorted_column(limits, client_of_user):
    html = client_of_user.get("/limits/?q=buyer&state=in_force&sort=buyer&page=1").content.decode()
    assert 'aria-sort="ascending"' in html
    assert 'href="?q=buyer&amp;state=in_force&amp;sort=-buyer"' in html  # again: descending, from page 1
    assert 'href="?q=buyer&amp;state=in_force&amp;sort=expiry"' in html
    assert '<input type="hidden" name="sort" value="buyer">' in html  # the filter form keeps the sort


def test_page_links_keep_the_search_and_sort(policy, client_of_user, settings):
    for n in range(51):
        make_limit(policy, make_buyer(f"Paged {n:02d} Buyer Oy", "FI"), 1_000)
    html = client_of_user.get("/limits/?q=paged&sort=-buyer").content.decode()
    assert 'href="?q=paged&amp;sort=-buyer&amp;page=2"' in html
    second = client_of_user.get("/limits/?q=paged&sort=-buyer&page=2").content.decode()
    assert "Paged 00 Buyer Oy" in second and "Paged 50 Buyer Oy" not in second


def test_the_outsider_sorts_only_its_own(limits, client_of_outsider):
    assert _buyers(client_of_outsider.get("/limits/?sort=buyer").content.decode()) == ["Aardvark Outsider Ltd"]


def test_overdue_and_claim_lists_accept_their_sorts(client_of_user):
    for url in ("/overdues/?sort=-outstanding", "/overdues/?sort=buyer", "/claims/?sort=-paid", "/claims/?sort=x"):
        assert client_of_user.get(url).status_code == 200


def test_sort_columns_whitelist():
    columns = SortColumns({"buyer": "buyer__legal_name"}, default=["-pk"])
    assert columns.chosen("-buyer") == ("buyer", True)
    assert columns.chosen("buyer__legal_name") is None
    headers = columns.headers("-buyer")
    assert (headers["buyer"].next, headers["buyer"].direction) == ("buyer", "descending")


def test_sorting_costs_no_extra_query(limits, client_of_user, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client_of_user.get("/limits/")
    with CaptureQueriesContext(connection) as default:
        client_of_user.get("/limits/")
    with django_assert_num_queries(len(default.captured_queries)):
        client_of_user.get("/limits/?sort=-requested")
