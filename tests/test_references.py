"""The insured's own reference is unique per tenant on limits, overdues and claims (a database constraint and the
service's message), and finds the one object through the API (`?reference=`, exact, the tenant's own only).

Another insured may use the same reference: it is theirs, and never shows.
"""

from datetime import date
from importlib import import_module

import pytest
from django.db import IntegrityError, connection, transaction
from django_scopes import scopes_disabled

from claims.claims import services as claims
from claims.claims.models import Cause, Claim
from claims.overdues import services as overdue_services
from claims.overdues.models import Overdue
from core.exceptions import DomainError
from core.tenancy import tenant_scope
from tests.buyer_factories import make_buyer
from tests.factories import api_error
from tests.limit_factories import ask_for_limit
from tests.overdue_factories import invoice_line

pytestmark = pytest.mark.django_db

USED = "You already used the reference REF-1."


def declare(tenant, policy, buyer, reference, number="F-1"):
    with tenant_scope(tenant):
        return overdue_services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                                invoices=[invoice_line(number)], notified_on=date(2026, 2, 1),
                                                reference=reference)


def file_claim(tenant, overdue, reference):
    with tenant_scope(tenant):
        window = claims.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
        return claims.file_claim(tenant=tenant, filed_by=None, overdue=overdue, cause=Cause.PROTRACTED_DEFAULT,
                                 today=window.opens, reference=reference)


@pytest.fixture
def two_buyers(db):
    return make_buyer("First Buyer SpA", "IT"), make_buyer("Second Buyer SpA", "IT")


# --- the services and the database ---------------------------------------------------------------


def test_an_overdue_reference_is_used_once_per_tenant(tenant, policy, two_buyers, other_tenant, outsider_policy):
    first, second = two_buyers
    declare(tenant, policy, first, "REF-1")
    with pytest.raises(DomainError) as refused:
        declare(tenant, policy, second, " REF-1 ")
    assert (refused.value.field, refused.value.message) == ("reference", USED)
    with scopes_disabled():
        assert Overdue.objects.filter(buyer=second).count() == 0
    # Another insured's reference is its own.
    assert declare(other_tenant, outsider_policy, first, "REF-1").reference == "REF-1"
    # Without a reference, as many as one likes.
    assert declare(tenant, policy, second, "").reference == ""


def test_a_claim_reference_is_used_once_per_tenant(tenant, policy, two_buyers, other_tenant, outsider_policy):
    first, second = two_buyers
    file_claim(tenant, declare(tenant, policy, first, ""), "REF-1")
    with pytest.raises(DomainError) as refused:
        file_claim(tenant, declare(tenant, policy, second, ""), "REF-1")
    assert (refused.value.field, refused.value.message) == ("reference", USED)
    with scopes_disabled():
        assert Claim.objects.filter(buyer=second).count() == 0
    outsiders = file_claim(other_tenant, declare(other_tenant, outsider_policy, first, ""), "REF-1")
    assert outsiders.reference == "REF-1"


@pytest.mark.unscoped
def test_the_database_keeps_references_unique_per_tenant(tenant, policy, two_buyers):
    first, second = two_buyers
    overdue = declare(tenant, policy, first, "OD-1")
    claim = file_claim(tenant, overdue, "CL-1")
    other = declare(tenant, policy, second, "")  # taking a used reference past the service:
    with pytest.raises(IntegrityError), transaction.atomic():
        Overdue.objects.filter(pk=other.pk).update(reference="OD-1")
    other_claim = file_claim(tenant, other, "")
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=other_claim.pk).update(reference="CL-1")
    # An empty reference is no reference: many may have none.
    Claim.objects.filter(pk=claim.pk).update(reference="")
    assert Claim.objects.filter(tenant=tenant, reference="").count() == 2


# --- the migration that resolves the duplicates made before the constraint ----------------------

resolve = import_module("claims.migrations.0005_resolve_duplicate_references").resolve_duplicates


