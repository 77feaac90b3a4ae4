"""Turnover declarations of one policy from a CSV file: columns period, country, turnover (currency optional).

All or nothing: every row is checked (the file's own problems, then the
service's rules through `declare_turnover`) so the user sees every error at
once; one error and nothing is written. Conventions as limits.bulk.csv_decode: header
on line 1, ',' or ';' separators, UTF-8 with or without BOM, amounts as plain
decimals ('1000000.00'), no thousands separators.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.amounts import AmountError, parse_amount
from core.csv_upload import decode_upload
from core.exceptions import DomainError
from core.row_errors import RowError
from policies.models import Policy
from policies.premium.calculation import parse_period
from policies.premium.services import declare_turnover

MAX_ROWS = 5_000
MAX_BYTES = 2 * 1024 * 1024
PERIOD, COUNTRY, TURNOVER, CURRENCY = "period", "country", "turnover", "currency"
REQUIRED_COLUMNS = (PERIOD, COUNTRY, TURNOVER)
KNOWN_COLUMNS = (*REQUIRED_COLUMNS, CURRENCY)
_PLAIN_DECIMAL = re.compile(r"^\d+(?:\.\d+)?$")
_SERVICE_FIELD_COLUMN = {"period_start": PERIOD, "country": COUNTRY, "turnover": TURNOVER, "policy": None}




@dataclass
class TurnoverImportResult:
    rows: int = 0
    created: int = 0
    corrected: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def rolled_back(self) -> bool:
        return bool(self.errors)


def _text(file) -> tuple[str | None, str | None]:
    return decode_upload(file, max_bytes=MAX_BYTES)


def _parse_turnover(raw: str, currency: str) -> tuple[Decimal | None, str | None]:
    text = raw.strip()
    if not text:
        return None, _("Give the turnover (0 if there was none).")
    if text.startswith("-"):
        return None, _("The turnover cannot be negative: declare 0 if there was none.")
    if not _PLAIN_DECIMAL.match(text):
        return None, _("Write the turnover without thousands separators and with '.' before the decimals, "
                       "e.g. %(example)s.") % {"example": "1000000.00"}
    try:  # within the policy currency's places and the column's digits (core.amounts)
        return parse_amount(text, currency=currency), None
    except AmountError as exc:
        return None, exc.message


def import_turnover_csv(*, tenant, declared_by, policy: Policy, file, today: date | None = None) -> TurnoverImportResult:
    today = today or timezone.localdate()
    reader, header, problem = _reader(file)
    if problem:
        return TurnoverImportResult(errors=[problem])
    result, parsed = _check_rows(reader, header, policy=policy)
    if result.errors:
        return result
    _declare_all(result, parsed, tenant=tenant, declared_by=declared_by, policy=policy, today=today)
    return result


def _reader(file) -> tuple[Any, list[str], RowError | None]:
    """The rows after the header, the header's column names, or the problem that stops the file as a whole."""
    text, problem = _text(file)
    if problem:
        return None, [], RowError(None, None, problem)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return None, [], RowError(None, None, _("The file is empty."))
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        return None, header, RowError(1, None, _("Missing columns: %(columns)s. The first line "
                                                 "names the columns: %(expected)s.")
                                      % {"columns": ", ".join(missing), "expected": ", ".join(KNOWN_COLUMNS)})
    return reader, header, None


def _check_rows(reader, header: list[str], *, policy: Policy) -> tuple[TurnoverImportResult, list[tuple]]:
    """The file's own problems, every row checked so the user sees them all at once."""
    result = TurnoverImportResult()
    parsed = []
    first_line: dict[tuple[date, str], int] = {}
    for values in reader:
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue
        result.rows += 1
        if result.rows > MAX_ROWS:
            return TurnoverImportResult(rows=result.rows, errors=[RowError(None, None, _(
                "The file has more than %(max)d rows: split it into smaller files.") % {"max": MAX_ROWS})]), []
        row = {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}
        start, country, turnover = _check_row(row, line, policy=policy, errors=result.errors)
        if start is not None and country:
            if (start, country) in first_line:
                result.errors.append(RowError(line, COUNTRY, _(
                    "This period and country are already on line %(line)d of this file.")
                    % {"line": first_line[(start, country)]}))
            first_line.setdefault((start, country), line)
        parsed.append((line, start, country, turnover))
    if not result.rows:
        result.errors.append(RowError(None, None, _("The file has no rows under its header.")))
    return result, parsed


def _check_row(row: dict[str, str], line: int, *, policy: Policy, errors: list[RowError]):
    start = parse_period(row[PERIOD])
    if start is None:
        errors.append(RowError(line, PERIOD, _("“%(value)s” is not a period: write 2026-01 for a month "
                                               "or 2026-Q1 for a quarter.") % {"value": row[PERIOD]}))
    turnover, problem = _parse_turnover(row[TURNOVER], policy.currency)
    if problem:
        errors.append(RowError(line, TURNOVER, problem))
    currency = row.get(CURRENCY, "").upper()
    if currency and currency != policy.currency:
        errors.append(RowError(line, CURRENCY, _("Declare turnover in the policy's currency, "
                                                 "%(currency)s.") % {"currency": policy.currency}))
    return start, row[COUNTRY].upper(), turnover


def _declare_all(result: TurnoverImportResult, parsed: list[tuple], *, tenant, declared_by, policy: Policy,
                 today: date) -> None:
    """Every row through `declare_turnover`, all or nothing: one refused row and none is written."""
    try:
        with transaction.atomic():
            for line, start, country, turnover in parsed:
                try:
                    with transaction.atomic():
                        _declaration, created = declare_turnover(
                            tenant=tenant, declared_by=declared_by, policy=policy, period_start=start,
                            country=country, turnover=turnover, today=today)
                except DomainError as exc:
                    result.errors.append(RowError(line, _SERVICE_FIELD_COLUMN.get(exc.field), exc.message))
                    continue
                if created:
                    result.created += 1
                else:
                    result.corrected += 1
            if result.errors:
                raise _RollBack
    except _RollBack:
        result.created = result.corrected = 0


class _RollBack(Exception):
    pass
