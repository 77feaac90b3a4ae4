"""Reports and exports read from the replica, everything else from the primary (core.replica).

The replica alias is the primary's test database opened on a second connection (Django's TEST MIRROR), added
for this module only: each connection's queries are captured apart, so a test sees which one a read went to.
The tests are transactional: a row written inside the usual test transaction would not be visible on the
second connection, as on a real replica before the primary commits.
"""

import csv
import io
import re
import time
from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from accounts.models import Tenant
from core.replica import (
    PIN_COOKIE,
    REPLICA,
    ReplicaRouter,
    reading_replica,
    replica_configured,
    replica_lines,
)
from limits.exposure_summary import ExposureSummary
from limits.models import CreditLimit
from tests.claim_helpers import paid_claim
from tests.factories import logged_in
from tests.limit_factories import csv_buyer, in_force_policy, make_limit

pytestmark = pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA])


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup):
    """A `replica` alias on the primary's test database, as settings.py configures DATABASE_REPLICA_URL."""
    primary = connections[DEFAULT_DB_ALIAS].settings_dict
    connections.settings[REPLICA] = {**primary, "TEST": {**primary["TEST"], "MIRROR": DEFAULT_DB_ALIAS}}
    yield
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@contextmanager
def per_database():
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary, \
            CaptureQueriesContext(connections[REPLICA]) as replica:
        yield primary, replica


def tables(captured) -> set[str]:
    return {name for query in captured for name in re.findall(r'(?:FROM|JOIN|UPDATE|INTO) "(\w+)"', query["sql"])}


@pytest.fixture
def limits(tenant, other_tenant):
    buyer = csv_buyer("PT000000001", legal_name="Comprador Lda")
    ours = make_limit(in_force_policy(tenant, "KR-OURS-1"), buyer, amount=50_000)
    outsider_buyer = csv_buyer("PT000000002", legal_name="Outsider Buyer Lda")
    make_limit(in_force_policy(other_tenant, "KR-OUT-1"), outsider_buyer, amount=70_000)
    return ours


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


# --- Marked reports read the replica ---------------------------------------------------------------------

def test_the_limits_export_reads_the_replica_and_shows_only_the_tenants_limits(user, limits):
    client = logged_in(user)
    with per_database() as (primary, replica):
        response = client.get("/limits/export.csv")
        rows = csv_rows(response)  # streamed: the reads happen while the body is consumed
    assert response.status_code == 200
    assert [row[1:3] for row in rows[1:]] == [["", "KR-OURS-1"]]  # the outsider's limit is not there
    assert "Outsider Buyer Lda" not in str(rows)
    assert CreditLimit._meta.db_table in tables(replica)
    # The primary answers the request's own reads (session, user, tenant), not the report.
    assert CreditLimit._meta.db_table not in tables(primary)


def test_the_policy_statement_page_and_csv_read_the_replica(tenant, finance, claims_handler, underwriter,
                                                             client_of_outsider):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    client = logged_in(finance)
    url = f"/recoveries/policies/{claim.policy_id}/"
    for path in (url, f"{url}statement.csv"):
        with per_database() as (primary, replica):
            assert client.get(path).status_code == 200
        assert {"policies_policy", "claims_claim"} <= tables(replica), path
        assert not {"policies_policy", "claims_claim"} & tables(primary), path
        # The outsider finds nothing, on the replica as on the primary.
        assert client_of_outsider.get(path).status_code == 404


def test_the_recovery_statement_csv_reads_the_replica_and_its_page_the_primary(tenant, finance, claims_handler,
                                                                                underwriter, client_of_outsider):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    client = logged_in(finance)
    with per_database() as (primary, replica):
        assert client.get(f"/recoveries/claims/{claim.pk}/statement.csv").status_code == 200
    assert "claims_claim" in tables(replica) and "claims_claim" not in tables(primary)
    # The statement page shows a receipt the insured has just declared on it: not marked, the primary.
    with per_database() as (primary, replica):
        assert client.get(f"/recoveries/claims/{claim.pk}/").status_code == 200
    assert "claims_claim" in tables(primary) and len(replica) == 0
    assert client_of_outsider.get(f"/recoveries/claims/{claim.pk}/statement.csv").status_code == 404


