"""Raw rows of limit requests resolved to the tenant's policies and buyers; nothing is written.

A raw row is a plain dict of strings by field name (limits.bulk.rows names the fields), numbered by
its source (a CSV file numbers them by line); every problem is reported on the row's number and the
field to fix. Nothing here knows where the rows came from: a CSV file (limits.bulk.csv_decode), a
bulk API or an ERP file resolve alike.

The rows are resolved set-based, in a constant number of queries whatever their number: the tenant's
policies by number, the visible buyers by registration or VAT number, the references already used and
the requests already with an underwriter are each loaded once. Every lookup goes through the tenant's
selectors: a row naming another tenant's policy number gets "unknown policy", never that policy.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from moneyed import Money

from buyers.normalize import compact
from buyers.relations import related_buyer_ids
from buyers.selectors import buyers_visible_to
from core.amounts import DECIMAL_PLACES, MAX_DIGITS
from core.exceptions import DomainError
from core.money import is_valid_currency, minor_unit_exponent
from limits.bulk.rows import (
    AMOUNT,
    BUYER_COUNTRY,
    BUYER_REGISTRATION,
    BUYER_VAT,
    CURRENCY,
    POLICY_NUMBER,
    REFERENCE,
    TERMS_DAYS,
    ImportPreview,
    PreviewRow,
    RowError,
)
from limits.models import CreditLimit
from limits.selectors import limits_for_tenant
from limits.services.validation import check_buyer, check_currency, check_policy, check_terms, reference_used
from policies.selectors import policies_for_tenant

# CreditLimit.requested_amount is a money column (core.amounts): its digits before the point.
_MAX_INTEGER_DIGITS = MAX_DIGITS - DECIMAL_PLACES
_REFERENCE_MAX_LENGTH = CreditLimit._meta.get_field("reference").max_length
_PLAIN_DECIMAL = re.compile(r"^\d+(?:\.(\d+))?$")
_SEPARATORS = re.compile(r"[,\s'’_]")


def resolve_rows(*, tenant, rows: Mapping[int, Mapping[str, str]], today: date | None = None,
                 source_errors: Iterable[RowError] = ()) -> ImportPreview:
    """Resolve `rows` (row number -> values by field name) against the tenant's data.

    `source_errors` are problems the source already found on a row (a CSV line with more values than
    columns): they come first on their row, which is resolved all the same.
    """
    today = today or timezone.localdate()
    preview = ImportPreview(rows=[
        PreviewRow(line=number, values={name: value.strip() for name, value in values.items()})
        for number, values in rows.items()
    ])
    by_number = {row.line: row for row in preview.rows}
    for error in source_errors:
        by_number[error.line].errors.append(error)
    _normalise_buyer_identifiers(preview.rows)
    lookups = _Lookups.load(tenant=tenant, rows=preview.rows)
    # Which of the batch's buyers are related to the insured: one query for every row (check_buyer's exclusions).
    related = related_buyer_ids(tenant_id=tenant.pk, buyer_ids={
        buyer.pk for buyer in (*lookups.by_registration.values(), *lookups.by_vat.values())})
    for row in preview.rows:
        _resolve_row(row, tenant=tenant, lookups=lookups, today=today, related=related)
    _check_across_rows(tenant=tenant, rows=preview.rows)
    return preview


# The policies, buyers and references the rows name, loaded once per kind (never once per row)


@dataclass(frozen=True)
class _Lookups:
    policies: dict  # number -> the tenant's policy
    by_registration: dict  # (country, registration number) -> visible buyer
    by_vat: dict  # (country, VAT number) -> visible buyer
    used_references: set[str]

    @classmethod
    def load(cls, *, tenant, rows: list[PreviewRow]) -> "_Lookups":
        numbers = {row.values.get(POLICY_NUMBER, "") for row in rows} - {""}
        references = {row.values.get(REFERENCE, "") for row in rows} - {""}
        by_registration, by_vat = _visible_buyers(tenant=tenant, rows=rows)
        return cls(
            policies={p.number: p for p in policies_for_tenant(tenant=tenant).filter(number__in=numbers)},
            by_registration=by_registration,
            by_vat=by_vat,
            used_references=set(
                limits_for_tenant(tenant=tenant).filter(reference__in=references).values_list("reference", flat=True)
            ) if references else set(),
        )


def _normalise_buyer_identifiers(rows: list[PreviewRow]) -> None:
    # Compacted and upper-cased as the registry stores them.
    for row in rows:
        row.values[BUYER_COUNTRY] = row.values.get(BUYER_COUNTRY, "").upper()
        row.values[BUYER_REGISTRATION] = compact(row.values.get(BUYER_REGISTRATION, ""))
        row.values[BUYER_VAT] = compact(row.values.get(BUYER_VAT, ""))


def _vat_candidates(country: str, vat: str) -> set[str]:
    """A VAT number is written with or without its country prefix ('ESB12345678' or 'B12345678')."""
    candidates = {vat}
    if vat.startswith(country):
        candidates.add(vat[len(country):])
    else:
        candidates.add(country + vat)
    return {value for value in candidates if value}


def _visible_buyers(*, tenant, rows: list[PreviewRow]) -> tuple[dict, dict]:
    registrations, vats, countries = set(), set(), set()
    for row in rows:
        country = row.values[BUYER_COUNTRY]
        if not country:
            continue
        countries.add(country)
        if row.values[BUYER_REGISTRATION]:
            registrations.add(row.values[BUYER_REGISTRATION])
        if row.values[BUYER_VAT]:
            vats |= _vat_candidates(country, row.values[BUYER_VAT])
    visible = buyers_visible_to(tenant=tenant).filter(country__in=countries).order_by("pk")
    by_registration, by_vat = {}, {}
    if registrations:
        for buyer in visible.filter(registration_number__in=registrations):
            by_registration.setdefault((buyer.country.code, buyer.registration_number), buyer)
    if vats:
        for buyer in visible.filter(vat_number__in=vats):
            by_vat.setdefault((buyer.country.code, buyer.vat_number), buyer)
    return by_registration, by_vat


# One row


def _refused(row: PreviewRow, column: str, check, *args) -> bool:
    """Run one of the request service's own checks (limits.services.validation) and show its refusal on the row's
    column, so a file is told exactly what `request_limit` would say."""
    try:
        check(*args)
    except DomainError as exc:
        row.add_error(column, exc.message)
        return True
    return False


def _resolve_row(row: PreviewRow, *, tenant, lookups: _Lookups, today: date, related: set[int]) -> None:
    _resolve_policy(row, lookups.policies, tenant=tenant, today=today)
    _resolve_buyer(row, lookups, tenant=tenant, today=today, related=related)
    currency = _resolve_currency(row)
    amount, problem = _parse_amount(row.values.get(AMOUNT, ""), row.policy.currency if row.policy else currency)
    if problem:
        row.add_error(AMOUNT, problem)
    elif currency:
        row.amount = Money(amount, currency)
    _resolve_terms(row, today)
    row.reference = row.values.get(REFERENCE, "")
    if len(row.reference) > _REFERENCE_MAX_LENGTH:
        row.add_error(REFERENCE, _("The reference is longer than %(max)d characters.") % {"max": _REFERENCE_MAX_LENGTH})
    elif row.reference in lookups.used_references:
        row.add_error(REFERENCE, reference_used(row.reference).message)


def _resolve_policy(row: PreviewRow, policies: dict, *, tenant, today: date) -> None:
    number = row.values.get(POLICY_NUMBER, "")
    if not number:
        row.add_error(POLICY_NUMBER, _("Give the policy number."))
        return
    row.policy = policies.get(number)
    if row.policy is None:
        row.add_error(POLICY_NUMBER, _("Unknown policy %(number)s.") % {"number": number})
    elif _refused(row, POLICY_NUMBER, check_policy, row.policy, tenant, today):
        row.policy = None


def _resolve_buyer(row: PreviewRow, lookups: _Lookups, *, tenant, today: date, related: set[int]) -> None:
    country = row.values[BUYER_COUNTRY]
    registration, vat = row.values[BUYER_REGISTRATION], row.values[BUYER_VAT]
    if not country:
        row.add_error(BUYER_COUNTRY, _("Give the buyer's country (two letters, e.g. ES)."))
    elif len(country) != 2 or not country.isalpha():
        row.add_error(BUYER_COUNTRY, _("“%(value)s” is not a country code: use two letters, e.g. ES.")
                      % {"value": country})
    elif not registration and not vat:
        row.add_error(BUYER_REGISTRATION, _("Give the buyer's registration number or VAT number."))
    else:
        by_number = lookups.by_registration.get((country, registration)) if registration else None
        by_vat_number = next(
            (lookups.by_vat[(country, v)] for v in sorted(_vat_candidates(country, vat))
             if (country, v) in lookups.by_vat), None
        ) if vat else None
        if registration and by_number is None:
            row.add_error(BUYER_REGISTRATION, _("Unknown buyer: no buyer in %(country)s with registration number "
                                                "%(number)s.") % {"country": country, "number": registration})
        elif vat and by_vat_number is None and by_number is None:
            row.add_error(BUYER_VAT, _("Unknown buyer: no buyer in %(country)s with VAT number %(number)s.")
                          % {"country": country, "number": vat})
        elif by_number and by_vat_number and by_number.pk != by_vat_number.pk:
            row.add_error(BUYER_VAT, _("The registration number and the VAT number name different buyers."))
        else:
            row.buyer = by_number or by_vat_number
    if row.policy is not None and row.buyer is not None:
        try:
            check_buyer(row.policy, row.buyer, tenant, today, related=row.buyer.pk in related)
        except DomainError as exc:
            row.add_error(BUYER_COUNTRY, exc.message)


def _resolve_currency(row: PreviewRow) -> str:
    """The row's currency code, or "" when it is not one."""
    currency = row.values.get(CURRENCY, "").upper()
    if not currency:
        row.add_error(CURRENCY, _("Give the currency."))
    elif not is_valid_currency(currency):
        row.add_error(CURRENCY, _("“%(value)s” is not a currency code: use three letters, e.g. EUR.")
                      % {"value": currency})
        return ""
    elif row.policy is not None:
        _refused(row, CURRENCY, check_currency, row.policy, currency)
    return currency


