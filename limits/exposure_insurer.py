"""The insurer's exposure per buyer, country or sector across insureds, read from the exposure summary.

`limits.exposure.insurer_exposure` is this module's (re-exported there). Per country or sector there are a few
hundred groups at most: one query of subtotals, converted and sorted here. Per buyer there are about as many
groups as summary rows (90,000): the database converts, sums, sorts and cuts, without joining the buyers or
counting insureds per group (both cost more than the sum); names and insureds are read for the top rows only.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Case, Count, DecimalField, F, QuerySet, Sum, Value, When
from django.utils import timezone
from moneyed import Money

from core.money import quantize_money
from limits.exposure import (
    BUYER,
    COUNTRY,
    GRADE,
    SECTOR,
    ExposureRow,
    ExposureTotal,
    InsurerExposure,
    _convert,
    _group_fields,
    _in_force,
    _key_and_label,
    _Rates,
    _rounded,
)
from limits.exposure_summary import ExposureSummary


def _converted(rates: dict[str, Decimal], *, into: str | None = None):
    """The decided amount converted at the rate of its currency (0 for currencies in none), summed per group;
    `into=currency`: that currency's amounts only, unconverted."""
    amount = DecimalField(max_digits=38, decimal_places=12)
    if into is not None:
        whens = [When(currency=into, then=F("amount"))]
    else:
        whens = [When(currency=c, then=F("amount") * Value(r, output_field=amount)) for c, r in rates.items()]
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
    rate_of = _Rates(to=to, on=on)
    if by == BUYER:
        rows, per_currency, groups = _largest_buyers(limit=limit, to=to, rate_of=rate_of)
    else:
        rows, per_currency, groups = _few_groups(by, limit=limit, to=to, rate_of=rate_of)
    grand, unconverted = _convert({c: total for c, (total, _) in per_currency.items()}, rate_of)
    total = ExposureTotal(quantize_money(Money(grand, to)).amount, to, unconverted=_rounded(unconverted))
    return InsurerExposure(by=by, on=on, currency=to, rows=rows, total=total, groups=groups,
                           limits=sum(n for _, n in per_currency.values()))


def _largest_buyers(*, limit: int | None, to: str, rate_of: _Rates) -> tuple[list[ExposureRow], dict, int]:
    """Per buyer: the database converts, sums, sorts and cuts (about as many groups as summary rows)."""
    qs = _in_force()
    per_currency = {r["currency"]: (r["subtotal"], r["limit_count"])
                    for r in qs.values("currency").annotate(subtotal=Sum("amount"), limit_count=Sum("limits"))}
    rates = {c: rate_of(c) for c in sorted(per_currency)}
    known = {c: r for c, r in rates.items() if r is not None}
    missing = [c for c, r in rates.items() if r is None]
    if not per_currency:
        return [], per_currency, 0
    groups = qs.aggregate(n=Count("buyer_id", distinct=True))["n"]
    rows = []
    for record in _largest_groups(qs, BUYER, known=known, missing=missing, limit=limit):
        key, label = _key_and_label(BUYER, record)
        left_out = {c: record[f"missing_{i}"] for i, c in enumerate(missing) if record[f"missing_{i}"]}
        rows.append(ExposureRow(
            key=key, label=label, amount=quantize_money(Money(record["converted"] or 0, to)),
            limits=record["limit_count"], tenants=record["tenant_count"], unconverted=_rounded(left_out),
            country=record.get("buyer_country") or "",
        ))
    return rows, per_currency, groups


def _few_groups(by: str, *, limit: int | None, to: str, rate_of: _Rates) -> tuple[list[ExposureRow], dict, int]:
    """Per country or sector (a few hundred groups at most): one query of subtotals per (group, insured,
    currency); each converted once with Decimal here, the groups sorted and cut here."""
    groups: dict = {}
    per_currency: dict[str, list] = {}
    for r in _in_force().values("currency", "tenant_id", **_group_fields(by)).annotate(
            subtotal=Sum("amount"), n=Sum("limits")):
        currency, subtotal = r["currency"], r["subtotal"]
        group = groups.setdefault(r["group_key"], {"group_key": r["group_key"], "converted": Decimal(0), "limits": 0,
                                                   "tenants": set(), "missing": {}})
        rate = rate_of(currency)
        if rate is None:
            group["missing"][currency] = group["missing"].get(currency, Decimal(0)) + subtotal
        else:
            group["converted"] += subtotal * rate
        group["limits"] += r["n"]
        group["tenants"].add(r["tenant_id"])
        totals = per_currency.setdefault(currency, [Decimal(0), 0])
        totals[0] += subtotal
        totals[1] += r["n"]
    ordered = sorted(groups.values(), key=lambda g: (-g["converted"], g["group_key"] is None, g["group_key"] or ""))
    rows = []
    for group in ordered[:limit] if limit is not None else ordered:
        key, label = _key_and_label(by, group)
        rows.append(ExposureRow(key=key, label=label, amount=quantize_money(Money(group["converted"], to)),
                                limits=group["limits"], tenants=len(group["tenants"]),
                                unconverted=_rounded(group["missing"])))
    return rows, {c: tuple(v) for c, v in per_currency.items()}, len(groups)


# Rows read past the top ones: those tied with the last shown are ordered by name (buyers), not by key.
TIE_MARGIN = 10


def _largest_groups(qs: QuerySet[ExposureSummary], by: str, *, known: dict, missing: list, limit: int | None) -> list:
    """The `limit` largest groups, converted, as dicts: largest first, ties by the buyer's name, then the key.

    Grouped on the summary alone (no join to the buyers, no COUNT DISTINCT over every group: both cost more
    than the sum at 90,000 buyers); the names and the insureds per group are read for the top rows only.
    """
    key = _group_fields(by)["group_key"]
    sums = {"converted": _converted(known), "limit_count": Sum("limits"),
            **{f"missing_{i}": _converted(known, into=c) for i, c in enumerate(missing)}}
    grouped = qs.values(group_key=key).annotate(**sums).order_by("-converted", "group_key")
    if limit is None:
        records = list(grouped)
    else:
        records = list(grouped[:limit + TIE_MARGIN])
        if len(records) == limit + TIE_MARGIN and records[-1]["converted"] == records[limit - 1]["converted"]:
            records = list(grouped.filter(converted__gte=records[limit - 1]["converted"]))  # every tied row
    keys = [r["group_key"] for r in records]
    chosen = qs if limit is None else qs.filter(**{_lookup(by): keys})
    tenants = {r["group_key"]: r["n"] for r in chosen.values(group_key=key).annotate(
        n=Count("tenant_id", distinct=True)).order_by()}
    names = {}
    if by == BUYER:
        from buyers.models import Buyer

        names = {b["pk"]: b for b in Buyer.objects.filter(pk__in=keys).values("pk", "legal_name", "country")}
    for record in records:
        record["tenant_count"] = tenants[record["group_key"]]
        if by == BUYER:
            buyer = names[record["group_key"]]
            record.update(buyer_name=buyer["legal_name"], buyer_country=buyer["country"])
    if by == BUYER:
        records.sort(key=lambda r: (-r["converted"], r["buyer_name"], r["group_key"]))
    return records if limit is None else records[:limit]


def _lookup(by: str) -> str:
    return {BUYER: "buyer_id__in", COUNTRY: "country__in", GRADE: "grade__in", SECTOR: "sector__in"}[by]
