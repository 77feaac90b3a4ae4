"""The daily early-warning job: every registered detector over the last days, alerts raised once per cause.

Looking back LOOKBACK_DAYS (not only since yesterday) lets a day the job did not run be caught up; the
alert's UNIQUE cause keeps a second look from raising anything twice.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from buyers.monitoring.registry import detectors
from buyers.monitoring.services import raise_alerts

LOOKBACK_DAYS = 7


@dataclass
class EarlyWarningResult:
    raised: dict[str, int] = field(default_factory=dict)  # detector -> alerts raised

    @property
    def total(self) -> int:
        return sum(self.raised.values())


def run_early_warnings(*, today: date | None = None) -> EarlyWarningResult:
    """Each detector in its own transaction: one that fails leaves the others' alerts raised."""
    today = today or timezone.localdate()
    since = today - timedelta(days=LOOKBACK_DAYS)
    result = EarlyWarningResult()
    for name, detector in detectors().items():
        with transaction.atomic():
            result.raised[name] = len(raise_alerts(candidates=detector(today=today, since=since), today=today))
    return result
