"""Time the daily early-warning job at insurer scale, and the pages that read its alerts.

    .venv/bin/python bench/bench_early_warnings.py                            # SQLite, a throwaway db
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kredo_x .venv/bin/python bench/bench_early_warnings.py \
        --buyers 1000000 --limits 100000

Builds insureds with one policy each, the buyers, `--limits` limits in force for the first insured (and a tenth
of that for each other one, on the same buyers, so other insureds hold limits on them too), and in the job's
window: 1% of buyers downgraded, 1% of limits expiring within 30 days, 0.5% put under review, overdues on 0.5%
of the limits (one invoice each, half of them above 90% of the limit), 1% of buyers paying worse. Then times
`run_early_warnings` (a first run raises the alerts, a second raises none), the first insured's monitoring list
(pages by key, sorted by name and by unread alerts, as the view reads them), its alert list and the underwriters' review queue. Rolled back at the end.
"""

import argparse
import time
from datetime import date, timedelta
from decimal import Decimal

from _common import RollBack, timed, with_database


def build(*, buyers: int, limits: int, tenants: int):
    from accounts.models import Tenant
    from buyers.models import Buyer, BuyerGrade, PaymentExperience
    from claims.overdues.models import Invoice, Overdue
    from limits.models import CreditLimit, LimitDecision
    from policies.models import Policy, TermsVersion

    today = date.today()
    stamp = time.time_ns()
    tenant_rows = Tenant.objects.bulk_create([
        Tenant(legal_name=f"Bench Exporter {n}", country="ES", registration_number=f"BENCH{stamp}T{n}",
               contact_email=f"bench{n}@example.com") for n in range(tenants)])
    policies = Policy.objects.bulk_create([
        Policy(tenant=t, number=f"BENCH-{stamp}-{n}", status=Policy.Status.ACTIVE, currency="EUR",
               start_date=today - timedelta(days=300), end_date=today + timedelta(days=60))
        for n, t in enumerate(tenant_rows)])
    TermsVersion.objects.bulk_create([TermsVersion(policy=p, effective_from=p.start_date) for p in policies])
    buyer_rows = Buyer.objects.bulk_create([
        Buyer(legal_name=f"Bench Buyer {n}", country="DE", registration_number=f"BENCH{stamp}B{n:07d}",
              status=Buyer.Status.CONFIRMED, grade=4) for n in range(buyers)], batch_size=10000)
    limit_rows = []
    for t, policy in enumerate(policies):
        for n in range(limits if t == 0 else limits // 10):
            limit_rows.append(CreditLimit(
                tenant_id=policy.tenant_id, policy=policy, buyer=buyer_rows[(n * 7919) % buyers],
                state=CreditLimit.State.IN_FORCE, currency="EUR", requested_amount=Decimal(50_000),
                requested_terms_days=60, decided_amount=Decimal(50_000),
                expiry_date=today + timedelta(days=10) if n % 100 == 0 else None, under_review=n % 200 == 1))
    limit_rows = CreditLimit.objects.bulk_create(limit_rows, batch_size=10000)
    LimitDecision.objects.bulk_create([
        LimitDecision(tenant_id=limit.tenant_id, limit=limit, policy_id=limit.policy_id, buyer_id=limit.buyer_id,
                      kind=LimitDecision.Kind.UNDER_REVIEW, amount=limit.decided_amount, currency="EUR",
                      effective_date=today - timedelta(days=1), changes_cover=False)
        for limit in limit_rows if limit.under_review], batch_size=10000)
    BuyerGrade.objects.bulk_create([
        BuyerGrade(buyer=buyer, grade=6, previous_grade=4, graded_on=today - timedelta(days=2), reason="bench")
        for buyer in buyer_rows[::100]], batch_size=10000)
    PaymentExperience.objects.bulk_create([
        PaymentExperience(buyer=buyer, computed_on=today, paid_invoices=40, paid_late=30, reporting_insureds=4,
                          days_beyond_terms_avg=Decimal(20), recent_days_avg=Decimal(30), previous_days_avg=Decimal(12))
        for buyer in buyer_rows[::100]], batch_size=10000)
    overdues = Overdue.objects.bulk_create([
        Overdue(tenant_id=limit.tenant_id, policy_id=limit.policy_id, buyer_id=limit.buyer_id, currency="EUR",
                state=Overdue.State.OPEN, notified_on=today - timedelta(days=3))
        for limit in limit_rows[::200]], batch_size=10000)
    Invoice.objects.bulk_create([
        Invoice(tenant_id=o.tenant_id, overdue=o, number=f"F{n}", invoice_date=today - timedelta(days=100),
                shipment_date=today - timedelta(days=100), due_date=today - timedelta(days=40),
                amount=Decimal(48_000 if n % 2 else 10_000), outstanding=Decimal(48_000 if n % 2 else 10_000),
                currency="EUR") for n, o in enumerate(overdues)], batch_size=10000)
    print(f"data: {tenants} insureds, {buyers} buyers, {len(limit_rows)} limits in force "
          f"({limits} of the first insured), {len(overdues)} overdues in the window")
    return tenant_rows


def run(*, buyers: int, limits: int, tenants: int) -> None:
    from django.db import connection, transaction
    from django_scopes import scopes_disabled

    from buyers.monitoring.job import run_early_warnings
    from buyers.monitoring.models import BuyerAlert
    from buyers.monitoring.selectors import alerts_for_tenant
    from core.tenancy import tenant_scope
    from limits.monitoring.selectors import latest_alerts_of, review_queue
    from limits.monitoring.selectors import monitoring_page as page_of_list

    with scopes_disabled():
        try:
            with transaction.atomic():
                start = time.perf_counter()
                tenant_rows = build(buyers=buyers, limits=limits, tenants=tenants)
                print(f"setup: {time.perf_counter() - start:.1f} s (bulk_create)")
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                first = timed("run_early_warnings, first run", run_early_warnings)
                print(f"  raised: {first.raised} (total {first.total}; rows {BuyerAlert.objects.count()})")
                second = timed("run_early_warnings, second run", run_early_warnings)
                print(f"  raised: {second.total}")
                tenant = tenant_rows[0]
                with tenant_scope(tenant):
                    def monitoring_page(sort, *, unread_only=False, pages=1):
                        after = None
                        for _ in range(pages):
                            page = page_of_list(tenant=tenant, unread_only=unread_only, sort=sort, after=after,
                                                size=50)
                            latest_alerts_of(tenant=tenant, buyers=page.rows)
                            after = page.next_token
                        return page

                    timed("monitoring list, page 1 by name", lambda: monitoring_page(None))
                    timed("monitoring list, page 20 by name (keyset)", lambda: monitoring_page(None, pages=20))
                    timed("monitoring list, page 1, most unread first", lambda: monitoring_page(("unread", True)))
                    timed("monitoring list, page 20, most unread first", lambda: monitoring_page(("unread", True),
                                                                                                pages=20))
                    timed("monitoring list, page 1, least unread first", lambda: monitoring_page(("unread", False)))
                    timed("monitoring list, page 1, only unread", lambda: monitoring_page(None, unread_only=True))
                    timed("alerts API, first keyset page of 50", lambda: list(alerts_for_tenant(tenant=tenant)[:50]))
                timed("buyers to review, first 50 by exposure at risk", lambda: list(review_queue()[:50]))
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--buyers", type=int, default=200_000)
    parser.add_argument("--limits", type=int, default=100_000)
    parser.add_argument("--tenants", type=int, default=10)
    parser.add_argument("--configured-db", action="store_true")
    args = parser.parse_args()
    with_database(lambda: run(buyers=args.buyers, limits=args.limits, tenants=args.tenants),
                  configured_db=args.configured_db)


if __name__ == "__main__":
    main()
