"""What every bench script shares: a throwaway (or the configured) database, a query counter, a rollback."""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


class RollBack(Exception):
    """Raised at the end of a run so the transaction holding the bench data is rolled back."""


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __len__(self):
        return self.count


def timed(label: str, call):
    """Run `call` once; print seconds and queries; return its result."""
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:8.3f} s  {counter.count:>5} queries")
    return result


def with_database(run, *, configured_db: bool) -> None:
    """Set Django up, run `run()` on a throwaway test database unless `configured_db`."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    settings.DEBUG = False
    old_config = None
    if configured_db:
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            sys.exit("The configured database has unapplied migrations: run `make migrate`, or drop --configured-db.")
    else:
        old_config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    try:
        run()
    finally:
        if old_config is not None:
            teardown_databases(old_config, verbosity=0)
