"""Every paginated list of the API, found in its OpenAPI schema (so a list added later is checked without being
named here), answers a page of 500 in as many queries as a page of 10, for the insured's token and the
insurer's, on a generated book with more rows than the small page (portal.loadgen) and a dozen proposals and
quotes. tests/test_list_page_sizes.py pins the exact counts of the main lists; this one keeps the rule for all."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator

from accounts.models import Tenant
from accounts.roles import STAFF_ROLES
from claims.claims.models import Claim
from policies.models import Policy
from portal.loadgen import LoadSizes, generate
from portal.loadgen.batch import Progress
from tests.factories import insurer_token_client, member
from tests.proposal_helpers import offered_quote, submit
from tests.test_list_page_sizes import _client_of

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]
SIZES = LoadSizes(buyers=300, limits=260, overdues=120, invoices=240, claims=15, tenants=2)
PROPOSALS = 12


def _list_paths() -> list[str]:
    """The GET operations of the schema that take a page size: the paginated lists."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get and any(p.get("in") == "query" and p["name"] == "page_size" for p in get.get("parameters", [])):
            paths.append(path)
    return sorted(paths)


def _measure(client, url: str) -> tuple[int, int]:
    client.get(url)  # a token's first use is recorded once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return len(queries), len(response.json()["results"])


@pytest.fixture
def book(underwriter):
    summary = generate(sizes=SIZES, seed=5, today=date(2026, 6, 15), progress=Progress(quiet=True))
    tenant = Tenant.objects.get(pk=summary.large_tenant_id)
    admin = member(tenant, roles=["Tenant admin"])
    for _ in range(PROPOSALS):
        offered_quote(submit(tenant, admin), underwriter)
    return summary


def test_every_paginated_list_answers_500_rows_in_the_queries_of_10(book):
    large = book.large_tenant_id
    ids = {"{id}": Policy.objects.filter(tenant_id=large).order_by("pk").values_list("pk", flat=True).first(),
           "{claim_id}": Claim.objects.filter(tenant_id=large).order_by("pk").values_list("pk", flat=True).first()}
    tenant_client, insurer_client = _client_of(large), insurer_token_client(STAFF_ROLES)
    paths = _list_paths()
    # The schema is read, not a list kept by hand: at least the lists of the time this test was written.
    assert {"/api/v1/limits/", "/api/v1/proposals/", "/api/v1/quotes/", "/api/v1/insurer/proposals/",
            "/api/v1/policies/{id}/periods/", "/api/v1/claims/{claim_id}/recoveries/"} <= set(paths)
    unequal, rows = {}, {}
    for path in paths:
        url = path
        for placeholder, pk in ids.items():
            url = url.replace(placeholder, str(pk))
        assert "{" not in url, f"a list under a path parameter this test cannot fill: {path}"
        client = insurer_client if path.startswith("/api/v1/insurer/") else tenant_client
        (q10, rows10), (q500, rows500) = _measure(client, f"{url}?page_size=10"), _measure(client, f"{url}?page_size=500")
        rows[path] = (rows10, rows500)
        if q10 != q500:
            unequal[path] = (q10, q500)
        if rows500 > 10:
            assert rows10 == 10, (path, rows10)
    assert unequal == {}
    # The book is larger than the small page where it matters: the main lists and the proposals added above.
    for path in ("/api/v1/limits/", "/api/v1/buyers/", "/api/v1/overdues/", "/api/v1/proposals/",
                 "/api/v1/quotes/", "/api/v1/insurer/proposals/", "/api/v1/insurer/buyers/"):
        assert rows[path][1] > 10, (path, rows[path])
