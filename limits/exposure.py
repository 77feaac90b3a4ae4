"""Exposure: the sum of decided amounts of limits in force (domain.md, Credit limits: Exposure).

Set-based: the database sums decided amounts grouped by (key, currency), one
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
from django.db.models import Case, Count, DecimalField, F, QuerySet, Sum, Value, When
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from moneyed import Money

from core import rates
from core.formatting import format_money
from core.money import quantize_money
from limits.models import CreditLimit

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


def _in_force() -> QuerySet[CreditLimit]:
    # Meta.ordering must not leak into GROUP BY.
    return CreditLimit.objects.filter(state=CreditLimit.State.IN_FORCE).order_by()


def _group_fields(by: str) -> dict:
    if by == BUYER:
        return {"group_key": F("buyer_id"), "buyer_name": F("buyer__legal_name"), "buyer_country": F("buyer__country")}
    if by == COUNTRY:
        return {"group_key": F("buyer__country")}
    if by == GRADE:
        return {"group_key": F("buyer__grade")}
    if by == SECTOR:
        # The NACE division is the code's first two digits ("28.41" -> 28).
        return {"group_key": Substr("buyer__sector_nace", 1, 2)}
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


def _subtotals(qs: QuerySet[CreditLimit], by: str) -> QuerySet:
    """One row per (group, currency): the sum of decided amounts and the number of limits."""
    return qs.values("currency", **_group_fields(by)).annotate(
        subtotal=Sum("decided_amount"), limit_count=Count("pk")
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


def _converted(rates: dict[str, Decimal], *, into: str | None = None):
    """The decided amount converted at the rate of its currency (0 for currencies in none), summed per group;
    `into=currency`: that currency's amounts only, unconverted."""
    amount = DecimalField(max_digits=38, decimal_places=12)
    if into is not None:
        whens = [When(currency=into, then=F("decided_amount"))]
    else:
        whens = [When(currency=c, then=F("decided_amount") * Value(r, output_field=amount)) for c, r in rates.items()]
    return Sum(Case(*whens, default=Value(Decimal(0), output_field=amount), output_field=amount))


def insurer_exposure(*, by: str, on: date | None = None, limit: int | None = None) -> InsurerExposure:
    """The insurer's exposure per buyer, buyer country or sector (NACE division), across tenants.

    Converted to settings.REPORTING_CURRENCY with the rates recorded on or
    before `on` (default today). Rows come largest first; `limit` keeps the top
    ones, the total still counts every group.

    The database converts, sums, sorts and cuts to the top rows (the rates looked up once per currency go
    into the query), so a page of 20 rows reads 20 rows whatever the number of buyers.
    """
    on = on or timezone.localdate()
    to = settings.REPORTING_CURRENCY
    key_fields = _group_fields(by)
    qs = _in_force()
    per_currency = {r["currency"]: (r["subtotal"], r["limit_count"])
                    for r in qs.values("currency").annotate(subtotal=Sum("decided_amount"), limit_count=Count("pk"))}
    rate_of = _Rates(to=to, on=on)
    rates = {c: rate_of(c) for c in sorted(per_currency)}
    known = {c: r for c, r in rates.items() if r is not None}
    missing = [c for c, r in rates.items() if r is None]
    grand, unconverted = _convert({c: total for c, (total, _) in per_currency.items()}, rate_of)
    groups = qs.aggregate(n=Count(key_fields["group_key"], distinct=True))["n"] if per_currency else 0
    records = (
        qs.values(**key_fields)
        .annotate(converted=_converted(known), limit_count=Count("pk"), tenant_count=Count("tenant_id", distinct=True),
                  **{f"missing_{i}": _converted(known, into=c) for i, c in enumerate(missing)})
        .order_by("-converted", "buyer_name" if by == BUYER else "group_key", "group_key")
    )
    rows = []
    for record in (records[:limit] if limit is not None else records) if per_currency else ():
        key, label = _key_and_label(by, record)
        left_out = {c: record[f"missing_{i}"] for i, c in enumerate(missing) if record[f"missing_{i}"]}
        rows.append(ExposureRow(
            key=key, label=label, amount=quantize_money(Money(record["converted"] or 0, to)),
            limits=record["limit_count"], tenants=record["tenant_count"], unconverted=_rounded(left_out),
            country=record.get("buyer_country") or "",
        ))
    total = ExposureTotal(quantize_money(Money(grand, to)).amount, to, unconverted=_rounded(unconverted))
    return InsurerExposure(by=by, on=on, currency=to, rows=rows, total=total, groups=groups,
                           limits=sum(n for _, n in per_currency.values()))


def _total(qs: QuerySet[CreditLimit], on: date | None) -> ExposureTotal:
    on = on or timezone.localdate()
    to = settings.REPORTING_CURRENCY
    per_currency = {
        record["currency"]: record["subtotal"]
        for record in qs.values("currency").annotate(subtotal=Sum("decided_amount"))
    }
    converted, unconverted = _convert(per_currency, _Rates(to=to, on=on))
    return ExposureTotal(quantize_money(Money(converted, to)).amount, to, unconverted=_rounded(unconverted))


def buyer_exposure_total(*, buyer_id: int, on: date | None = None) -> ExposureTotal:
    """The insurer's exposure on one buyer, all insureds, in the reporting currency."""
    return _total(_in_force().filter(buyer_id=buyer_id), on)


def country_exposure_total(*, country: str, on: date | None = None) -> ExposureTotal:
    """The insurer's exposure on the buyers of one country (ISO code), in the reporting currency."""
    return _total(_in_force().filter(buyer__country=country), on)


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

    One query for the totals, then one per currency of the insured's policies (not per limit or buyer).
    """
    if by not in (BUYER, COUNTRY, GRADE):
        raise ValueError(f"Unknown exposure grouping {by!r} for an insured; use buyer, country or grade")
    qs = _in_force().filter(tenant=tenant)
    key_fields = _group_fields(by)
    sections = []
    for record in qs.values("currency").annotate(total=Sum("decided_amount"),
                                                 groups=Count(key_fields["group_key"], distinct=True)).order_by("currency"):
        currency = record["currency"]
        section = CurrencyExposure(currency=currency, total=quantize_money(Money(record["total"], currency)))
        ordered = _subtotals(qs.filter(currency=currency), by).order_by(
            "-subtotal", "buyer_name" if by == BUYER else "group_key", "group_key")
        for row in ordered[:top]:
            key, label = _key_and_label(by, row)
            section.rows.append(ExposureRow(
                key=key, label=label, amount=quantize_money(Money(row["subtotal"], currency)),
                limits=row["limit_count"], country=row.get("buyer_country") or "",
            ))
        section.more = record["groups"] - len(section.rows)
        sections.append(section)
    return sections
