"""Every list endpoint of the API answers a page of 500 in as many queries as a page of 10, on a generated
book with more rows than either page (portal.loadgen); and large lists can be walked by keyset (?cursor=),
each row once, newest first, without a count."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import Tenant
from accounts.roles import STAFF_ROLES, TENANT_ROLES
from accounts.services import create_api_token
from claims.claims.models import Claim
from limits.models import CreditLimit
from portal.loadgen import LoadSizes, generate
from portal.loadgen.batch import Progress
from tests.factories import insurer_token_client

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
SIZES = LoadSizes(buyers=900, limits=800, overdues=520, invoices=900, claims=30, tenants=2)

# Exact counts: token, permissions, (count,) page, and one query per prefetched relation; never per row.
TENANT_LISTS = {
    # Policies, overdues and claims bring their policies' terms versions (one prefetch, issue 10).
    "/api/v1/policies/": 6, "/api/v1/limits/": 5, "/api/v1/buyers/": 6, "/api/v1/overdues/": 7,
    "/api/v1/claims/": 7, "/api/v1/turnover-declarations/": 4, "/api/v1/webhooks/endpoints/": 4,
    "/api/v1/webhooks/deliveries/": 4, "/api/v1/collection-cases/": 4,
    # The early warnings' alerts (buyers.monitoring), with their buyer.
    "/api/v1/buyer-alerts/": 5,
}


@pytest.fixture
def book():
    return generate(sizes=SIZES, seed=11, today=date(2026, 6, 15), progress=Progress(quiet=True))


def _client_of(tenant_id: int) -> APIClient:
    tenant = Tenant.objects.get(pk=tenant_id)
    _, key = create_api_token(tenant=tenant, created_by=None, name="lists", roles=list(TENANT_ROLES))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _queries(client, url: str) -> tuple[int, int]:
    client.get(url)  # the token's first use is recorded once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries), len(response.json()["results"])


def test_every_list_answers_500_rows_in_the_queries_of_10(book):
    from buyers.monitoring.job import run_early_warnings

    run_early_warnings(today=date(2026, 6, 15))  # the book's alerts (limits expiring, overdues notified ...)
    client = _client_of(book.large_tenant_id)
    counts, rows = {}, {}
    for url in TENANT_LISTS:
        (q10, rows10), (q500, rows500) = _queries(client, f"{url}?page_size=10"), _queries(client, f"{url}?page_size=500")
        counts[url], rows[url] = (q10, q500), (rows10, rows500)
    assert counts == {url: (n, n) for url, n in TENANT_LISTS.items()}
    for url in ("/api/v1/limits/", "/api/v1/buyers/", "/api/v1/overdues/"):
        assert rows[url] == (10, 500)
    assert rows["/api/v1/buyer-alerts/"][0] == 10, rows["/api/v1/buyer-alerts/"]  # the generated book is larger than both pages


def test_the_insurer_lists_and_a_claims_recoveries_too(book):
    client = insurer_token_client(STAFF_ROLES)
    assert _queries(client, "/api/v1/insurer/claims/?page_size=10")[0] == 7
    assert _queries(client, "/api/v1/insurer/claims/?page_size=500")[0] == 7
    assert _queries(client, "/api/v1/insurer/buyers-to-review/?page_size=10")[0] == _queries(
        client, "/api/v1/insurer/buyers-to-review/?page_size=500")[0]
    claim = Claim.objects.filter(tenant_id=book.large_tenant_id).order_by("pk").first()
    tenant_client = _client_of(book.large_tenant_id)
    url = f"/api/v1/claims/{claim.pk}/recoveries/"
    assert _queries(tenant_client, f"{url}?page_size=10")[0] == _queries(tenant_client, f"{url}?page_size=500")[0] == 5


def test_a_cursor_walks_every_limit_once_newest_first_without_counting(book):
    large, outsider = book.tenant_ids
    client = _client_of(large)
    seen, url, pages = [], "/api/v1/limits/?cursor=&page_size=100", 0
    while url:
        with CaptureQueriesContext(connection) as queries:
            body = client.get(url).json()
        assert "count" not in body
        assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
        seen += [row["id"] for row in body["results"]]
        url, pages = body["next"], pages + 1
    expected = list(CreditLimit.objects.filter(tenant_id=large).order_by("-created_at", "-pk").values_list("pk", flat=True))
    assert seen == expected and pages == 8
    assert not CreditLimit.objects.filter(pk__in=seen, tenant_id=outsider).exists()


def test_a_cursor_keeps_the_filters_and_a_bad_cursor_is_a_clear_404(book):
    client = _client_of(book.large_tenant_id)
    body = client.get("/api/v1/limits/?cursor=&state=pending&page_size=5").json()
    assert body["results"] and {row["state"] for row in body["results"]} == {"pending"}
    assert "state=pending" in body["next"]
    response = client.get("/api/v1/limits/?cursor=not-a-cursor")
    assert response.status_code == 404
