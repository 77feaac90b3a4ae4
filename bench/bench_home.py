"""Time the insured's home page readers (portal.tasks.home_tasks, the exposure and charts) on a large insured.

    .venv/bin/python bench/bench_home.py                     # 45,000 buyers: ~100,000 limits for the insured
    .venv/bin/python bench/bench_home.py --buyers 5000
    .venv/bin/python bench/bench_home.py --configured-db     # DATABASE_URL, migrated, rolled back

The book of bench_tenant_exposure.py (two insureds, EUR/USD/GBP policies, a limit in force on most
(policy, buyer)), then 1% of the insured's limits put under review, 1% expiring within 20 days and 1% turned
back into pending requests; times each reader (best of --repeat) and prints seconds and queries. Everything
runs in one transaction rolled back at the end.
"""

import argparse
import time
from datetime import date, timedelta

from _common import QueryCounter, RollBack, with_database  # noqa: E402  (sets sys.path and settings)
from bench_tenant_exposure import build


def timed(label, call, *, repeat):
    from django.db import connection

    best, queries = None, 0
    for _ in range(repeat):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            start = time.perf_counter()
            call()
            seconds = time.perf_counter() - start
        best, queries = (seconds if best is None else min(best, seconds)), counter.count
    print(f"{label:<46} {best:8.3f} s  {queries:>3} queries")


def run(*, buyers: int, repeat: int) -> None:
    from django.contrib.auth.models import Group, User
    from django.db import transaction
    from django.db.models import F
    from django.db.models.functions import Mod
    from django_scopes import scopes_disabled

    from accounts.models import Membership
    from accounts.roles import TENANT_ROLES
    from core.tenancy import tenant_scope
    from limits import exposure_summary
    from limits.models import CreditLimit
    from portal.charts import claims_pipeline, limit_utilisation, overdue_ageing
    from portal.dashboard import dashboard_exposure
    from portal.tasks import home_tasks

    with scopes_disabled():
        try:
            with transaction.atomic():
                start = time.perf_counter()
                tenant = build(buyers=buyers)
                ours = CreditLimit.objects.filter(tenant=tenant).annotate(n=Mod(F("pk"), 100))
                ours.filter(n=1).update(under_review=True)
                ours.filter(n=2).update(expiry_date=date.today() + timedelta(days=20))
                ours.filter(n=3).update(state=CreditLimit.State.PENDING, decided_amount=None)
                exposure_summary.rebuild()  # the limits were written past the services
                user = User.objects.create(username=f"bench-home-{time.time_ns()}")
                user.groups.set(Group.objects.filter(name__in=TENANT_ROLES))
                Membership.objects.create(user=user, tenant=tenant)
                print(f"insured's limits: {CreditLimit.objects.filter(tenant=tenant).count()}; "
                      f"setup {time.perf_counter() - start:.2f} s")
                user = User.objects.get(pk=user.pk)
                user.get_all_permissions()  # read once per request in the app, like here
                with tenant_scope(tenant):
                    timed("home_tasks", lambda: home_tasks(tenant=tenant, user=user), repeat=repeat)
                    timed("dashboard_exposure (buyer, country, grade)", lambda: dashboard_exposure(tenant=tenant),
                          repeat=repeat)
                    timed("limit_utilisation", lambda: limit_utilisation(tenant=tenant), repeat=repeat)
                    timed("overdue_ageing", lambda: overdue_ageing(tenant=tenant, today=date.today()), repeat=repeat)
                    timed("claims_pipeline", lambda: claims_pipeline(tenant=tenant), repeat=repeat)
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--buyers", type=int, default=45_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--configured-db", action="store_true",
                        help="use DATABASE_URL (must be migrated) instead of a throwaway test database")
    args = parser.parse_args()
    with_database(lambda: run(buyers=args.buyers, repeat=args.repeat), configured_db=args.configured_db)


if __name__ == "__main__":
    main()
