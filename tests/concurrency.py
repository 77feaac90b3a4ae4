"""Races for the PostgreSQL concurrency tests: n threads start an action at the same moment."""

import threading

from celery.result import _set_task_join_will_block
from django.db import connections
from django_scopes import scopes_disabled

from core.exceptions import DomainError


def race(n, action) -> list[str]:
    """Run `action(i)` in n threads released together; "done" or "refused" (a DomainError) per thread, sorted."""
    barrier = threading.Barrier(n)
    outcomes = []

    def attempt(i):
        try:
            with scopes_disabled():
                barrier.wait()
                action(i)
                outcomes.append("done")
        except DomainError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    # Eager Celery (the suite's) marks "inside a task" in one process-wide flag that it saves and restores around
    # each task: two threads running tasks at once can leave it set, and every later `.get()` would then refuse.
    # A worker runs one task per thread of its own, so this is the test harness's to undo, not the code's.
    _set_task_join_will_block(False)
    return sorted(outcomes)