def test_the_exposure_reports_of_the_insured_and_the_insurer_read_the_replica(api_client, api_client_of_outsider,
                                                                             underwriter, limits):
    summary = ExposureSummary._meta.db_table  # the limits in force per (tenant, buyer, currency)
    # A token's first call records its use (a write): that request reads the primary (and would pin a client
    # that keeps cookies); the next ones of a client without cookies read the replica.
    with per_database() as (primary, replica):
        response = api_client.get("/api/v1/exposure/?by=buyer")
    assert response.status_code == 200 and PIN_COOKIE in response.cookies
    assert len(replica) == 0 and summary in tables(primary)
    api_client.cookies.clear()
    with per_database() as (primary, replica):
        body = api_client.get("/api/v1/exposure/?by=buyer").json()
    assert [row["label"] for row in body["results"]] == ["Comprador Lda"]
    assert summary in tables(replica) and summary not in tables(primary)
    api_client_of_outsider.get("/api/v1/exposure/?by=buyer")
    api_client_of_outsider.cookies.clear()
    outsider_labels = [row["label"] for row in api_client_of_outsider.get("/api/v1/exposure/?by=buyer").json()["results"]]
    assert outsider_labels == ["Outsider Buyer Lda"]

    insurer = logged_in(underwriter)
    with per_database() as (primary, replica):
        body = insurer.get("/api/v1/insurer/exposure/?by=buyer").json()
    assert {row["label"] for row in body["results"]} == {"Comprador Lda", "Outsider Buyer Lda"}
    assert summary in tables(replica) and summary not in tables(primary)
    # The admin's exposure page: the same report.
    with per_database() as (primary, replica):
        page = insurer.get("/admin/exposure/?by=buyer")
    assert page.status_code == 200 and "Outsider Buyer Lda" in page.content.decode()
    assert summary in tables(replica) and summary not in tables(primary)


# --- Everything else reads and writes the primary --------------------------------------------------------

def test_unmarked_pages_read_the_primary(user, limits):
    client = logged_in(user)
    for path in ("/limits/", f"/limits/{limits.pk}/", "/"):
        with per_database() as (primary, replica):
            assert client.get(path).status_code == 200, path
        assert len(replica) == 0, path
        assert primary, path


def test_a_row_read_from_the_replica_is_saved_to_the_primary_and_its_relations_read_the_primary(tenant):
    with reading_replica():
        with per_database() as (primary, replica):
            row = Tenant.objects.get(pk=tenant.pk)
        assert row._state.db == REPLICA and len(replica) == 1 and len(primary) == 0
    with per_database() as (primary, replica):
        row.legal_name = "Renamed S.L."
        row.save()
        Tenant.objects.filter(pk=row.pk).count()
    assert len(replica) == 0 and "accounts_tenant" in tables(primary)


def test_after_a_write_the_same_block_reads_the_primary(tenant):
    with reading_replica(), per_database() as (primary, replica):
        Tenant.objects.count()
        assert len(replica) == 1
        Tenant.objects.filter(pk=tenant.pk).update(legal_name="Changed S.L.")
        assert Tenant.objects.get(pk=tenant.pk).legal_name == "Changed S.L."
    assert len(replica) == 1 and len(primary) == 2


def test_inside_a_transaction_marked_reads_stay_on_the_primary(tenant):
    with transaction.atomic(), reading_replica(), per_database() as (primary, replica):
        Tenant.objects.count()
    assert len(replica) == 0 and len(primary) == 1


def test_a_streamed_export_marks_only_its_own_steps():
    def lines():
        yield str(Tenant.objects.count())
        yield str(Tenant.objects.count())

    with per_database() as (primary, replica):
        stream = replica_lines(lines())
        next(stream)
        Tenant.objects.count()  # between two lines: the server's own work, unmarked
        next(stream)
    assert len(replica) == 2 and len(primary) == 1


def test_migrations_never_run_on_the_replica_and_relations_cross_both():
    assert router.allow_migrate(REPLICA, "limits", model_name="creditlimit") is False
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "limits", model_name="creditlimit") is True
    primary_row, replica_row = Tenant(), Tenant()
    primary_row._state.db, replica_row._state.db = DEFAULT_DB_ALIAS, REPLICA
    assert ReplicaRouter().allow_relation(primary_row, replica_row) is True


# --- Read your writes: a browser that wrote reads the primary for a while --------------------------------

def test_a_browser_that_wrote_reads_its_export_from_the_primary_until_the_pin_expires(user, limits, settings):
    settings.REPLICA_PIN_SECONDS = 15
    client = logged_in(user)
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    assert response.status_code == 302
    pinned_until = float(response.cookies[PIN_COOKIE].value)
    assert time.time() < pinned_until <= time.time() + 15
    with per_database() as (primary, replica):
        assert csv_rows(client.get("/limits/export.csv"))[1][2] == "KR-OURS-1"
    assert len(replica) == 0 and CreditLimit._meta.db_table in tables(primary)

    client.cookies[PIN_COOKIE] = str(int(time.time()) - 1)  # the pin has expired
    with per_database() as (primary, replica):
        response = client.get("/limits/export.csv")
        csv_rows(response)
    assert CreditLimit._meta.db_table in tables(replica)
    assert PIN_COOKIE not in response.cookies  # a read alone sets no pin


def test_a_request_that_only_reads_sets_no_pin(user, limits):
    response = logged_in(user).get("/limits/")
    assert response.status_code == 200 and PIN_COOKIE not in response.cookies


def test_the_replica_is_configured_here():
    assert replica_configured()
    with scopes_disabled(), reading_replica():
        assert router.db_for_read(CreditLimit) == REPLICA