@pytest.mark.unscoped
def test_the_migration_renames_duplicates_deterministically(tenant, policy, other_tenant, outsider_policy):
    # The rows the constraint now refuses, as they were before it: drop it for this test (rolled back after).
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX overdue_reference_unique_per_tenant")
    long = "L" * 60
    refs = ["A", "A", "A-2", "A", "", "", long, long]
    def row(owner, owner_policy, name, ref):  # past the service, which refuses a used reference
        return Overdue.objects.create(tenant=owner, policy=owner_policy, buyer=make_buyer(name, "IT"), reference=ref,
                                      currency="EUR", notified_on=date(2026, 2, 1))

    rows = [row(tenant, policy, f"Buyer {n}", ref) for n, ref in enumerate(refs)]
    theirs = row(other_tenant, outsider_policy, "Their buyer", "A")

    resolve(Overdue)

    after = [Overdue.objects.get(pk=row.pk).reference for row in rows]
    # The oldest keeps it; the next take the first free suffix (A-2 was taken by the insured itself).
    assert after == ["A", "A-3", "A-2", "A-4", "", "", long, "L" * 58 + "-2"]
    assert Overdue.objects.get(pk=theirs.pk).reference == "A"
    resolve(Overdue)  # running again changes nothing
    assert [Overdue.objects.get(pk=row.pk).reference for row in rows] == after


# --- the API: ?reference= on limits, overdues and claims ------------------------------------------


@pytest.fixture
def referenced(tenant, policy, other_tenant, outsider_policy, two_buyers):
    """Limits, overdues and claims of `tenant` with references REF-1 and REF-10, and the outsider's REF-1 of each."""
    first, second = two_buyers
    made = {}
    for owner, owner_policy in ((tenant, policy), (other_tenant, outsider_policy)):
        for ref, buyer in (("REF-1", first), ("REF-10", second)):
            if owner is other_tenant and ref == "REF-10":
                continue
            limit = ask_for_limit(owner, owner_policy, buyer, 1000, reference=ref).limit
            overdue = declare(owner, owner_policy, buyer, ref)
            claim = file_claim(owner, overdue, ref)
            made[(owner.pk, ref)] = {"limits": limit.pk, "overdues": overdue.pk, "claims": claim.pk}
    return made


@pytest.mark.parametrize("kind", ["limits", "overdues", "claims"])
def test_the_api_finds_the_tenants_object_by_its_exact_reference(api_client, api_client_of_outsider, tenant,
                                                                  other_tenant, referenced, kind):
    url = f"/api/v1/{kind}/"
    found = api_client.get(url, {"reference": "REF-1"}).json()
    assert [row["id"] for row in found["results"]] == [referenced[(tenant.pk, "REF-1")][kind]]
    assert found["results"][0]["reference"] == "REF-1"
    # Exact: neither a part of it nor another case.
    assert api_client.get(url, {"reference": "REF"}).json()["results"] == []
    assert api_client.get(url, {"reference": "ref-1"}).json()["results"] == []
    # The outsider finds its own REF-1, never the insured's.
    theirs = api_client_of_outsider.get(url, {"reference": "REF-1"}).json()
    assert [row["id"] for row in theirs["results"]] == [referenced[(other_tenant.pk, "REF-1")][kind]]
    assert api_client_of_outsider.get(url, {"reference": "REF-10"}).json()["results"] == []


def test_the_api_says_the_reference_is_used(api_client, policy, two_buyers, tenant):
    first, second = two_buyers
    declare(tenant, policy, first, "REF-1")
    money = {"amount": "1000.00", "currency": "EUR"}
    response = api_client.post("/api/v1/overdues/", {
        "policy": policy.pk, "buyer": second.pk, "reference": "REF-1",
        "invoices": [{"number": "F-9", "invoice_date": "2025-12-01", "shipment_date": "2025-12-01",
                      "due_date": "2026-01-10", "amount": money, "outstanding": money}]}, format="json")
    assert response.status_code == 400
    assert api_error(response)[1] == {"/reference": [USED]}
