"""Batched inserts with a progress line, and the clock the generator writes into `auto_now_add` columns."""

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

BATCH = 5_000


class Progress:
    """One line per table, rewritten in place: rows written so far, of how many, and the rate."""

    def __init__(self, stream=None, *, quiet: bool = False):
        self.stream = stream or sys.stdout
        self.quiet = quiet
        self.totals: dict[str, tuple[int, float]] = {}

    def report(self, table: str, done: int, total: int, started: float) -> None:
        seconds = max(time.perf_counter() - started, 1e-6)
        self.totals[table] = (done, seconds)
        if self.quiet:
            return
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{table:<24} {done:>9,}/{total:<9,} {done / seconds:>9,.0f} rows/s{end}")
        self.stream.flush()


def insert(model, rows: Iterable, *, total: int, progress: Progress, label: str | None = None) -> list:
    """bulk_create `rows` in batches (the generator never holds a whole table's SQL at once); returns them with pks."""
    label = label or model._meta.db_table
    started = time.perf_counter()
    written: list = []
    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            written.extend(model.objects.bulk_create(batch))
            batch = []
            progress.report(label, len(written), total, started)
    if batch:
        written.extend(model.objects.bulk_create(batch))
    progress.report(label, len(written), max(total, len(written)), started)
    return written


@contextmanager
def own_timestamps(*models) -> Iterator[None]:
    """Let bulk_create keep the `created_at` the generator chose (spread over months), not now().

    Django fills `auto_now_add` columns on insert; the generated history needs its own dates.
    """
    fields = [f for model in models for f in model._meta.concrete_fields if getattr(f, "auto_now_add", False)]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f in fields:
            f.auto_now_add = True
