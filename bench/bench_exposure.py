"""Time the exposure selectors on many limits: insurer_exposure by buyer, country and sector.

    .venv/bin/python bench/bench_exposure.py                    # 20,000 limits over 2,000 buyers, a throwaway database
    .venv/bin/python bench/bench_exposure.py --limits 100000 --buyers 10000
    .venv/bin/python bench/bench_exposure.py --configured-db    # DATABASE_URL, migrated, rolled back

Builds insureds with EUR, USD and GBP policies, buyers over many countries and
sectors, and N limits (most in force, the others refused, expired, withdrawn or
pending) with bulk_create, records USD/EUR and EUR/GBP rates, then times each
selector (best of --repeat runs) and prints rows, seconds and queries.
Everything runs inside one transaction that is rolled back at the end.
"""

import argparse
import time
from datetime import date, timedelta
from decimal import Decimal

from _common import QueryCounter, RollBack, with_database  # noqa: E402  (sets sys.path and settings)

COUNTRIES = ["DE", "FR", "IT", "ES", "PT", "NL", "BE", "PL", "CZ", "AT", "GB", "US", "CN", "JP", "BR", "MX", "TR",
             "IN", "ZA", "MA"]
SECTORS = ["10.71", "13.20", "20.11", "22.29", "25.62", "28.41", "29.10", "41.20", "46.90", "47.11", "49.41", ""]
CURRENCIES = ["EUR", "EUR", "USD", "GBP"]  # per policy, in turn
NOT_IN_FORCE = ["refused", "expired", "withdrawn", "pending"]


def build(*, limits: int, buyers: int, tenants: int):
    from accounts.models import Tenant
    from buyers.models import Buyer
    from core.models import ExchangeRate
    from limits import exposure_summary
    from limits.models import CreditLimit
    from policies.models import Policy

    today = date.today()
    stamp = time.time_ns()
    tenant_rows = Tenant.objects.bulk_create([
        Tenant(legal_name=f"Bench Exporter {n}", country="ES", registration_number=f"BENCH{stamp}T{n}",
               contact_email=f"bench{n}@example.com")
        for n in range(tenants)
    ])
    pairs_needed = -(-limits // buyers)  # policies needed so every (policy, buyer) pair is used once
    policies = []
    for n in range(max(pairs_needed, tenants)):
        tenant = tenant_rows[n % tenants]
        policies.append(Policy(tenant=tenant, number=f"BENCH-{stamp}-{n}", status=Policy.Status.ACTIVE,
                               currency=CURRENCIES[n % len(CURRENCIES)], start_date=today - timedelta(days=30),
                               end_date=today + timedelta(days=300)))
    policies = Policy.objects.bulk_create(policies)
    buyer_rows = Buyer.objects.bulk_create([
        Buyer(legal_name=f"Bench Buyer {n}", country=COUNTRIES[n % len(COUNTRIES)],
              registration_number=f"BENCH{stamp}B{n:07d}", sector_nace=SECTORS[n % len(SECTORS)],
              status=Buyer.Status.CONFIRMED, grade=1 + n % 7)
        for n in range(buyers)
    ], batch_size=1000)
    rows = []
    for i in range(limits):
        buyer = buyer_rows[i % buyers]
        policy = policies[(i // buyers) % len(policies)]
        state = "in_force" if i % 7 else NOT_IN_FORCE[(i // 7) % len(NOT_IN_FORCE)]
        amount = Decimal(5_000 + (i * 7919) % 250_000) + Decimal("0.50")
        rows.append(CreditLimit(
            tenant_id=policy.tenant_id, policy=policy, buyer=buyer, state=state, currency=policy.currency,
            requested_amount=amount, requested_terms_days=90,
            decided_amount=None if state == "pending" else amount,
        ))
    CreditLimit.objects.bulk_create(rows, batch_size=2000)
    exposure_summary.rebuild()  # the limits were written past the services
    ExchangeRate.objects.bulk_create([
        ExchangeRate(base_currency="USD", quote_currency="EUR", valid_on=today - timedelta(days=1), rate=Decimal("0.9150")),
        ExchangeRate(base_currency="EUR", quote_currency="GBP", valid_on=today - timedelta(days=1), rate=Decimal("0.8602")),
    ], ignore_conflicts=True)
    in_force = sum(1 for r in rows if r.state == "in_force")
    print(f"data: {tenants} insureds, {len(policies)} policies (EUR, USD, GBP), {buyers} buyers, "
          f"{limits} limits ({in_force} in force)")
    return tenant_rows[0], buyer_rows[0]


def timed(label: str, call, *, repeat: int, rows_of) -> None:
    from django.db import connection

    best, queries, result = None, 0, None
    for _ in range(repeat):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            start = time.perf_counter()
            result = call()
            seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
        queries = counter.count
    print(f"{label:<42} rows {rows_of(result):>6}  {best:8.3f} s  {queries:>3} queries")
    return result


def run(*, limits: int, buyers: int, tenants: int, repeat: int) -> None:
    from django.db import transaction
    from django_scopes import scopes_disabled

    from limits.exposure import (
        buyer_exposure_total,
        country_exposure_total,
        insurer_exposure,
        tenant_exposure,
    )

    with scopes_disabled():
        try:
            with transaction.atomic():
                start = time.perf_counter()
                tenant, buyer = build(limits=limits, buyers=buyers, tenants=tenants)
                print(f"setup: {time.perf_counter() - start:.2f} s (bulk_create)")
                for by in ("buyer", "country", "sector"):
                    exposure = timed(f"insurer_exposure(by={by!r})", lambda by=by: insurer_exposure(by=by),
                                     repeat=repeat, rows_of=lambda e: e.groups)
                    timed(f"insurer_exposure(by={by!r}, limit=20)", lambda by=by: insurer_exposure(by=by, limit=20),
                          repeat=repeat, rows_of=len)
                    print(f"  total {exposure.total}, {exposure.limits} limits in force; top: "
                          f"{exposure.rows[0].label} {exposure.rows[0].amount}")
                timed("buyer_exposure_total", lambda: buyer_exposure_total(buyer_id=buyer.pk), repeat=repeat,
                      rows_of=lambda _: 1)
                timed("country_exposure_total('DE')", lambda: country_exposure_total(country="DE"), repeat=repeat,
                      rows_of=lambda _: 1)
                timed("tenant_exposure(by='buyer')", lambda: tenant_exposure(tenant=tenant, by="buyer"),
                      repeat=repeat, rows_of=len)
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limits", type=int, default=20_000)
    parser.add_argument("--buyers", type=int, default=None, help="default: limits / 10")
    parser.add_argument("--tenants", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--configured-db", action="store_true",
                        help="use DATABASE_URL (must be migrated) instead of a throwaway test database")
    args = parser.parse_args()
    buyers = args.buyers or max(1, args.limits // 10)

    with_database(lambda: run(limits=args.limits, buyers=buyers, tenants=args.tenants, repeat=args.repeat), configured_db=args.configured_db)

if __name__ == "__main__":
    main()
