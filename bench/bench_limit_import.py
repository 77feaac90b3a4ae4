"""Time the CSV import of limit requests: parse (validation) and import (request_limit per row).

    .venv/bin/python bench/bench_limit_import.py                # 5,000 rows, a throwaway database
    .venv/bin/python bench/bench_limit_import.py --rows 500
    .venv/bin/python bench/bench_limit_import.py --configured-db  # DATABASE_URL, migrated, rolled back

Builds a tenant, policies and buyers, an N-row CSV in memory, then times
`limits.bulk.csv_decode.parse_limit_requests` (decoding and resolving the rows) and
`limits.bulk.importer.import_limit_requests` and prints rows per second
and query counts. Everything runs inside one transaction that is rolled back
at the end, so the database is left as it was (and no e-mail or webhook goes
out: they are sent on commit only).
"""

import argparse
import io
import time
from datetime import date, timedelta

from _common import QueryCounter, RollBack, with_database  # noqa: E402  (sets sys.path and settings)


def build_file(*, rows: int, policies, buyers, mode_mix: bool) -> bytes:
    """One row per (policy, buyer); every 4th amount above the matrix, so it is referred."""
    lines = ["policy_number;buyer_country;buyer_registration_number;amount;currency;terms_days;reference"]
    for i in range(rows):
        policy = policies[i % len(policies)]
        buyer = buyers[i // len(policies)]
        amount = "60000.00" if mode_mix and i % 4 == 3 else f"{1000 + i % 40000}.50"
        lines.append(f"{policy.number};{buyer.country.code};{buyer.registration_number};{amount};EUR;90;BENCH-{i}")
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def run(*, rows: int, mode: str) -> None:
    from django.db import connection, transaction
    from django_scopes import scopes_disabled

    from accounts.models import Tenant
    from buyers.models import Buyer
    from core.tenancy import tenant_scope
    from limits.bulk.csv_decode import parse_limit_requests
    from limits.bulk.importer import import_limit_requests
    from limits.models import AutoDecisionRule
    from policies.models import Policy

    today = date.today()
    n_policies = 5
    with scopes_disabled():
        try:
            with transaction.atomic():
                if not AutoDecisionRule.objects.exists():  # a fresh database without the data migration's rows
                    AutoDecisionRule.objects.create(min_grade=1, max_grade=3, max_amount=50000, currency="EUR")
                tenant = Tenant.objects.create(legal_name="Bench Export S.L.", country="ES",
                                               registration_number=f"BENCH{time.time_ns()}",
                                               contact_email="bench@example.com")
                policies = [
                    Policy.objects.create(tenant=tenant, number=f"BENCH-{tenant.pk}-{n}", status=Policy.Status.ACTIVE,
                                          start_date=today - timedelta(days=30), end_date=today + timedelta(days=300))
                    for n in range(n_policies)
                ]
                n_buyers = -(-rows // n_policies)
                Buyer.objects.bulk_create([
                    Buyer(legal_name=f"Bench Buyer {n}", country="PT", registration_number=f"BENCH{tenant.pk}X{n:07d}",
                          status=Buyer.Status.CONFIRMED, grade=2)
                    for n in range(n_buyers)
                ])
                buyers = list(Buyer.objects.filter(registration_number__startswith=f"BENCH{tenant.pk}X").order_by("pk"))
                content = build_file(rows=rows, policies=policies, buyers=buyers, mode_mix=True)
                print(f"file: {rows} rows, {len(content) / 1024:.0f} KiB; {n_policies} policies, {len(buyers)} buyers")

                parse_queries, import_queries = QueryCounter(), QueryCounter()
                with tenant_scope(tenant), connection.execute_wrapper(parse_queries):
                    start = time.perf_counter()
                    preview = parse_limit_requests(tenant=tenant, file=io.BytesIO(content))
                    parse_seconds = time.perf_counter() - start
                assert not preview.errors, preview.errors[:5]
                print(f"parse:  {parse_seconds:7.2f} s  {rows / parse_seconds:9.0f} rows/s  "
                      f"{len(parse_queries)} queries")

                with tenant_scope(tenant), connection.execute_wrapper(import_queries):
                    start = time.perf_counter()
                    result = import_limit_requests(tenant=tenant, requested_by=None, preview=preview, mode=mode)
                    import_seconds = time.perf_counter() - start
                print(f"import: {import_seconds:7.2f} s  {rows / import_seconds:9.0f} rows/s  "
                      f"{len(import_queries)} queries ({len(import_queries) / rows:.1f} per row)  mode={mode}")
                print(f"result: created {result.created}, decided at once {result.decided}, "
                      f"referred {result.referred}, errors {len(result.errors)}")
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--mode", choices=["all_or_nothing", "valid_rows"], default="all_or_nothing")
    parser.add_argument("--configured-db", action="store_true",
                        help="use DATABASE_URL (must be migrated) instead of a throwaway test database")
    args = parser.parse_args()

    with_database(lambda: run(rows=args.rows, mode=args.mode), configured_db=args.configured_db)

if __name__ == "__main__":
    main()
