"""Where one API request's time goes, in-process (the test client, the full middleware stack), on the bench book.

    .venv/bin/python bench/bench_api_profile.py --database-url postgres://postgres@127.0.0.1:5432/kredo_bench_api
    .venv/bin/python bench/bench_api_profile.py --database-url ... --profile 20 --only limits-list

For each endpoint of `make bench`'s api section: ms per request (median of interleaved rounds), the queries and
their SQL time, and with --profile a cProfile of that many requests, its own time summed by area (SQL driver,
Django ORM, DRF, middleware, Kredo's code ...) and the top functions. The POST requests limits on buyers the
insured has none on (they stay, as the gunicorn bench's do). Throttle rates are raised so that the counters
run but never refuse.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# Own time of a profile, summed by where the function lives (first match wins).
AREAS = [
    ("SQL driver (psycopg2/sqlite3)", ("psycopg2", "sqlite3")),
    ("Django ORM", ("django/db/",)),
    ("DRF serializers and fields", ("rest_framework/serializers", "rest_framework/fields", "rest_framework/relations")),
    ("DRF views, renderers, request", ("rest_framework/",)),
    ("django-filter", ("django_filters/",)),
    ("django-scopes", ("django_scopes/",)),
    ("Django middleware and handlers", ("django/middleware", "django/contrib", "django/core/handlers",
                                        "django/test/", "csp/", "axes/", "whitenoise/", "django_htmx/",
                                        "simple_history/")),
    ("Django translation, urls, utils", ("django/utils", "django/urls", "django/http", "django/conf", "django/")),
    ("money (babel, moneyed, decimal)", ("babel/", "moneyed/", "djmoney/", "_pydecimal", "decimal")),
    ("JSON", ("json/",)),
    ("logging", ("logging/",)),
    ("Kredo code", (str(ROOT),)),
]


def endpoints(rows) -> list[tuple[str, str, str]]:
    q = rows["q"].replace(" ", "+")
    return [
        ("limits-list", "GET", "/api/v1/limits/?page_size=50"),
        ("limits-cursor", "GET", "/api/v1/limits/?page_size=50&cursor="),
        ("limits-filtered", "GET", "/api/v1/limits/?page_size=50&state=in_force&country=DE"),
        ("limits-q", "GET", f"/api/v1/limits/?page_size=50&q={q}"),
        ("limit-detail", "GET", f"/api/v1/limits/{rows['limit'].pk}/"),
        ("claim-detail", "GET", f"/api/v1/claims/{rows['claim'].pk}/"),
        ("buyers-q", "GET", f"/api/v1/buyers/?q={q}"),
        ("limits-post", "POST", "/api/v1/limits/"),
        ("policies-list", "GET", "/api/v1/policies/"),
    ]


class SqlTimer:
    def __init__(self):
        self.count, self.seconds, self.statements = 0, 0.0, []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - start
            self.count += 1
            self.seconds += elapsed
            self.statements.append((elapsed, sql))


# Phases of a request: the cumulative time of the function that does each (file part, function name).
PHASES = [
    ("whole request (test client)", "django/test/client.py", "request"),
    ("token lookup (TenantScopeMiddleware)", "accounts/services.py", "authenticate_api_token"),
    ("DRF initial: auth, permissions, throttles", "rest_framework/views.py", "initial"),
    ("  permissions (2 queries)", "rest_framework/views.py", "check_permissions"),
    ("  throttles", "rest_framework/views.py", "check_throttles"),
    ("filters (django-filter)", "rest_framework/generics.py", "filter_queryset"),
    ("pagination: count and the page's rows", "rest_framework/generics.py", "paginate_queryset"),
    ("serializer .data", "rest_framework/serializers.py", "data"),
    ("JSON rendering", "rest_framework/renderers.py", "render"),
    ("SQL (psycopg2 execute)", "~", "<method 'execute' of 'psycopg2.extensions.cursor' objects>"),
]


def area_of(filename: str, name: str) -> str:
    where = name if filename == "~" else filename  # builtins: the method's name says whose it is
    for area, needles in AREAS:
        if any(n in where for n in needles):
            return area
    return "other (Python, builtins)"


def by_area(profile: cProfile.Profile) -> list[tuple[str, float]]:
    stats = pstats.Stats(profile)
    totals: dict[str, float] = {}
    for (filename, _line, name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        area = area_of(filename, name)
        totals[area] = totals.get(area, 0.0) + tottime
    return sorted(totals.items(), key=lambda kv: -kv[1])


def by_phase(profile: cProfile.Profile) -> list[tuple[str, float]]:
    stats = pstats.Stats(profile)
    found = []
    for label, file_part, function in PHASES:
        # The outermost of same-named functions (ListSerializer.data calls Serializer.data): the largest.
        cum = max((ct for (filename, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items()
                   if file_part in filename and name == function and (filename != "~" or file_part == "~")),
                  default=0.0)
        found.append((label, cum))
    return found


class Caller:
    def __init__(self, token: str, rows: dict):
        from django.test import Client

        self.client = Client()
        self.auth = {"HTTP_AUTHORIZATION": f"Token {token}", "HTTP_ACCEPT": "application/json"}
        self.rows = rows
        self.posted = 0

    def __call__(self, method: str, path: str):
        if method == "GET":
            response = self.client.get(path, **self.auth)
            expected = (200,)
        else:
            import json

            buyer = self.rows["free_buyers"][self.posted]
            self.posted += 1
            body = {"policy": self.rows["policy"].pk, "buyer": buyer,
                    "amount": {"amount": "10000.00", "currency": "EUR"}, "terms_days": 60}
            response = self.client.post(path, json.dumps(body), content_type="application/json", **self.auth)
            expected = (201, 202)
        assert response.status_code in expected, (path, response.status_code, response.content[:500])
        return response


def measure(call, method, path, *, requests: int, rounds: int) -> tuple[float, float, SqlTimer]:
    """Wall ms a request (median of the rounds), this process's CPU ms a request (median: what the machine's
    other users change least), and the queries."""
    from django.db import connection

    call(method, path)  # warm: imports, caches, the token's first use
    walls, cpus = [], []
    timer = SqlTimer()
    for _ in range(rounds):
        with connection.execute_wrapper(timer):
            start, cpu = time.perf_counter(), time.process_time()
            for _ in range(requests):
                call(method, path)
            walls.append((time.perf_counter() - start) / requests * 1000)
            cpus.append((time.process_time() - cpu) / requests * 1000)
    timer.count //= rounds * requests
    timer.seconds /= rounds * requests
    timer.statements = timer.statements[: len(timer.statements) // (rounds * requests)]
    return statistics.median(walls), statistics.median(cpus), timer


def profile(call, method, path, *, requests: int, top: int, sort: str = "cumulative") -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        call(method, path)
    profiler.disable()
    total = sum(t for _a, t in by_area(profiler))
    out = io.StringIO()
    calls = pstats.Stats(profiler).total_calls / requests
    # Function calls a request: what the code does, whatever the machine's load does to the times.
    out.write(f"  cProfile of {requests} requests: {calls:,.0f} function calls a request; own time by area "
              f"({total / requests * 1000:.1f} ms a request under the profiler)\n")
    for area, seconds in by_area(profiler):
        out.write(f"    {area:<36} {seconds / requests * 1000:7.2f} ms  {100 * seconds / total:5.1f}%\n")
    out.write("  phases (cumulative, under the profiler):\n")
    for label, seconds in by_phase(profiler):
        out.write(f"    {label:<44} {seconds / requests * 1000:7.2f} ms\n")
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats(sort).print_stats(top)
    out.write("\n".join("    " + line for line in stream.getvalue().splitlines()[6:] if line.strip()))
    return out.getvalue()


def connection_cost(rounds: int = 30) -> str:
    """A new database connection (what every request paid with CONN_MAX_AGE=0) against a query on a kept one."""
    from django.db import connection

    def select_one():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    fresh, kept = [], []
    for _ in range(rounds):
        connection.close()
        start = time.perf_counter()
        select_one()  # connects first
        fresh.append((time.perf_counter() - start) * 1000)
    for _ in range(rounds):
        start = time.perf_counter()
        select_one()
        kept.append((time.perf_counter() - start) * 1000)
    return (f"connection: a new one and SELECT 1 {statistics.median(fresh):.2f} ms (median of {rounds}), "
            f"SELECT 1 on a kept one {statistics.median(kept):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=10, help="per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", type=int, default=0, help="also profile this many requests of each")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative", help="cumulative or tottime")
    parser.add_argument("--sql", action="store_true", help="print each request's statements with their time")
    parser.add_argument("--only", default="", help="comma-separated endpoint names")
    args = parser.parse_args()

    import django
    from servers import kredo_env

    os.environ.update(kredo_env(args.database_url))
    os.environ["API_RATE_PER_TOKEN"] = os.environ["API_RATE_PER_IP"] = "1000000/min"
    os.environ["EMAIL_URL"] = "dummymail://"  # the POST's notice e-mail is sent inline: not to the terminal
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    import logging

    from django.conf import settings

    settings.DEBUG = False
    for handler in logging.getLogger().handlers:
        handler.setStream(open(os.devnull, "w"))  # noqa: SIM115  (closed with the process)
    import sections

    creds = sections.credentials(args.seed)
    rows = sections.samples(creds["tenant"])
    call = Caller(creds["token"], rows)
    only = set(filter(None, args.only.split(",")))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{settings.DATABASES['default']['NAME']}; load average {load}; "
          f"{args.rounds} rounds x {args.requests} requests")
    for name, method, path in endpoints(rows):
        if only and name not in only:
            continue
        ms, cpu, timer = measure(call, method, path, requests=args.requests, rounds=args.rounds)
        print(f"{name:<16} {method} {path[:52]:<52} {ms:7.2f} ms/request, CPU {cpu:6.2f} ms  {timer.count:3} queries  "
              f"SQL {timer.seconds * 1000:6.2f} ms")
        if args.sql:
            for seconds, sql in timer.statements:
                print(f"    {seconds * 1000:6.2f} ms  {sql[:220]}")
        if args.profile:
            print(profile(call, method, path, requests=args.profile, top=args.top, sort=args.sort))
    if "connection" in only or not only:
        print(connection_cost())
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
