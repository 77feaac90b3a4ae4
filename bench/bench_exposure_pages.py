"""The pages the exposure summary serves, measured alone on an already generated bench database (issue 11).

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kredo_bench_exposure \
        .venv/bin/python bench/bench_exposure_pages.py [--requests 20]

The same requests as `make bench`'s pages section (bench/sections.py: gunicorn, 2 sync workers, one client,
requests one after the other), for the tenant dashboard, /admin/exposure/ (each tab), the limits admin
changelist and /limits/; prints p95 and p50 per page and the load average before and after. Then, in-process,
the selectors the dashboard and /admin/exposure/ call (the dashboard also runs the home page's task list and
charts), and the same pages through Django's test client (view, SQL and rendering without gunicorn, with the
queries of a request): each 10 times, p95 and p50. `--skip-http` leaves out gunicorn (in-process only).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PAGES = [
    ("tenant dashboard /", "/", "insured"),
    ("/admin/exposure/", "/admin/exposure/", "underwriter"),
    ("/admin/exposure/?by=country", "/admin/exposure/?by=country", "underwriter"),
    ("/admin/exposure/?by=sector", "/admin/exposure/?by=sector", "underwriter"),
    ("/admin/limits/creditlimit/", "/admin/limits/creditlimit/", "underwriter"),
    ("/admin/limits/creditlimit/?state=in_force", "/admin/limits/creditlimit/?state__exact=in_force", "underwriter"),
    ("/limits/", "/limits/", "insured"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kredo_bench"))
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=8771, help="Kredo's gunicorn (make bench's may be running)")
    parser.add_argument("--skip-dashboard", action="store_true",
                        help="leave out / and home_tasks (before issue 11's stored dates its task list took seconds a request)")
    parser.add_argument("--skip-http", action="store_true",
                        help="only the in-process figures (no gunicorn): selectors and pages through the test client")
    args = parser.parse_args()
    import django
    from servers import kredo_env

    os.environ.update(kredo_env(args.database_url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    import sections

    creds = sections.credentials(args.seed)
    print(f"load average before: {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    if not args.skip_http:
        http_pages(args, creds)
    selectors(creds["tenant"], seed=args.seed, skip_dashboard=args.skip_dashboard)
    pages_in_process(creds["sessions"], skip_dashboard=args.skip_dashboard)
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)


def http_pages(args, creds) -> None:
    from http_load import sequential
    from servers import ROOT as APP_ROOT
    from servers import Server, kredo_env

    kredo = Server("kredo", "config.wsgi:application", args.port, env=kredo_env(args.database_url), chdir=APP_ROOT)
    try:
        kredo.wait("/api/v1/policies/", headers={"Authorization": f"Token {creds['token']}"})
        for name, path, who in PAGES:
            if args.skip_dashboard and path == "/":
                continue
            headers = {"Cookie": f"sessionid={creds['sessions'][who]}"}
            sequential(kredo.url + path, count=2, headers=headers)  # warm: each worker's first request
            timing = sequential(kredo.url + path, count=args.requests, headers=headers)
            errors = f"; {timing.errors} non-200" if timing.errors else ""
            print(f"page {name:<44} p95 {timing.p95 * 1000:6.0f} ms, p50 {timing.p50 * 1000:6.0f} ms{errors}",
                  flush=True)
    finally:
        kredo.stop()


def _quantiles(samples: list[float]) -> str:
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
    return f"p95 {p95 * 1000:6.0f} ms, p50 {statistics.median(samples) * 1000:6.0f} ms"


def pages_in_process(sessions: dict, *, skip_dashboard: bool, runs: int = 10) -> None:
    """The same pages through Django's test client in this process (no gunicorn, no HTTP): the view, its SQL
    and its rendering, with the query count of one request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    for name, path, who in PAGES:
        if skip_dashboard and path == "/":
            continue
        client = Client()
        client.cookies["sessionid"] = sessions[who]
        client.get(path)  # warm
        samples, queries = [], 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(path)
                samples.append(time.perf_counter() - start)
            queries = len(captured)
            assert response.status_code == 200, (path, response.status_code)
        print(f"in-process page {name:<43} {_quantiles(samples)}, {queries} queries", flush=True)


def selectors(tenant, *, seed: int, skip_dashboard: bool = False, runs: int = 10) -> None:
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from core.tenancy import tenant_scope
    from limits.exposure import BUYER, COUNTRY, SECTOR, insurer_exposure
    from portal.charts import limit_utilisation, overdue_ageing
    from portal.dashboard import dashboard_exposure
    from portal.loadgen import admin_username
    from portal.tasks import home_tasks

    user = get_user_model().objects.get(username=admin_username(seed, 0))
    calls = [("dashboard_exposure (3 groupings + utilisation)", lambda: dashboard_exposure(tenant=tenant), True),
             ("home_tasks (the dashboard's task list)", lambda: home_tasks(tenant=tenant, user=user), True),
             ("limit_utilisation (the dashboard's chart)", lambda: limit_utilisation(tenant=tenant), True),
             ("overdue_ageing (the dashboard's chart)",
              lambda: overdue_ageing(tenant=tenant, today=timezone.localdate()), True)]
    for by in (BUYER, COUNTRY, SECTOR):
        calls.append((f"insurer_exposure(by={by}, limit=20)", lambda by=by: insurer_exposure(by=by, limit=20), False))
    for name, call, scoped in calls:
        if skip_dashboard and name.startswith("home_tasks"):
            continue
        samples = []
        for _ in range(runs):
            with (tenant_scope(tenant) if scoped else scopes_disabled()):
                start = time.perf_counter()
                call()
                samples.append(time.perf_counter() - start)
        print(f"in-process {name:<48} {_quantiles(samples)}", flush=True)


if __name__ == "__main__":
    main()
