"""What the operations layer costs a request: request id, JSON log line, CSP, Permissions-Policy, throttles.

    .venv/bin/python bench/bench_ops_overhead.py                  # a throwaway SQLite/PostgreSQL test database
    .venv/bin/python bench/bench_ops_overhead.py --requests 500

Times N API list requests (one tenant, a token, 20 policies) in-process with the full middleware and
throttles, then with the operations middleware and throttles removed, and the two health probes.
Figures are per request, the median of 10 interleaved rounds; logging goes to /dev/null so the terminal is not what is timed.
"""

import argparse
import logging
import statistics
import time

from _common import RollBack, with_database  # noqa: E402  (sets sys.path and settings)

ROUNDS = 10
OPS_MIDDLEWARE = {
    "core.logs.RequestIdMiddleware", "core.logs.RequestActorMiddleware", "csp.middleware.CSPMiddleware",
    "core.security_headers.PermissionsPolicyMiddleware", "axes.middleware.AxesMiddleware",
}


def per_request(client, path, n, **headers) -> float:
    client.get(path, **headers)  # warm
    start = time.perf_counter()
    for _ in range(n):
        response = client.get(path, **headers)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    return elapsed / n * 1000


def run(n: int) -> None:
    from django.db import transaction
    from django.test import Client, override_settings
    from django_scopes import scopes_disabled

    from accounts import services as accounts
    from accounts.roles import TENANT_ROLES
    from tests.factories import PolicyFactory, TenantFactory

    for handler in logging.getLogger().handlers:
        handler.setStream(open("/dev/null", "w"))  # noqa: SIM115  (closed with the process)
    from django.conf import settings

    try:
        with transaction.atomic(), scopes_disabled():
            tenant = TenantFactory()
            for i in range(20):
                PolicyFactory(tenant=tenant, number=f"KR-BENCH-{i:03}")
            _token, raw_key = accounts.create_api_token(tenant=tenant, created_by=None, name="bench",
                                                         roles=TENANT_ROLES)
            auth = {"HTTP_AUTHORIZATION": f"Token {raw_key}"}
            generous = {"token": "1000000/min", "ip": "1000000/min"}
            # A rate of None skips the throttle before it touches the cache (views bind their classes at import).
            no_rates = {"token": None, "ip": None}
            bare_middleware = [m for m in settings.MIDDLEWARE if m not in OPS_MIDDLEWARE]
            # Interleaved rounds, medians: the machine is shared, so a single long run measures the neighbours.
            fulls, bares = [], []
            for _ in range(ROUNDS):
                with override_settings(API_THROTTLE_RATES=generous):
                    fulls.append(per_request(Client(), "/api/v1/policies/", n // ROUNDS, **auth))
                with override_settings(MIDDLEWARE=bare_middleware, API_THROTTLE_RATES=no_rates):
                    bares.append(per_request(Client(), "/api/v1/policies/", n // ROUNDS, **auth))
            full, bare = statistics.median(fulls), statistics.median(bares)
            live = per_request(Client(), "/health/live", n)
            ready = per_request(Client(), "/health/ready", n)
            raise RollBack
    except RollBack:
        pass
    print(f"GET /api/v1/policies/ (20 rows), full middleware + throttles  {full:7.2f} ms/request")
    print(f"GET /api/v1/policies/ (20 rows), without the operations layer  {bare:7.2f} ms/request")
    print(f"  operations layer                                             {full - bare:+7.2f} ms/request")
    print(f"GET /health/live                                               {live:7.2f} ms/request")
    print(f"GET /health/ready (database, cache, broker, migrations, outbox) {ready:6.2f} ms/request")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with_database(lambda: run(args.requests), configured_db=False)


if __name__ == "__main__":
    main()