def _parse_amount(raw: str, currency: str | None) -> tuple[Decimal | None, str | None]:
    """A plain decimal, '.' before the decimals, no thousands separators: '50000.00'.

    '50,000' or '50.000' could be fifty thousand or fifty: rather than guess, the row is refused.
    """
    text = raw.strip()
    if not text:
        return None, _("Give the amount.")
    if text.startswith("-"):
        return None, _("The amount must be greater than zero.")
    example = {"example": "50000.00"}
    if "," in text or _SEPARATORS.search(text) or text.count(".") > 1:
        return None, _(
            "Write the amount without thousands separators and with '.' before the decimals, e.g. %(example)s."
        ) % example
    match = _PLAIN_DECIMAL.match(text)
    if match is None:
        return None, _("“%(value)s” is not an amount: write digits with '.' before the decimals, e.g. %(example)s.") % {
            "value": text, **example,
        }
    decimals = len(match.group(1) or "")
    allowed = (min(minor_unit_exponent(currency), DECIMAL_PLACES) if currency and is_valid_currency(currency)
               else 2)
    if decimals > allowed:
        return None, _(
            "“%(value)s” has more decimals than %(currency)s allows. If '.' separates thousands here, "
            "remove it: amounts are written without thousands separators, e.g. %(example)s."
        ) % {"value": text, "currency": currency or "", **example}
    amount = Decimal(text)
    if amount <= 0:
        return None, _("The amount must be greater than zero.")
    if amount.adjusted() >= _MAX_INTEGER_DIGITS:
        return None, _("The amount is too large.")
    return amount, None


