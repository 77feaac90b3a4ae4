"""Dates a person types or a program sends: within sane bounds, whatever they mean.

None before 1900-01-01 (no trade credit is that old; 0001-01-01 is a typo or a probe) and none more than 50
years ahead (a year 2926 is a typo for 2026). The domain's own rules ("not after the policy's end", "not in
the future") are each service's; this only keeps absurd dates out of every form, API field and CSV cell.
"""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

EARLIEST = date(1900, 1, 1)
YEARS_AHEAD = 50


def latest(today: date | None = None) -> date:
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def out_of_bounds(value: date | None) -> str | None:
    """The message for a date outside the bounds, None for one within them (or no date)."""
    if value is None:
        return None
    last = latest()
    if EARLIEST <= value <= last:
        return None
    return _("Give a date between %(earliest)s and %(latest)s.") % {"earliest": EARLIEST.isoformat(),
                                                                    "latest": last.isoformat()}


class BoundedDateFormField(forms.DateField):
    def validate(self, value):
        super().validate(value)
        if message := out_of_bounds(value):
            raise forms.ValidationError(message, code="date_out_of_bounds")
