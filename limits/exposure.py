"""Exposure: the sum of decided amounts of limits in force (domain.md, Credit limits: Exposure).

Read from the exposure summary (limits.exposure_summary: one row per tenant, buyer and currency, kept by
the limit services), not from the limits: a large insured's 100,000 limits are ~90,000 summary rows, and a
top ten reads ten of them.

Set-based: the database sums the summary's amounts grouped by (key, currency), one
query whatever the number of limits; each (group, currency) subtotal is then
converted once in Python with Decimal, at the latest recorded rate on or before
the date asked, and rounded once at the end. Amounts in different currencies are
never added without conversion; a currency without a rate is reported apart
("missing rate for USD") instead of failing or being dropped silently.

The insurer's selectors read across tenants: callers run unscoped (the admin, a
job in `scopes_disabled()`). Called inside a tenant's scope they fail closed
like any tenant-owned query. `tenant_exposure` is the insured's own view, in its
policies' currencies, never converted.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from moneyed import Money

from core import rates
from core.formatting import format_money
from core.money import quantize_money
from limits.exposure_summary import ExposureSummary

BUYER, COUNTRY, SECTOR, GRADE = "buyer", "country", "sector", "grade"
GROUPINGS = (BUYER, COUNTRY, SECTOR)
UNKNOWN_SECTOR = "unknown"


class ExposureTotal(Money):
    """A converted total that also carries what could not be converted (no recorded rate).

    It is a Money in the reporting currency; `unconverted` lists, per currency,
    the amounts left out of it, so a screen showing it never hides them.
    """

    def __init__(self, amount=Decimal(0), currency=None, unconverted: Iterable[Money] = ()):
        super().__init__(amount, currency)
        self.unconverted = tuple(unconverted)

    def __str__(self) -> str:
        text = format_money(self)
        if not self.unconverted:
            return text
        missing = ", ".join(format_money(m) for m in self.unconverted)
        return _("%(total)s + %(missing)s without an exchange rate") % {"total": text, "missing": missing}


@dataclass(frozen=True)
class ExposureRow:
    """One buyer, country or sector: the amount in force, how many limits and insureds carry it."""

    key: int | str
    label: str
    amount: Money
    limits: int
    tenants: int = 1
    # Subtotals whose currency had no rate on the date, per currency, left out of `amount`.
    unconverted: tuple[Money, ...] = ()
    country: str = ""  # buyer rows: the buyer's country code

    @property
    def missing_currencies(self) -> list[str]:
        return [str(m.currency) for m in self.unconverted]


@dataclass(frozen=True)
class InsurerExposure:
    """The insurer's exposure grouped one way, in the reporting currency; iterates over its rows."""

    by: str
    on: date
    currency: str
    rows: list[ExposureRow]  # largest first, at most `limit` of them
    total: ExposureTotal  # every group, not only the rows shown
    groups: int  # how many groups there are in all
    limits: int

    def __iter__(self) -> Iterator[ExposureRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]

    @property
    def unconverted(self) -> tuple[Money, ...]:
        return self.total.unconverted


@dataclass
class CurrencyExposure:
    """The insured's exposure in one of its policies' currencies."""

    currency: str
    total: Money
    rows: list[ExposureRow] = field(default_factory=list)  # the largest `top`
    more: int = 0  # rows not shown


def _in_force() -> QuerySet[ExposureSummary]:
    """The summary's rows: each the limits in force of one (tenant, buyer, currency)."""
    return ExposureSummary.objects.order_by()


def _group_fields(by: str) -> dict:
    if by == BUYER:
        return {"group_key": F("buyer_id"), "buyer_name": F("buyer__legal_name"), "buyer_country": F("country")}
    if by == COUNTRY:
        return {"group_key": F("country")}
    if by == GRADE:
        return {"group_key": F("grade")}
    if by == SECTOR:
        # The NACE division, the code's first two digits ("28.41" -> 28), as the summary keeps it.
        return {"group_key": F("sector")}
    raise ValueError(f"Unknown exposure grouping {by!r}; use one of {', '.join(GROUPINGS)}")


def _key_and_label(by: str, record: dict) -> tuple[int | str, str]:
    key = record["group_key"]
    if by == BUYER:
        return key, record["buyer_name"]
    if by == COUNTRY:
        return key, str(countries.name(key)) or key
    if by == GRADE:
        return (key, _("Grade %(grade)s") % {"grade": key}) if key is not None else ("", _("Not graded"))
    return (key, key) if key else (UNKNOWN_SECTOR, _("unknown"))


def _subtotals(qs: QuerySet[ExposureSummary], by: str) -> QuerySet:
    """One row per (group, currency): the sum of decided amounts and the number of limits."""
    return qs.values("currency", **_group_fields(by)).annotate(
        subtotal=Sum("amount"), limit_count=Sum("limits")
    )


class _Rates:
    """The rate core.rates.convert would use, looked up once per currency (not per group or limit),
    so the number of queries does not grow with the data."""

    def __init__(self, *, to: str, on: date):
        self.to, self.on = to, on
        self._known: dict[str, Decimal | None] = {}

    def __call__(self, currency: str) -> Decimal | None:
        if currency not in self._known:
            try:
                self._known[currency] = rates.rate(base=currency, quote=self.to, on=self.on)
            except rates.MissingRate:
                self._known[currency] = None
        return self._known[currency]


def _convert(per_currency: dict[str, Decimal], rate_of: _Rates) -> tuple[Decimal, dict[str, Decimal]]:
    """(the converted sum, not rounded; the amounts without a rate, per currency)."""
    converted, unconverted = Decimal(0), {}
    for currency, amount in per_currency.items():
        rate = rate_of(currency)
        if rate is None:
            unconverted[currency] = amount
        else:
            converted += amount * rate
    return converted, unconverted


