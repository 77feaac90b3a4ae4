"""Rows per second of the limit import at insurer scale: the row-by-row path (before) and the background job (after).

    .venv/bin/python bench/bench_bulk_import.py                      # 100,000 rows, a throwaway database
    .venv/bin/python bench/bench_bulk_import.py --rows 10000 --before-rows 500
    .venv/bin/python bench/bench_bulk_import.py --configured-db      # DATABASE_URL (migrated); its rows removed after

Builds a tenant, five policies and rows/5 graded buyers, an N-row CSV (every fourth amount above the matrix, so
referred), then:
  before  `request_limit` row by row (limits.bulk.importer, what a file went through until now) on the first
          --before-rows rows, in a transaction rolled back: rows per second and queries per row;
  after   the same N rows stored as a LimitImportJob and run by limits.bulk.runner (batches of 1,000, each
          committed): seconds, rows per second, queries per batch.
--ab ROWS compares the job's inserts only (Django's bulk_create, then COPY; twice each, alternated in one process).
The job commits batch by batch, so on --configured-db the tenant's rows are deleted at the end.
"""

import argparse
import cProfile
import io
import pstats
import time
from datetime import date, timedelta
from unittest import mock

from _common import QueryCounter, RollBack, with_database  # noqa: E402  (sets sys.path and settings)

PROFILE = False  # --profile: where the job's time goes


