"""Reports and exports read from a PostgreSQL streaming replica when one is configured (`DATABASE_REPLICA_URL`).

Only reads a caller marks go there: a view or selector wraps them in `reading_replica()` (a context manager and
a decorator), a streamed download wraps its lines in `replica_lines()`. Everything else, every write and every
read inside a transaction, uses the primary ("default"). Without a replica alias the marks do nothing.

Replica lag. A replica applies the primary's changes a little later (usually well under a second, longer under a
heavy load). Three rules keep a user from being shown data older than their own change:
- Pages that show what was just done (a detail page after a redirect, a statement page a form posts to, an
  import's progress) are not marked: they read the primary.
- A request that wrote anything sends its own later marked reads to the primary, and
  `ReadYourWritesMiddleware` then keeps that browser on the primary for `REPLICA_PIN_SECONDS` (a cookie), so
  the export downloaded right after a change includes it. API clients that keep no cookie get the first half
  only; their marked reads (the exposure reports) are reports as of a day.
- A read inside an open transaction on the primary stays there (the transaction may have written, and its
  reads must see one state).
Work done by a Celery worker (a background import) is not pinned: its progress page reads the primary, and the
download offered when it finished is a second or more later.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
PIN_COOKIE = "kredo_primary_until"


@dataclass
class _Freshness:
    """What one request (or one marked block outside a request) has done: once it wrote, it reads the primary."""

    primary_only: bool = False
    wrote: bool = False


_freshness: ContextVar[_Freshness | None] = ContextVar("kredo_replica_freshness", default=None)
_marked: ContextVar[bool] = ContextVar("kredo_replica_marked", default=False)


def replica_configured() -> bool:
    return REPLICA in connections


def _replica_allowed(freshness: _Freshness | None) -> bool:
    if not replica_configured() or (freshness is not None and freshness.primary_only):
        return False
    # A transaction on the primary may have written; its reads must see its own writes and one snapshot.
    return not connections[DEFAULT_DB_ALIAS].in_atomic_block


class ReplicaRouter:
    """DATABASE_ROUTERS: marked reads to the replica when allowed, everything else to the primary."""

    def db_for_read(self, model, **hints):
        if _marked.get() and _replica_allowed(_freshness.get()):
            return REPLICA
        # Explicitly the primary, not None: Django would otherwise follow a related row's own database, and a
        # row read from the replica would take later unmarked reads there.
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        freshness = _freshness.get()
        if freshness is not None:
            freshness.wrote = freshness.primary_only = True
        # Never the row's own database: a row read from the replica is saved to the primary.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of the primary: a row read from one may refer to a row of the other.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA, None}:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints):
        # The replica replays the primary's schema changes; `migrate --database replica` does nothing.
        return False if db == REPLICA else None


@contextmanager
def reading_replica():
    """Reads inside go to the replica when one is configured and this request has not written.

    Also a decorator: `@reading_replica()` on a view's `get`.
    """
    own_freshness = _freshness.set(_Freshness()) if _freshness.get() is None else None
    marked = _marked.set(True)
    try:
        yield
    finally:
        _marked.reset(marked)
        if own_freshness is not None:
            _freshness.reset(own_freshness)


def replica_lines(lines):
    """Produce each item of a streamed download with its reads on the replica, only while it reads.

    A streamed response is consumed after the view (and the middleware) returned: whether this request may use
    the replica is taken now, in the request, and each step enters the mark itself, so nothing the server does
    between two lines is marked.
    """
    return _marked_steps(iter(lines), _freshness.get() or _Freshness())


def _marked_steps(iterator, freshness: _Freshness):
    while True:
        owned = _freshness.set(freshness)
        marked = _marked.set(True)
        try:
            line = next(iterator)
        except StopIteration:
            return
        finally:
            _marked.reset(marked)
            _freshness.reset(owned)
        yield line


def _pinned(request) -> bool:
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReadYourWritesMiddleware:
    """A browser whose request wrote reads the primary for REPLICA_PIN_SECONDS (replica lag, module docstring).

    Outside the session middleware, so a session saved on the way out counts as a write. Without a replica it
    only passes the request on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_configured():
            return self.get_response(request)
        freshness = _Freshness(primary_only=_pinned(request))
        token = _freshness.set(freshness)
        try:
            response = self.get_response(request)
        finally:
            _freshness.reset(token)
        if freshness.wrote:
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(PIN_COOKIE, str(int(time.time()) + seconds), max_age=seconds, httponly=True,
                                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        return response
