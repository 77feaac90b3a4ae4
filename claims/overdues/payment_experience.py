"""Payment experience: how late a buyer pays, from the paid invoices the insureds reported in their overdues.

An invoice is paid when its outstanding amount reached zero; the day it was paid (`Invoice.paid_on`) is the
day of the last payment allocated to it, set by record_payment. Its days beyond terms are the days from its due date (the extended one when the
insurer consented, as every deadline reads it: domain.md, Overdues) to that day, never below zero (an
invoice listed before it fell due and paid in time is paid on terms). Averages are weighted by amount,
each currency converted to the reporting currency with the recorded rates (a currency without a rate is
left out of the averages, not of the counts).

One grouped query per run (by buyer, insured and currency); the few sums per group are combined here.
The insurer's summary (buyers.PaymentExperience) is rewritten nightly by `refresh_payment_experience`.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Func,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Greatest
from django.utils import timezone

from buyers.credit_file import services as credit_file_services
from claims.overdues.models import Invoice
from core.amounts import money_sum_field
from core.rates import MissingRate, rate

TREND_MONTHS = 6
AMOUNT = money_sum_field(extra_digits=8)


class DaysBetween(Func):
    """Whole days from the second date to the first, on SQLite and PostgreSQL alike."""

    output_field = IntegerField()
    arity = 2
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="CAST(julianday(%(expressions)s) AS INTEGER)",
                           arg_joiner=") - julianday(", **extra)


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def paid_invoices(qs=None):
    """Paid invoices with `terms_end` (the due date that counts) and `days_beyond_terms`, read in SQL."""
    terms_end = Case(When(extension_consented=True, extended_due_date__isnull=False, then=F("extended_due_date")),
                     default=F("due_date"), output_field=DateField())
    qs = (Invoice.objects.all() if qs is None else qs).filter(paid_on__isnull=False)
    return (qs.annotate(terms_end=terms_end)
            .annotate(days_beyond_terms=Greatest(DaysBetween(F("paid_on"), F("terms_end")), Value(0))))


@dataclass
class Figures:
    """The sums behind one buyer's (or one insured's) payment experience, in the reporting currency."""

    paid_invoices: int = 0
    paid_late: int = 0
    insureds: set = field(default_factory=set)
    weight: Decimal = Decimal(0)
    weighted_days: Decimal = Decimal(0)
    recent_weight: Decimal = Decimal(0)
    recent_days: Decimal = Decimal(0)
    previous_weight: Decimal = Decimal(0)
    previous_days: Decimal = Decimal(0)

    @staticmethod
    def _average(days: Decimal, weight: Decimal) -> Decimal | None:
        return (days / weight).quantize(Decimal("0.1")) if weight else None

    @property
    def days_beyond_terms_avg(self) -> Decimal | None:
        return self._average(self.weighted_days, self.weight)

    @property
    def recent_days_avg(self) -> Decimal | None:
        return self._average(self.recent_days, self.recent_weight)

    @property
    def previous_days_avg(self) -> Decimal | None:
        return self._average(self.previous_days, self.previous_weight)

    @property
    def share_paid_late(self) -> Decimal | None:
        return (Decimal(self.paid_late) / self.paid_invoices).quantize(Decimal("0.001")) if self.paid_invoices else None


def _grouped_sums(qs, on: date):
    recent_from, previous_from = months_before(on, TREND_MONTHS), months_before(on, 2 * TREND_MONTHS)
    recent = Q(paid_on__gt=recent_from, paid_on__lte=on)
    previous = Q(paid_on__gt=previous_from, paid_on__lte=recent_from)
    weighted = F("amount") * F("days_beyond_terms")
    return (paid_invoices(qs).filter(paid_on__lte=on).order_by()
            .values("overdue__buyer_id", "tenant_id", "currency")
            .annotate(paid=Count("pk"), late=Count("pk", filter=Q(days_beyond_terms__gt=0)),
                      weight=Sum("amount"), weighted_days=Sum(weighted, output_field=AMOUNT),
                      recent_weight=Sum("amount", filter=recent),
                      recent_days=Sum(weighted, filter=recent, output_field=AMOUNT),
                      previous_weight=Sum("amount", filter=previous),
                      previous_days=Sum(weighted, filter=previous, output_field=AMOUNT)))


SUMS = ("weight", "weighted_days", "recent_weight", "recent_days", "previous_weight", "previous_days")


def _rate_to_reporting(currency: str, on: date) -> Decimal | None:
    try:
        return rate(base=currency, quote=settings.REPORTING_CURRENCY, on=on)
    except MissingRate:
        return None


def figures_by_buyer(qs=None, *, on: date | None = None) -> dict[int, Figures]:
    """Each buyer's figures over the invoices of `qs` (every insured's by default) paid on or before `on`."""
    on = on or timezone.localdate()
    figures: dict[int, Figures] = defaultdict(Figures)
    rates: dict[str, Decimal | None] = {}  # one look-up per currency, not per group
    for row in _grouped_sums(Invoice.objects.all() if qs is None else qs, on).iterator(chunk_size=5000):
        item = figures[row["overdue__buyer_id"]]
        item.paid_invoices += row["paid"]
        item.paid_late += row["late"]
        item.insureds.add(row["tenant_id"])
        currency = row["currency"]
        if currency not in rates:
            rates[currency] = _rate_to_reporting(currency, on)
        if rates[currency] is None:
            continue
        for name in SUMS:
            setattr(item, name, getattr(item, name) + (row[name] or 0) * rates[currency])
    return dict(figures)


def buyer_invoices(qs):
    """A buyer's paid invoices as `paid_invoices`, newest payment first."""
    return paid_invoices(qs).order_by("-paid_on", "-pk")


def refresh_payment_experience(*, on: date | None = None) -> int:
    """The nightly job: rewrite the insurer's summary from every insured's notified overdues (a draft is the
    insured's own until notified: the insurer knows nothing of it). Idempotent: the same invoices give the
    same rows. Runs unscoped."""
    on = on or timezone.localdate()
    figures = figures_by_buyer(Invoice.objects.filter(overdue__notified_on__isnull=False), on=on)
    rows = [credit_file_services.PaymentExperienceRow(
        buyer_id=buyer_id, paid_invoices=item.paid_invoices, paid_late=item.paid_late,
        reporting_insureds=len(item.insureds), days_beyond_terms_avg=item.days_beyond_terms_avg,
        recent_days_avg=item.recent_days_avg, previous_days_avg=item.previous_days_avg,
    ) for buyer_id, item in figures.items()]
    credit_file_services.replace_payment_experience(rows=rows, computed_on=on)
    return len(rows)