def _resolve_terms(row: PreviewRow, today: date) -> None:
    text = row.values.get(TERMS_DAYS, "")
    if not text:
        row.add_error(TERMS_DAYS, _("Give the payment terms in days."))
    elif not text.isdigit():
        row.add_error(TERMS_DAYS, _("Payment terms are a whole number of days, e.g. 90."))
    elif not _refused(row, TERMS_DAYS, check_terms, row.policy, int(text), today):
        row.terms_days = int(text)


# Across rows: one request per buyer and policy, references used once


def _check_across_rows(*, tenant, rows: list[PreviewRow]) -> None:
    pairs = {(row.policy.pk, row.buyer.pk) for row in rows if row.policy and row.buyer}
    pending = set(
        limits_for_tenant(tenant=tenant, state=CreditLimit.State.PENDING)
        .filter(policy_id__in={p for p, _b in pairs}, buyer_id__in={b for _p, b in pairs})
        .values_list("policy_id", "buyer_id")
    ) if pairs else set()
    first_line_of_pair, first_line_of_reference = {}, {}
    for row in rows:
        if row.reference:
            if row.reference in first_line_of_reference:
                row.add_error(REFERENCE, _("The reference %(ref)s is already on line %(line)d of this file.")
                              % {"ref": row.reference, "line": first_line_of_reference[row.reference]})
            else:
                first_line_of_reference[row.reference] = row.line
        if row.policy is None or row.buyer is None:
            continue
        pair = (row.policy.pk, row.buyer.pk)
        if pair in first_line_of_pair:
            row.add_error(row.buyer_column, _(
                "This buyer is already requested on policy %(number)s on line %(line)d of this file: "
                "one request per buyer and policy."
            ) % {"number": row.policy.number, "line": first_line_of_pair[pair]})
        else:
            first_line_of_pair[pair] = row.line
        if pair in pending:
            row.add_error(row.buyer_column, _(
                "A request on this buyer is already with an underwriter: edit or cancel it instead."
            ))