def _rounded(amounts: dict[str, Decimal]) -> tuple[Money, ...]:
    return tuple(quantize_money(Money(amounts[currency], currency)) for currency in sorted(amounts))


def _total(qs: QuerySet[ExposureSummary], on: date | None) -> ExposureTotal:
    on = on or timezone.localdate()
    to = settings.REPORTING_CURRENCY
    per_currency = {
        record["currency"]: record["subtotal"]
        for record in qs.values("currency").annotate(subtotal=Sum("amount"))
    }
    converted, unconverted = _convert(per_currency, _Rates(to=to, on=on))
    return ExposureTotal(quantize_money(Money(converted, to)).amount, to, unconverted=_rounded(unconverted))


def buyer_exposure_total(*, buyer_id: int, on: date | None = None) -> ExposureTotal:
    """The insurer's exposure on one buyer, all insureds, in the reporting currency."""
    return _total(_in_force().filter(buyer_id=buyer_id), on)


def country_exposure_total(*, country: str, on: date | None = None) -> ExposureTotal:
    """The insurer's exposure on the buyers of one country (ISO code), in the reporting currency."""
    return _total(_in_force().filter(country=country), on)


def tenant_exposure(*, tenant, by: str) -> list[ExposureRow]:
    """The insured's own exposure per buyer or country, in its policies' currencies.

    One row per (group, currency): limits under EUR and USD policies stay apart,
    never added. Sorted by currency, then largest first.
    """
    if by not in (BUYER, COUNTRY, GRADE):
        raise ValueError(f"Unknown exposure grouping {by!r} for an insured; use buyer, country or grade")
    rows = []
    for record in _subtotals(_in_force().filter(tenant=tenant), by):
        key, label = _key_and_label(by, record)
        rows.append(ExposureRow(
            key=key, label=label, amount=quantize_money(Money(record["subtotal"], record["currency"])),
            limits=record["limit_count"], country=record.get("buyer_country") or "",
        ))
    rows.sort(key=lambda row: (str(row.amount.currency), -row.amount.amount, str(row.label)))
    return rows


def split_by_currency(rows: Iterable[ExposureRow], *, top: int | None = None) -> list[CurrencyExposure]:
    """Group the insured's rows per currency with each currency's own total (summed in that currency only)."""
    sections: dict[str, CurrencyExposure] = {}
    for row in rows:
        currency = str(row.amount.currency)
        section = sections.setdefault(currency, CurrencyExposure(currency=currency, total=Money(0, currency)))
        section.total += row.amount
        if top is None or len(section.rows) < top:
            section.rows.append(row)
        else:
            section.more += 1
    return [sections[currency] for currency in sorted(sections)]


def tenant_exposure_top(*, tenant, by: str, top: int) -> list[CurrencyExposure]:
    """`split_by_currency(tenant_exposure(...), top=top)` computed by the database: per currency its total
    and how many groups, then its `top` largest groups, so the dashboard reads a few rows, not one per buyer.

    Per buyer (a summary row is one group): one query for the totals, then one per currency of the insured's
    policies reading its largest rows from the (tenant, currency, amount) index. Per country or grade (a few
    hundred groups at most): one query of every group's subtotal, cut here.
    """
    if by not in (BUYER, COUNTRY, GRADE):
        raise ValueError(f"Unknown exposure grouping {by!r} for an insured; use buyer, country or grade")
    qs = _in_force().filter(tenant=tenant)
    if by != BUYER:
        return _few_groups_top(qs, by, top=top)
    key_fields = _group_fields(by)
    sections = []
    for record in qs.values("currency").annotate(total=Sum("amount"), groups=Count("pk")).order_by("currency"):
        currency = record["currency"]
        section = CurrencyExposure(currency=currency, total=quantize_money(Money(record["total"], currency)))
        largest = qs.filter(currency=currency).values(
            "currency", **key_fields, subtotal=F("amount"), limit_count=F("limits")).order_by(
            "-amount", "buyer__legal_name", "buyer_id")
        section.rows = [_tenant_row(by, row, currency) for row in largest[:top]]
        section.more = record["groups"] - len(section.rows)
        sections.append(section)
    return sections


def _few_groups_top(qs: QuerySet[ExposureSummary], by: str, *, top: int) -> list[CurrencyExposure]:
    per_currency: dict[str, list[dict]] = {}
    for record in _subtotals(qs, by):
        per_currency.setdefault(record["currency"], []).append(record)
    sections = []
    for currency in sorted(per_currency):
        records = sorted(per_currency[currency], key=lambda r: (-r["subtotal"], r["group_key"] is None,
                                                                r["group_key"] or 0))
        total = sum((r["subtotal"] for r in records), Decimal(0))
        section = CurrencyExposure(currency=currency, total=quantize_money(Money(total, currency)))
        section.rows = [_tenant_row(by, row, currency) for row in records[:top]]
        section.more = len(records) - len(section.rows)
        sections.append(section)
    return sections


def _tenant_row(by: str, row: dict, currency: str) -> ExposureRow:
    key, label = _key_and_label(by, row)
    return ExposureRow(key=key, label=label, amount=quantize_money(Money(row["subtotal"], currency)),
                       limits=row["limit_count"], country=row.get("buyer_country") or "")


# The insurer's groupings live with their own reading of the summary; imported here for `limits.exposure`'s callers.
from limits.exposure_insurer import insurer_exposure  # noqa: E402,F401
