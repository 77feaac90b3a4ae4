"""Rows per second of the insurer's buyer import at scale (issue 11: 100,000 buyers < 30 s).

    .venv/bin/python bench/bench_buyer_import.py                    # 100,000 rows, a throwaway database
    .venv/bin/python bench/bench_buyer_import.py --rows 10000 --existing 1000
    .venv/bin/python bench/bench_buyer_import.py --configured-db    # DATABASE_URL (migrated); its rows removed after

Builds --existing buyers already in the registry (half found by their registration number, half by a typed
VAT identifier), then an N-row CSV (every row with a registration number and a grade, every third with a
VAT number, the first --existing rows naming the existing buyers: updates), stores it as a BuyerImportJob and
runs it with buyers.imports.runner (batches of BUYER_IMPORT_BATCH_SIZE, each committed): seconds, rows per
second, queries per batch.
"""

import argparse
import cProfile
import pstats
import time
from unittest import mock

from _common import QueryCounter, with_database  # noqa: E402  (sets sys.path and settings)

PREFIX = "BENCHBUY"
PROFILE = False  # --profile: where the job's time goes


def build_file(*, rows: int, existing: int) -> bytes:
    lines = ["legal_name;trading_name;country;registration_number;vat_number;city;sector_nace;grade"]
    for i in range(rows):
        if i < existing and i % 2:
            registration, vat = "", f"GB{100_000_000 + i}"  # found by its typed VAT identifier
        else:
            registration, vat = f"{PREFIX}{i:07d}", (f"GB{500_000_000 + i}" if i % 3 == 0 and i >= existing else "")
        lines.append(f"Bench Buyer {i} Ltd;Bench {i};GB;{registration};{vat};London;46.{i % 90:02d};{1 + i % 9}")
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def _existing(count: int) -> None:
    from buyers.models import Buyer, BuyerIdentifier

    buyers = []
    for i in range(count):
        buyer = Buyer(legal_name=f"Old Name {i}", country="GB", status=Buyer.Status.PENDING,
                      registration_number=f"{PREFIX}{i:07d}" if i % 2 == 0 else f"{PREFIX}OLD{i:07d}")
        buyer.fill_search_fields()
        buyers.append(buyer)
    Buyer.objects.bulk_create(buyers, batch_size=5000)
    BuyerIdentifier.objects.bulk_create([
        BuyerIdentifier(buyer=buyer, type="vat", country="GB", value=f"GB{100_000_000 + i}")
        for i, buyer in enumerate(buyers) if i % 2
    ], batch_size=5000)


def _clean_up() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        ids = "SELECT id FROM buyers_buyer WHERE legal_name LIKE 'Bench Buyer %%' OR legal_name LIKE 'Old Name %%'"
        for sql in (
            f"DELETE FROM buyers_buyergrade WHERE buyer_id IN ({ids})",
            f"DELETE FROM buyers_historicalbuyeridentifier WHERE buyer_id IN ({ids})",
            f"DELETE FROM buyers_buyeridentifier WHERE buyer_id IN ({ids})",
            f"DELETE FROM buyers_historicalbuyer WHERE id IN ({ids})",
            "DELETE FROM buyers_buyerimporterror WHERE job_id IN (SELECT id FROM buyers_buyerimportjob "
            "WHERE filename = 'bench-buyers.csv')",
            "DELETE FROM buyers_buyerimportjob WHERE filename = 'bench-buyers.csv'",
            f"DELETE FROM buyers_buyer WHERE id IN ({ids})",
        ):
            cursor.execute(sql)


def run(*, rows: int, existing: int, configured_db: bool) -> None:
    from django.conf import settings
    from django.db import connection
    from django_scopes import scopes_disabled

    from buyers.imports import jobs, runner
    from buyers.models import BuyerImportJob

    with scopes_disabled():
        _existing(existing)
        content = build_file(rows=rows, existing=existing)
        print(f"file: {rows} rows, {len(content) / 1024 / 1024:.1f} MiB; {existing} buyers already in the registry")
        try:
            # Celery runs inline without a broker: keep the upload's hand-over from running the job before it is timed.
            with mock.patch("buyers.tasks._send_import_job"):
                started = jobs.start_buyer_import(requested_by=None, file=content, filename="bench-buyers.csv")
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
            job = BuyerImportJob.objects.get(pk=started.job.pk)
            size = settings.BUYER_IMPORT_BATCH_SIZE
            batches = -(-rows // size)
            print(f"buyer import: {rows} rows as a job in {seconds:.2f} s: {rows / seconds:.0f} rows/s, "
                  f"{counter.count} queries ({counter.count / batches:.1f} per batch of {size}); state {job.state}, "
                  f"created {job.created}, updated {job.updated}, rows with errors {job.rows_with_errors}")
        finally:
            if configured_db:
                _clean_up()
                print("cleaned up: the bench buyers were deleted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--existing", type=int, default=10_000, help="buyers already in the registry (updated)")
    parser.add_argument("--configured-db", action="store_true",
                        help="use DATABASE_URL (must be migrated) instead of a throwaway test database")
    parser.add_argument("--profile", action="store_true", help="print the job's cProfile (own time, then cumulative)")
    args = parser.parse_args()
    global PROFILE
    PROFILE = args.profile
    with_database(lambda: run(rows=args.rows, existing=args.existing, configured_db=args.configured_db),
                  configured_db=args.configured_db)


if __name__ == "__main__":
    main()
