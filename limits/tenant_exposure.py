"""The insured's exposure as the API reports it: per buyer or buyer country, in each policy currency and
converted to the insurer's reporting currency (issue 14: the tenant API's exposure endpoint).

Built on `limits.exposure.tenant_exposure`, which sums in the database, one row per (group, policy currency),
in one query; here each group's subtotals are put side by side and converted once per currency (the latest
recorded rate on or before the day asked, one lookup per currency whatever the number of rows), rounded once.
A currency without a recorded rate is reported apart, never dropped or guessed.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from moneyed import Money

from core.money import quantize_money
from limits.exposure import BUYER, COUNTRY, _Rates, tenant_exposure

GROUPINGS = (BUYER, COUNTRY)


@dataclass(frozen=True)
class TenantExposureRow:
    key: int | str  # the buyer's id, or the country's ISO code
    label: str
    country: str
    limits: int
    in_policy_currency: tuple[Money, ...]  # one amount per policy currency, never added across currencies
    in_reporting_currency: Money  # what has a rate, converted
    without_rate: tuple[Money, ...]  # left out of `in_reporting_currency`: no rate recorded


@dataclass(frozen=True)
class TenantExposureReport:
    by: str
    on: date
    reporting_currency: str
    rows: list[TenantExposureRow]  # largest in the reporting currency first
    totals_in_policy_currency: tuple[Money, ...]
    total_in_reporting_currency: Money
    without_rate: tuple[Money, ...]



def _by_currency(amounts: dict[str, Decimal]) -> tuple[Money, ...]:
    return tuple(Money(amounts[currency], currency) for currency in sorted(amounts))


def tenant_exposure_report(*, tenant, by: str, on: date | None = None) -> TenantExposureReport:
    """The tenant's limits in force per buyer or country; `on` dates the exchange rates (default today)."""
    if by not in GROUPINGS:
        raise ValueError(f"Unknown exposure grouping {by!r} for an insured; use buyer or country")
    on = on or timezone.localdate()
    to = settings.REPORTING_CURRENCY
    rate_of = _Rates(to=to, on=on)  # one lookup per currency, as the admin's exposure
    groups: dict[int | str, dict] = {}
    totals, missing, grand = defaultdict(Decimal), defaultdict(Decimal), Decimal(0)
    for row in tenant_exposure(tenant=tenant, by=by):
        group = groups.setdefault(row.key, {"label": row.label, "country": row.country or str(row.key),
                                            "limits": 0, "amounts": {}, "converted": Decimal(0), "missing": {}})
        currency, amount = str(row.amount.currency), row.amount.amount
        group["limits"] += row.limits
        group["amounts"][currency] = amount
        totals[currency] += amount
        rate = rate_of(currency)
        if rate is None:
            group["missing"][currency] = amount
            missing[currency] += amount
        else:
            group["converted"] += amount * rate
            grand += amount * rate
    rows = [
        TenantExposureRow(
            key=key, label=group["label"], country=group["country"], limits=group["limits"],
            in_policy_currency=_by_currency(group["amounts"]),
            in_reporting_currency=quantize_money(Money(group["converted"], to)),
            without_rate=_by_currency(group["missing"]),
        )
        for key, group in groups.items()
    ]
    rows.sort(key=lambda row: (-row.in_reporting_currency.amount, str(row.label), str(row.key)))
    return TenantExposureReport(
        by=by, on=on, reporting_currency=to, rows=rows, totals_in_policy_currency=_by_currency(totals),
        total_in_reporting_currency=quantize_money(Money(grand, to)), without_rate=_by_currency(missing),
    )
