"""What the replica router and its middleware cost when no replica is configured (the default deployment).

    .venv/bin/python bench/bench_replica_router.py                 # a throwaway SQLite/PostgreSQL test database
    .venv/bin/python bench/bench_replica_router.py --queries 5000

Times N one-row ORM reads with core.replica.ReplicaRouter in DATABASE_ROUTERS and with no router, then N
`/limits/` page requests with and without core.replica.ReadYourWritesMiddleware. Per query / per request,
the median of 10 interleaved rounds (the machine is shared).
"""

import argparse
import logging
import statistics
import time

from _common import RollBack, with_database  # noqa: E402  (sets sys.path and settings)

ROUNDS = 10
ROUTER = "core.replica.ReplicaRouter"
MIDDLEWARE = "core.replica.ReadYourWritesMiddleware"


def per_query(tenant_pk: int, n: int) -> float:
    from accounts.models import Tenant

    start = time.perf_counter()
    for _ in range(n):
        Tenant.objects.filter(pk=tenant_pk).first()
    return (time.perf_counter() - start) / n * 1e6


def per_request(client, n: int) -> float:
    client.get("/limits/")
    start = time.perf_counter()
    for _ in range(n):
        response = client.get("/limits/")
    assert response.status_code == 200, response.status_code
    return (time.perf_counter() - start) / n * 1000


def run(queries: int, requests: int) -> None:
    from django.conf import settings
    from django.db import transaction
    from django.test import override_settings
    from django_scopes import scopes_disabled

    from accounts.roles import TENANT_ROLES
    from tests.factories import PolicyFactory, TenantFactory, logged_in, member

    for handler in logging.getLogger().handlers:
        handler.setStream(open("/dev/null", "w"))  # noqa: SIM115  (closed with the process)
    without_middleware = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
    try:
        with transaction.atomic(), scopes_disabled():
            tenant = TenantFactory()
            PolicyFactory(tenant=tenant, number="KR-BENCH-001")
            client = logged_in(member(tenant, TENANT_ROLES))
            routed, bare, with_mw, without_mw = [], [], [], []
            for _ in range(ROUNDS):
                with override_settings(DATABASE_ROUTERS=[ROUTER]):
                    routed.append(per_query(tenant.pk, queries // ROUNDS))
                with override_settings(DATABASE_ROUTERS=[]):
                    bare.append(per_query(tenant.pk, queries // ROUNDS))
                with override_settings(MIDDLEWARE=settings.MIDDLEWARE):
                    with_mw.append(per_request(client, requests // ROUNDS))
                with override_settings(MIDDLEWARE=without_middleware):
                    without_mw.append(per_request(client, requests // ROUNDS))
            raise RollBack
    except RollBack:
        pass
    q_routed, q_bare = statistics.median(routed), statistics.median(bare)
    r_with, r_without = statistics.median(with_mw), statistics.median(without_mw)
    print(f"one-row read, ReplicaRouter (no replica)       {q_routed:8.1f} us/query")
    print(f"one-row read, no router                        {q_bare:8.1f} us/query")
    print(f"  router                                       {q_routed - q_bare:+8.1f} us/query")
    print(f"GET /limits/, with ReadYourWritesMiddleware    {r_with:8.2f} ms/request")
    print(f"GET /limits/, without it                       {r_without:8.2f} ms/request")
    print(f"  middleware                                   {r_with - r_without:+8.2f} ms/request")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with_database(lambda: run(args.queries, args.requests), configured_db=False)


if __name__ == "__main__":
    main()
