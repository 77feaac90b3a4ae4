"""Time the insured's exposure report (GET /api/v1/exposure/) on one insured with many limits.

    .venv/bin/python bench/bench_tenant_exposure.py                   # 5,000 buyers, a throwaway database
    .venv/bin/python bench/bench_tenant_exposure.py --buyers 20000
    .venv/bin/python bench/bench_tenant_exposure.py --configured-db   # DATABASE_URL, migrated, rolled back

One insured with EUR, USD and GBP policies and a limit in force per (policy, buyer) on most buyers, another
insured with as many limits on the same buyers (they must cost nothing), USD/EUR recorded and GBP left without
a rate; times `tenant_exposure_report` by buyer and by country (best of --repeat) and prints rows, seconds and
queries. Everything runs in one transaction rolled back at the end.
"""

import argparse
import time
from datetime import date, timedelta
from decimal import Decimal

from _common import QueryCounter, RollBack, with_database  # noqa: E402  (sets sys.path and settings)

COUNTRIES = ["DE", "FR", "IT", "ES", "PT", "NL", "BE", "PL", "CZ", "AT", "GB", "US", "CN", "JP", "BR"]
CURRENCIES = ["EUR", "USD", "GBP"]


def build(*, buyers: int):
    from accounts.models import Tenant
    from buyers.models import Buyer
    from core.models import ExchangeRate
    from limits import exposure_summary
    from limits.models import CreditLimit
    from policies.models import Policy

    today, stamp = date.today(), time.time_ns()
    tenants = Tenant.objects.bulk_create([
        Tenant(legal_name=f"Bench Insured {n}", country="ES", registration_number=f"BENCHX{stamp}T{n}",
               contact_email=f"bench-x{n}@example.com") for n in range(2)])
    policies = Policy.objects.bulk_create([
        Policy(tenant=tenant, number=f"BENCHX-{stamp}-{n}-{currency}", status=Policy.Status.ACTIVE, currency=currency,
               start_date=today - timedelta(days=30), end_date=today + timedelta(days=300))
        for n, tenant in enumerate(tenants) for currency in CURRENCIES])
    buyer_rows = Buyer.objects.bulk_create([
        Buyer(legal_name=f"Bench Debtor {n}", country=COUNTRIES[n % len(COUNTRIES)],
              registration_number=f"BENCHX{stamp}B{n:07d}", status=Buyer.Status.CONFIRMED, grade=1 + n % 7)
        for n in range(buyers)], batch_size=1000)
    rows = [
        CreditLimit(tenant_id=policy.tenant_id, policy=policy, buyer=buyer, state="in_force", currency=policy.currency,
                    requested_amount=Decimal(1_000 + n * 7 % 90_000), requested_terms_days=90,
                    decided_amount=Decimal(1_000 + n * 7 % 90_000))
        for n, buyer in enumerate(buyer_rows) for i, policy in enumerate(policies) if (n + i) % 4
    ]
    CreditLimit.objects.bulk_create(rows, batch_size=2000)
    exposure_summary.rebuild()  # the limits were written past the services
    ExchangeRate.objects.bulk_create([ExchangeRate(base_currency="USD", quote_currency="EUR",
                                                   valid_on=today - timedelta(days=1), rate=Decimal("0.9150"))],
                                     ignore_conflicts=True)
    print(f"data: 2 insureds, {buyers} buyers, {len(rows)} limits in force (EUR, USD with a rate, GBP without)")
    return tenants[0]


def timed(label, call, *, repeat):
    from django.db import connection

    best, queries, result = None, 0, None
    for _ in range(repeat):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            start = time.perf_counter()
            result = call()
            seconds = time.perf_counter() - start
        best, queries = (seconds if best is None else min(best, seconds)), counter.count
    print(f"{label:<46} rows {len(result.rows):>6}  {best:8.3f} s  {queries:>3} queries")
    return result


def run(*, buyers: int, repeat: int) -> None:
    from django.db import transaction
    from django_scopes import scopes_disabled

    from core.tenancy import tenant_scope
    from limits.tenant_exposure import tenant_exposure_report

    with scopes_disabled():
        try:
            with transaction.atomic():
                start = time.perf_counter()
                tenant = build(buyers=buyers)
                print(f"setup: {time.perf_counter() - start:.2f} s (bulk_create)")
                with tenant_scope(tenant):  # as the API runs it
                    for by in ("buyer", "country"):
                        report = timed(f"tenant_exposure_report(by={by!r})",
                                       lambda by=by: tenant_exposure_report(tenant=tenant, by=by), repeat=repeat)
                        print(f"  total {report.total_in_reporting_currency}, without a rate "
                              f"{', '.join(str(m) for m in report.without_rate) or '-'}")
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--buyers", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--configured-db", action="store_true",
                        help="use DATABASE_URL (must be migrated) instead of a throwaway test database")
    args = parser.parse_args()
    with_database(lambda: run(buyers=args.buyers, repeat=args.repeat), configured_db=args.configured_db)


if __name__ == "__main__":
    main()
