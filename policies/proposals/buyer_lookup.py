"""How a proposal names registry buyers without importing the buyers app (which comes after policies).

The buyers app registers its reader at start-up (buyers.apps): given a tenant and ids, the buyers that tenant sees,
as id -> (legal name, country code). Unregistered (a process without the buyers app), no id is known.
"""

from collections.abc import Callable

_readers: dict[str, Callable] = {}


def register(*, visible: Callable) -> None:
    _readers["visible"] = visible


def visible_buyers(*, tenant, ids) -> dict[int, tuple[str, str]]:
    ids = sorted({i for i in ids if i})
    return _readers["visible"](tenant=tenant, ids=ids) if ids and "visible" in _readers else {}
