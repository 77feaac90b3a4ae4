"""The insurer staff's work queues on the admin home: each app registers its own (core imports no domain app).

An app registers, from its admin module, a reader returning its queues (a title, a count, the oldest item's
time, a link) and the permission that opens them; the admin home (core.admin_config.KredoAdminSite) shows
each queue a user may work on. A reader aggregates in SQL: one query per app, whatever the queue's length.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class WorkQueue:
    key: str
    title: str
    count: int
    oldest: datetime | None  # when the item waiting longest entered the queue
    link: str


@dataclass(frozen=True)
class _Registered:
    permission: str
    reader: Callable[[], list[WorkQueue]]


_READERS: list[_Registered] = []


def register_work_queues(*, permission: str, reader: Callable[[], list[WorkQueue]]) -> None:
    if not any(r.reader is reader for r in _READERS):
        _READERS.append(_Registered(permission, reader))


def work_queues_for(user) -> list[WorkQueue]:
    """The queues `user` may work on, in the order the apps registered them."""
    return [queue for registered in _READERS if user.has_perm(registered.permission)
            for queue in registered.reader()]
