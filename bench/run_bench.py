"""`make bench`: generate the issue's load on a PostgreSQL database of its own, then print every figure
against its target, and write them with the machine and the date into bench/RESULTS.md.

    .venv/bin/python bench/run_bench.py                           # drop, create, migrate, generate, measure
    .venv/bin/python bench/run_bench.py --reuse --only api,pages  # measure again on the generated load
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kredo_bench (default)

Sections: api (throughput and latency against the floor app, interleaved), pages (p95), counts (the query
count of every list endpoint at page sizes 10 and 500), imports (limit CSV rows per second), jobs (the limit
review and claim deadlines jobs: a first run, then an idle one; they change rows, so they run last).
"""

import argparse
import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTIONS = ("api", "pages", "counts", "imports", "jobs")
ISSUE_LOAD = {"buyers": 100_000, "limits": 100_000, "overdues": 50_000, "invoices": 100_000, "claims": 2_000}


def recreate_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name) or name in ("postgres", "test"):
        sys.exit(f"Refusing to recreate the database {name!r}: give the bench a database of its own.")
    connection = psycopg2.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
                                  password=parts.password, dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def machine() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores, PostgreSQL {pg}, Python {sys.version.split()[0]}, load average {load} "
            f"(shared with five other engineers' test runs today)")


def write_results(label: str, header: str, lines: list[str]) -> None:
    """Replace this label's block in RESULTS.md (other runs, e.g. 'before', stay)."""
    start, end = f"<!-- run:{label} -->", f"<!-- /run:{label} -->"
    block = "\n".join([start, f"### Run `{label}`", "", header, "", "```", *lines, "```", end])
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    if start in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text)


def prepare(args) -> None:
    import django

    if not args.reuse:
        print(f"recreating {args.database_url}", flush=True)
        recreate_database(args.database_url)
    from servers import kredo_env

    # The same settings as the servers: a session made here must be valid there (same SECRET_KEY).
    os.environ.update(kredo_env(args.database_url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False
    call_command("migrate", verbosity=0, interactive=False)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True,
                   env=kredo_env(args.database_url))
    from accounts.models import Tenant
    from portal.loadgen import LoadSizes, generate
    from portal.loadgen.registry import tenant_registration

    if Tenant.objects.filter(registration_number=tenant_registration(args.seed, 0)).exists():
        print("load already generated: reusing it")
    else:
        start = time.perf_counter()
        summary = generate(sizes=LoadSizes(**{k: getattr(args, k) for k in ISSUE_LOAD}), seed=args.seed)
        counts = ", ".join(f"{n:,} {table}" for table, n in summary.counts.items())
        print(f"generated {counts} in {time.perf_counter() - start:.0f} s", flush=True)
    from django.db import connection

    # As autovacuum leaves a production database: statistics for the planner, visibility for index-only scans.
    connection.ensure_connection()
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def measure(args) -> list:
    import sections
    from list_queries import list_query_counts
    from servers import start_pair

    creds = sections.credentials(args.seed)
    rows = sections.samples(creds["tenant"])
    lines = []

    def show(new):
        for line in new:
            print(line.text(), flush=True)
        lines.extend(new)

    if "counts" in args.only:
        show(list_query_counts(creds, rows))
    if "api" in args.only or "pages" in args.only:
        kredo, floor = start_pair(args.database_url)
        try:
            kredo.wait("/api/v1/policies/", headers={"Authorization": f"Token {creds['token']}"})
            floor.wait()
            if "pages" in args.only:
                show(sections.pages(kredo, creds, rows, count=args.page_requests))
            if "api" in args.only:
                show(sections.api(kredo, floor, creds, rows, seconds=args.seconds, rounds=args.rounds))
        finally:
            kredo.stop()
            floor.stop()
    if "imports" in args.only:
        show(sections.imports(args.database_url, rows=args.import_rows))
    if "jobs" in args.only:
        show(sections.jobs())
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kredo_bench"))
    for name, default in ISSUE_LOAD.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="keep the database and its load if generated")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated, of {', '.join(SECTIONS)}")
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run")
    parser.add_argument("--rounds", type=int, default=2, help="floor/Kredo pairs per endpoint")
    parser.add_argument("--page-requests", type=int, default=20)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--label", default="latest", help="the block of RESULTS.md to write")
    args = parser.parse_args()
    args.only = set(args.only.split(","))
    started = datetime.now(UTC)
    prepare(args)
    lines = measure(args)
    from django.db import connection

    size = ", ".join(f"{getattr(args, k):,} {k}" for k in ISSUE_LOAD)
    header = (f"{started:%Y-%m-%d %H:%M} UTC; {machine()}; database {connection.settings_dict['NAME']}; "
              f"load: {size} (seed {args.seed}); gunicorn 2 sync workers; wrk 2 threads x 16 connections, "
              f"{args.rounds} x {args.seconds} s per endpoint, floor and Kredo interleaved; pages: "
              f"{args.page_requests} requests one after the other.")
    write_results(args.label, header, [line.text() for line in lines])
    missed = sum(line.ok is False for line in lines)
    print(f"{len(lines)} figures, {missed} targets missed; written to {RESULTS.relative_to(ROOT)} ({args.label})")


if __name__ == "__main__":
    main()
