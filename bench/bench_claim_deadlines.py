"""Time the daily claim deadlines job on many open overdues.

    .venv/bin/python bench/bench_claim_deadlines.py                  # 20,000 overdues, a throwaway database
    .venv/bin/python bench/bench_claim_deadlines.py --overdues 100000
    .venv/bin/python bench/bench_claim_deadlines.py --configured-db  # DATABASE_URL, migrated, rolled back
    DATABASE_URL=postgres://... bench/bench_claim_deadlines.py --configured-db --invoices 1000000

Builds insureds, policies, buyers and N open overdues with 1-3 invoices each (2 on average: `--invoices`
gives the overdues as half of it), bulk_create, spread so that some have a claim window that opened, some a
filing deadline within the reminder days and most nothing due. Written past the services, so their stored
deadline dates are computed once by `rebuild` (timed: manage.py rebuild_claim_deadlines does the same). Then
times the job's first run (a catch-up: every overdue whose reminder day passed, as after the migration), its
second run the same day (must read and send nothing), and the next day (what a daily run costs: the overdues
whose day is that day), and prints seconds and queries. Rolled back at the end.
"""

import argparse
import time
from datetime import date, timedelta
from decimal import Decimal

from _common import RollBack, timed, with_database


def build(*, overdues: int, tenants: int):
    from accounts.models import Tenant
    from buyers.models import Buyer
    from claims.overdues.models import Invoice, Overdue
    from policies.models import Policy, TermsVersion

    today = date.today()
    stamp = time.time_ns()
    tenant_rows = Tenant.objects.bulk_create([
        Tenant(legal_name=f"Bench Exporter {n}", country="ES", registration_number=f"BENCH{stamp}T{n}",
               contact_email=f"bench{n}@example.com") for n in range(tenants)])
    policies = Policy.objects.bulk_create([
        Policy(tenant=t, number=f"BENCH-{stamp}-{n}", status=Policy.Status.ACTIVE, currency="EUR",
               start_date=today - timedelta(days=360), end_date=today + timedelta(days=4)) for n, t in
        enumerate(tenant_rows)])
    # Every rule reads the terms of a day: each policy's first terms version, the default terms (bulk_create does
    # not run the service that issues them).
    TermsVersion.objects.bulk_create([TermsVersion(policy=p, effective_from=p.start_date) for p in policies])
    buyers = Buyer.objects.bulk_create([
        Buyer(legal_name=f"Bench Buyer {n}", country="DE", registration_number=f"BENCH{stamp}B{n:07d}",
              status=Buyer.Status.CONFIRMED, grade=4) for n in range(overdues)], batch_size=2000)
    overdue_rows = []
    for n, buyer in enumerate(buyers):
        policy = policies[n % len(policies)]
        overdue_rows.append(Overdue(tenant_id=policy.tenant_id, policy=policy, buyer=buyer, currency="EUR",
                                    notified_on=today - timedelta(days=20)))
    overdue_rows = Overdue.objects.bulk_create(overdue_rows, batch_size=2000)
    invoices = []
    for n, overdue in enumerate(overdue_rows):
        # Due dates spread over 250 days back: the window opened for some, closes soon for others.
        due = today - timedelta(days=n % 250)
        for k in range(1 + n % 3):
            invoices.append(Invoice(tenant_id=overdue.tenant_id, overdue=overdue, number=f"F{n}-{k}",
                                    invoice_date=due - timedelta(days=60), shipment_date=due - timedelta(days=60),
                                    due_date=due + timedelta(days=k), amount=Decimal("1000.00"),
                                    outstanding=Decimal("1000.00"), currency="EUR"))
    Invoice.objects.bulk_create(invoices, batch_size=5000)
    print(f"data: {tenants} insureds, {len(overdue_rows)} open overdues, {len(invoices)} invoices")


def run(*, overdues: int, tenants: int) -> None:
    from django.db import transaction
    from django_scopes import scopes_disabled

    from claims.next_deadline import rebuild
    from claims.reminders import run_claim_deadlines

    tomorrow = date.today() + timedelta(days=1)
    with scopes_disabled():
        try:
            with transaction.atomic():
                start = time.perf_counter()
                build(overdues=overdues, tenants=tenants)
                print(f"setup: {time.perf_counter() - start:.2f} s (bulk_create)")
                rebuilt = timed("rebuild of the stored deadline dates", lambda: rebuild(batch_size=2000))
                print(f"  {rebuilt} overdues recomputed")
                first = timed("run_claim_deadlines, first run", run_claim_deadlines)
                print(f"  window opened: {len(first.window_opened)}, filing deadline: {len(first.filing_deadline)}")
                second = timed("run_claim_deadlines, second run (same day)", run_claim_deadlines)
                print(f"  window opened: {len(second.window_opened)}, filing deadline: {len(second.filing_deadline)}")
                third = timed("run_claim_deadlines, the next day", lambda: run_claim_deadlines(today=tomorrow))
                print(f"  window opened: {len(third.window_opened)}, filing deadline: {len(third.filing_deadline)}")
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--overdues", type=int, default=20_000)
    parser.add_argument("--invoices", type=int, help="instead of --overdues: as many invoices (half as many overdues)")
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--configured-db", action="store_true")
    args = parser.parse_args()
    if args.invoices:
        args.overdues = args.invoices // 2
    with_database(lambda: run(overdues=args.overdues, tenants=args.tenants), configured_db=args.configured_db)


if __name__ == "__main__":
    main()
