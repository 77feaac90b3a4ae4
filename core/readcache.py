"""Read-mostly tables cached by generation: exchange rates, the automatic-decision matrix.

Each table has a generation number in the cache; every cached answer's key carries it. A write to the table
bumps the generation (its post_save/post_delete signal, or `invalidate()` after a bulk write that sends no
signal), so every process sees the change at once, with no key to hunt down: old answers are simply never
read again and expire. The bump happens at once (the writing transaction reads its own change) and again on
commit (a reader in another process may have cached the old rows between the write and the commit).

Shared between processes only when the cache is (Redis in production, settings.CACHES); without REDIS_URL
the cache is per process, which is right for one development server and for the test suite.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

TIMEOUT = 3600
_MISSING = object()


def _generation_key(table: str) -> str:
    return f"readcache:{table}:generation"


def _generation(table: str) -> int:
    generation = cache.get(_generation_key(table))
    if generation is None:
        cache.add(_generation_key(table), 1, timeout=None)
        generation = cache.get(_generation_key(table), 1)
    return generation


def invalidate(table: str) -> None:
    def bump():
        try:
            cache.incr(_generation_key(table))
        except ValueError:  # evicted: any new value differs from the keys already written
            cache.set(_generation_key(table), _generation(table) + 1, timeout=None)

    bump()
    transaction.on_commit(bump)


def cached(table: str, key: str, compute: Callable):
    """`compute()`, remembered under `key` until `table` changes. None is remembered too (a missing rate)."""
    full_key = f"readcache:{table}:{_generation(table)}:{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(full_key, value, timeout=TIMEOUT)
    return value


def invalidate_on_change(model, table: str) -> None:
    """Bump `table`'s generation whenever a `model` row is saved or deleted (one call per model, at ready())."""

    def receiver(sender, **kwargs):
        invalidate(table)

    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"readcache-{table}-save")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"readcache-{table}-delete")
