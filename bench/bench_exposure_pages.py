"""The pages the exposure summary serves, measured alone on an already generated bench database (issue 11).

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kredo_bench_exposure \
        .venv/bin/python bench/bench_exposure_pages.py [--requests 20]

The same requests as `make bench`'s pages section (bench/sections.py: gunicorn, 2 sync workers, one client,
requests one after the other), for the tenant dashboard, /admin/exposure/ (each tab), the limits admin
changelist and /limits/; prints p95 and p50 per page and the load average before and after. Then, in-process,
the selectors the dashboard and /admin/exposure/ call (the dashboard also runs the home page's task list,
whose claim filing windows are not the summary's business): each 10 times, p95 and p50.
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
                        help="leave out / (its task list takes seconds a request on the generated book)")
    args = parser.parse_args()
    import django
    from servers import ROOT as APP_ROOT
    from servers import Server, kredo_env

    os.environ.update(kredo_env(args.database_url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    import sections
    from http_load import sequential

    creds = sections.credentials(args.seed)
    print(f"load average before: {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
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
    selectors(creds["tenant"], seed=args.seed)
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)


def selectors(tenant, *, seed: int, runs: int = 10) -> None:
    from django.contrib.auth import get_user_model
    from django_scopes import scopes_disabled

    from core.tenancy import tenant_scope
    from limits.exposure import BUYER, COUNTRY, SECTOR, insurer_exposure
    from portal.dashboard import dashboard_exposure
    from portal.loadgen import admin_username
    from portal.tasks import home_tasks

    user = get_user_model().objects.get(username=admin_username(seed, 0))
    calls = [("dashboard_exposure (3 groupings + utilisation)", lambda: dashboard_exposure(tenant=tenant), True),
             ("home_tasks (the dashboard's task list)", lambda: home_tasks(tenant=tenant, user=user), True)]
    for by in (BUYER, COUNTRY, SECTOR):
        calls.append((f"insurer_exposure(by={by}, limit=20)", lambda by=by: insurer_exposure(by=by, limit=20), False))
    for name, call, scoped in calls:
        samples = []
        for _ in range(runs):
            with (tenant_scope(tenant) if scoped else scopes_disabled()):
                start = time.perf_counter()
                call()
                samples.append(time.perf_counter() - start)
        p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
        print(f"in-process {name:<48} p95 {p95 * 1000:6.0f} ms, p50 {statistics.median(samples) * 1000:6.0f} ms",
              flush=True)


if __name__ == "__main__":
    main()