def build_file(*, rows: int, policies, buyers) -> bytes:
    lines = ["policy_number;buyer_country;buyer_registration_number;amount;currency;terms_days;reference"]
    for i in range(rows):
        policy, buyer = policies[i % len(policies)], buyers[i // len(policies)]
        amount = "60000.00" if i % 4 == 3 else f"{1000 + i % 40000}.50"
        lines.append(f"{policy.number};PT;{buyer.registration_number};{amount};EUR;90;BULK-{policy.pk}-{i}")
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def _book(rows: int):
    from accounts.models import Tenant
    from buyers.models import Buyer
    from limits.models import AutoDecisionRule
    from policies.models import Policy, TermsVersion

    today = date.today()
    if not AutoDecisionRule.objects.exists():  # a fresh database without the data migration's rows
        AutoDecisionRule.objects.create(min_grade=1, max_grade=3, max_amount=50000, currency="EUR")
    tenant = Tenant.objects.create(legal_name="Bulk Bench S.L.", country="ES", registration_number=f"BULK{time.time_ns()}",
                                   contact_email="bench@example.com")
    policies = [Policy.objects.create(tenant=tenant, number=f"BULK-{tenant.pk}-{n}", status=Policy.Status.ACTIVE,
                                      start_date=today - timedelta(days=30), end_date=today + timedelta(days=300))
                for n in range(5)]
    # A policy is issued with its first terms version (the checks read the terms in force on the day).
    TermsVersion.objects.bulk_create([TermsVersion(policy=p, effective_from=p.start_date) for p in policies])
    prefix = f"BULK{tenant.pk}X"
    Buyer.objects.bulk_create([
        Buyer(legal_name=f"Bulk Buyer {n}", country="PT", registration_number=f"{prefix}{n:07d}",
              search_text=f"BULK BUYER {n}", status=Buyer.Status.CONFIRMED, grade=2)
        for n in range(-(-rows // 5))
    ], batch_size=5000)
    buyers = list(Buyer.objects.filter(registration_number__startswith=prefix).order_by("pk"))
    return tenant, policies, buyers, prefix


def _before(tenant, content: bytes, rows: int) -> None:
    from django.db import connection, transaction

    from core.tenancy import tenant_scope
    from limits.bulk.csv_decode import parse_limit_requests
    from limits.bulk.importer import import_limit_requests

    head = b"\n".join(content.split(b"\n")[: rows + 1]) + b"\n"
    counter = QueryCounter()
    try:
        with transaction.atomic(), tenant_scope(tenant), connection.execute_wrapper(counter):
            start = time.perf_counter()
            preview = parse_limit_requests(tenant=tenant, file=io.BytesIO(head))
            result = import_limit_requests(tenant=tenant, requested_by=None, preview=preview, mode="valid_rows")
            seconds = time.perf_counter() - start
            raise RollBack
    except RollBack:
        pass
    print(f"before: {rows} rows row by row in {seconds:.2f} s: {rows / seconds:.0f} rows/s, "
          f"{counter.count / rows:.1f} queries a row (created {result.created}; rolled back)")


def _after(tenant, content: bytes, rows: int, *, label: str = "after") -> float:
    from django.conf import settings
    from django.db import connection

    from core.tenancy import tenant_scope
    from limits.bulk import jobs, runner
    from limits.models import LimitImportJob

    # Celery runs inline without a broker: keep the upload's hand-over from running the job before it is timed.
    with tenant_scope(tenant), mock.patch("limits.tasks._send_import_job"):
        started = jobs.start_import(tenant=tenant, requested_by=None, file=content, mode="valid_rows",
                                    filename="bench.csv", background=True)
    counter = QueryCounter()
    profile = cProfile.Profile() if PROFILE else None
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        if profile:
            profile.enable()
        runner.run_import_job(job_id=started.job.pk)
        if profile:
            profile.disable()
        seconds = time.perf_counter() - start
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    with tenant_scope(tenant):
        job = LimitImportJob.objects.get(pk=started.job.pk)
    batches = -(-rows // settings.LIMIT_IMPORT_BATCH_SIZE)
    print(f"{label}: {rows} rows as a job in {seconds:.2f} s: {rows / seconds:.0f} rows/s, {counter.count} queries "
          f"({counter.count / batches:.1f} per batch of {settings.LIMIT_IMPORT_BATCH_SIZE}); state {job.state}, "
          f"created {job.created}, decided {job.decided}, referred {job.referred}, rows with errors "
          f"{job.rows_with_errors}")
    return seconds


def _ab(rows: int) -> None:
    """The job's inserts by Django's bulk_create (the path before COPY) and by COPY, alternated in one process,
    so both see the same load: fresh tenants and buyers for each run."""
    from django.db import connection

    from core.imports import bulk

    def bulk_create(model, objs):
        model.objects.bulk_create(objs)

    if connection.vendor != "postgresql":
        print("a/b: COPY is PostgreSQL's; nothing to compare on", connection.vendor)
        return
    for _round in range(2):
        for label, patch in (("bulk_create", mock.patch.object(bulk, "insert", bulk_create)),
                             ("copy", mock.patch.object(bulk, "insert", bulk.insert))):
            tenant, policies, buyers, _prefix = _book(rows)
            with patch:
                _after(tenant, build_file(rows=rows, policies=policies, buyers=buyers), rows, label=f"a/b {label}")


def _clean_up(tenant, prefix: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in (
            "DELETE FROM core_webhookdelivery WHERE tenant_id = %s",
            "DELETE FROM core_notification WHERE tenant_id = %s",
            "DELETE FROM limits_limitimporterror WHERE tenant_id = %s",
            "DELETE FROM limits_limitimportjob WHERE tenant_id = %s",
            "DELETE FROM limits_limitdecision WHERE tenant_id = %s",
            "DELETE FROM limits_exposuresummary WHERE tenant_id = %s",
            "DELETE FROM limits_historicalcreditlimit WHERE tenant_id = %s",
            "DELETE FROM limits_creditlimit WHERE tenant_id = %s",
            "DELETE FROM policies_termsversion WHERE policy_id IN (SELECT id FROM policies_policy WHERE tenant_id = %s)",
            "DELETE FROM policies_policy WHERE tenant_id = %s",
        ):
            cursor.execute(sql, [tenant.pk])
        cursor.execute("DELETE FROM buyers_buyer WHERE registration_number LIKE %s", [prefix + "%"])
        cursor.execute("DELETE FROM accounts_tenant WHERE id = %s", [tenant.pk])


def run(*, rows: int, before_rows: int, configured_db: bool, ab: int = 0) -> None:
    from django_scopes import scopes_disabled

    with scopes_disabled():
        if ab:
            return _ab(ab)
        tenant, policies, buyers, prefix = _book(rows)
        content = build_file(rows=rows, policies=policies, buyers=buyers)
        print(f"file: {rows} rows, {len(content) / 1024 / 1024:.1f} MiB; 5 policies, {len(buyers)} buyers")
        try:
            _before(tenant, content, min(before_rows, rows))
            _after(tenant, content, rows)
        finally:
            if configured_db:
                _clean_up(tenant, prefix)
                print("cleaned up: the bench tenant's rows were deleted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--before-rows", type=int, default=2000,
                        help="rows timed through the row-by-row path (100,000 would take most of an hour)")
    parser.add_argument("--configured-db", action="store_true",
                        help="use DATABASE_URL (must be migrated) instead of a throwaway test database")
    parser.add_argument("--profile", action="store_true", help="print the job's cProfile, by cumulative time")
    parser.add_argument("--ab", type=int, default=0, metavar="ROWS",
                        help="only compare the job's inserts, bulk_create then COPY, twice each, on ROWS rows")
    args = parser.parse_args()
    global PROFILE
    PROFILE = args.profile
    with_database(lambda: run(rows=args.rows, before_rows=args.before_rows, configured_db=args.configured_db,
                              ab=args.ab),
                  configured_db=args.configured_db)


if __name__ == "__main__":
    main()
