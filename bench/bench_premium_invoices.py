"""Time the daily premium invoice job (deposits, reminders, suspensions) on many policies.

    .venv/bin/python bench/bench_premium_invoices.py                  # 5,000 policies, a throwaway database
    .venv/bin/python bench/bench_premium_invoices.py --policies 20000
    .venv/bin/python bench/bench_premium_invoices.py --configured-db  # DATABASE_URL, migrated, rolled back

Builds insureds and N running policies with one terms version each (bulk_create), then runs the job as the
calendar of example 18 does: the period's first day (every deposit raised), the day after the due date (every
deposit reminded), the day the notice runs out (cover suspended), each twice (the second run must do nothing),
and prints seconds and queries. Rolled back at the end.
"""

import argparse
import time
from datetime import date, timedelta

from _common import RollBack, timed, with_database


def build(*, policies: int, tenants: int, start: date):
    from accounts.models import Tenant
    from policies.models import Policy, TermsVersion

    stamp = time.time_ns()
    tenant_rows = Tenant.objects.bulk_create([
        Tenant(legal_name=f"Bench Exporter {n}", country="ES", registration_number=f"BENCH{stamp}T{n}",
               contact_email=f"bench{n}@example.com") for n in range(tenants)])
    rows = Policy.objects.bulk_create([
        Policy(tenant=tenant_rows[n % tenants], number=f"BENCH-{stamp}-{n}", status=Policy.Status.ACTIVE,
               currency="EUR", start_date=start, end_date=start + timedelta(days=364)) for n in range(policies)],
        batch_size=2000)
    TermsVersion.objects.bulk_create([TermsVersion(policy=p, effective_from=start) for p in rows], batch_size=2000)
    print(f"data: {tenants} insureds, {len(rows)} running policies")


def run(*, policies: int, tenants: int) -> None:
    from django.db import transaction
    from django_scopes import scopes_disabled

    from policies.premium.invoices import run_invoice_job

    start = date.today() - timedelta(days=400)  # a past period start: the bench walks its calendar
    with scopes_disabled():
        try:
            with transaction.atomic():
                began = time.perf_counter()
                build(policies=policies, tenants=tenants, start=start)
                print(f"setup: {time.perf_counter() - began:.2f} s (bulk_create)")
                # The job only raises deposits for running periods: run it "on" the days of example 18.
                for label, day in (("period start", start), ("day after due", start + timedelta(days=31)),
                                   ("notice ran out", start + timedelta(days=46))):
                    first = timed(f"run_invoice_job, {label}", lambda d=day: run_invoice_job(today=d))
                    print(f"  {first}")
                    second = timed(f"run_invoice_job, {label}, again", lambda d=day: run_invoice_job(today=d))
                    print(f"  {second}")
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policies", type=int, default=5_000)
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--configured-db", action="store_true")
    args = parser.parse_args()
    with_database(lambda: run(policies=args.policies, tenants=args.tenants), configured_db=args.configured_db)


if __name__ == "__main__":
    main()
