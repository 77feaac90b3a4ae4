"""Races for the PostgreSQL concurrency tests: n threads start an action at the same moment."""

import threading

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
    return sorted(outcomes)
