"""The early-warning detectors other apps register (limits: grades, payment behaviour, limits; claims: overdues,
utilisation).

A detector is called once per run with the day and the first day it looks back to, and returns candidates:
every (tenant, buyer, cause) it finds in that window, in a few set-based queries whatever the book's size
(never a query per limit). Candidates already raised are skipped by the job (the alert's UNIQUE cause).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AlertCandidate:
    tenant_id: int
    buyer_id: int
    code: str  # an AlertCode
    cause_key: str  # the event that raises it, unique per (tenant, buyer)
    params: dict = field(default_factory=dict)  # JSON: the message's parameters (core.messages' typed values)


Detector = Callable[..., Iterable[AlertCandidate]]  # (*, today: date, since: date) -> candidates

_DETECTORS: dict[str, Detector] = {}


def register_detector(name: str, detector: Detector) -> None:
    _DETECTORS[name] = detector


def detectors() -> dict[str, Detector]:
    return dict(_DETECTORS)

