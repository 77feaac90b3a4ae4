"""Limits exported to CSV: only the tenant's rows, formulas neutralised, filters, one query whatever the rows."""

import csv
import io

import pytest
from django.utils import timezone
from django_scopes import scope
from moneyed import Money

from core.tenancy import tenant_scope
from limits import services
from limits.bulk import csv_export
from limits.models import CreditLimit
from tests.limit_factories import csv_buyer, in_force_policy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


def download(client, url="/limits/export.csv"):
    response = client.get(url)
    assert response.status_code == 200 and response.streaming
    # Consumed as a server does, after the middleware left the request's scope: with scoping on and no
    # scope at all, a query outside the generator's own tenant scope would raise ScopeError.
    with scope(_enabled=True):
        body = b"".join(response.streaming_content).decode("utf-8")
    return response, list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))


@pytest.fixture
def limits_of_both(tenant, user, outsider, other_tenant):
    policy, outsider_policy = in_force_policy(tenant, "KR-TEST-001"), in_force_policy(other_tenant, "KR-OUT-001")
    buyers = [csv_buyer(f"PT{n:09d}") for n in range(1, 4)]
    with tenant_scope(tenant):
        ours = [
            services.request_limit(tenant=tenant, requested_by=user, policy=policy, buyer=buyers[0],
                                   amount=Money("40000.50", "EUR"), terms_days=90, reference="=HYPERLINK(\"x\")").limit,
            services.request_limit(tenant=tenant, requested_by=user, policy=policy, buyer=buyers[1],
                                   amount=Money(60000, "EUR"), terms_days=60, reference="OURS-2").limit,
        ]
    with tenant_scope(outsider_policy.tenant):
        theirs = services.request_limit(tenant=outsider_policy.tenant, requested_by=outsider, policy=outsider_policy,
                                        buyer=buyers[2], amount=Money(1000, "EUR"), terms_days=30,
                                        reference="THEIRS-1").limit
    return ours, theirs


def test_export_holds_only_the_tenants_limits_and_neutralises_formulas(client_of_user, limits_of_both):
    ours, theirs = limits_of_both
    response, rows = download(client_of_user)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="kredo-limits-{timezone.localdate().isoformat()}.csv"'
    )
    assert [int(row["id"]) for row in rows] == sorted(limit.pk for limit in ours)
    assert "THEIRS-1" not in {row["reference"] for row in rows}
    first = rows[0]
    assert first["reference"] == "'=HYPERLINK(\"x\")"
    assert (first["policy_number"], first["buyer_country"], first["buyer_registration_number"]) == (
        "KR-TEST-001", "PT", "PT000000001")
    assert (first["state"], first["requested_amount"], first["decided_amount"], first["is_discretionary"]) == (
        "in_force", "40000.50", "40000.50", "false")
    assert rows[1]["state"] == "pending" and rows[1]["decided_amount"] == ""
    assert list(rows[0].keys()) == list(csv_export.EXPORT_COLUMNS)


def test_export_filters_by_state(client_of_user, limits_of_both):
    _response, rows = download(client_of_user, "/limits/export.csv?state=pending")
    assert [row["reference"] for row in rows] == ["OURS-2"]
    _response, rows = download(client_of_user, "/limits/export.csv?state=nonsense")
    assert len(rows) == 2


def test_the_outsider_downloads_only_their_own_rows(client_of_outsider, limits_of_both, other_tenant):
    _ours, theirs = limits_of_both
    _response, rows = download(client_of_outsider)
    assert [row["reference"] for row in rows] == ["THEIRS-1"]
    with tenant_scope(other_tenant):
        CreditLimit.objects.filter(pk=theirs.pk).update(state="cancelled")
    _response, rows = download(client_of_outsider, "/limits/export.csv?state=in_force")
    assert rows == []


@pytest.mark.parametrize("n", [5, 50])
def test_export_query_count_is_constant(tenant, user, django_assert_num_queries, n):
    policy = in_force_policy(tenant, "KR-TEST-001")
    buyers = [csv_buyer(f"E{i:09d}") for i in range(n)]
    CreditLimit.objects.bulk_create([
        CreditLimit(tenant=tenant, policy=policy, buyer=buyer, reference=f"E-{i}", state="in_force",
                    currency="EUR", requested_amount=1000, requested_terms_days=30, decided_amount=1000)
        for i, buyer in enumerate(buyers)
    ])
    with django_assert_num_queries(1):
        lines = list(csv_export.export_limits_csv(tenant=tenant))
    assert len(lines) == n + 1
