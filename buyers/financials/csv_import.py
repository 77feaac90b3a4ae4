"""Financial statements from a CSV file, one row per buyer and year; all or nothing.

Columns: buyer_country and buyer_registration_number or buyer_vat_number (which registry buyer),
year, currency, revenue, equity, total_assets, current_assets, current_liabilities, net_income, ebitda.
Conventions as the other imports (limits.bulk.csv_decode): header on line 1, ',' or ';' separators,
UTF-8 with or without BOM, plain decimals ('1000000.00', '-2500.50'). Every row is checked before
anything is written, so the underwriter sees every error at once; one error and nothing is written.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from buyers.financials.models import AMOUNTS, FinancialStatement
from buyers.financials.services import record_financial_statement, statement_errors
from buyers.selectors import find_by_registration, find_by_vat
from core.amounts import AmountError, parse_amount
from core.csv_upload import decode_upload
from core.row_errors import RowError

MAX_ROWS = 20_000
MAX_BYTES = 5 * 1024 * 1024
# The amount columns of FinancialStatement (numeric(18, 2)).
FIELD_DIGITS = FinancialStatement._meta.get_field(AMOUNTS[0]).max_digits
FIELD_PLACES = FinancialStatement._meta.get_field(AMOUNTS[0]).decimal_places
COUNTRY, REGISTRATION, VAT, YEAR, CURRENCY = "buyer_country", "buyer_registration_number", "buyer_vat_number", "year", "currency"
REQUIRED_COLUMNS = (COUNTRY, YEAR, CURRENCY, *AMOUNTS)
KNOWN_COLUMNS = (COUNTRY, REGISTRATION, VAT, YEAR, CURRENCY, *AMOUNTS)


@dataclass
class StatementImportResult:
    rows: int = 0
    recorded: int = 0
    errors: list[RowError] = field(default_factory=list)


def _decode(file) -> tuple[str | None, str | None]:
    return decode_upload(file, max_bytes=MAX_BYTES)


def _rows(text: str):
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return None, [RowError(None, None, _("The file is empty."))]
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if REGISTRATION not in header and VAT not in header:
        missing.append(f"{REGISTRATION} / {VAT}")
    if missing:
        return None, [RowError(1, None, _("Missing columns: %(columns)s. The first line names the columns: "
                                          "%(expected)s.") % {"columns": ", ".join(missing),
                                                              "expected": ", ".join(KNOWN_COLUMNS)})]
    rows = []
    for values in reader:
        if any(value.strip() for value in values):
            rows.append((reader.line_num, {name: (values[i].strip() if i < len(values) else "")
                                           for i, name in enumerate(header)}))
    return rows, []


def _buyer(row: dict):
    country = row.get(COUNTRY, "").upper()
    if row.get(REGISTRATION):
        return find_by_registration(country=country, registration_number=row[REGISTRATION])
    if row.get(VAT):
        return find_by_vat(country=country, vat_number=row[VAT])
    return None


def _check_row(line: int, row: dict, errors: list[RowError]):
    buyer = _buyer(row)
    if buyer is None:
        column = REGISTRATION if row.get(REGISTRATION) or not row.get(VAT) else VAT
        errors.append(RowError(line, column, _("No buyer in the registry with this country and number.")))
    amounts = {}
    for name in AMOUNTS:
        text = row.get(name, "")
        if not text:
            continue
        try:
            # The one reading of a typed amount (core.amounts): plain decimal, the currency's places, and the
            # column's digits, so a 20-digit revenue is a row error here, not a database error on writing.
            amounts[name] = parse_amount(text, currency=row.get(CURRENCY, "").upper() or None,
                                         max_digits=FIELD_DIGITS, decimal_places=FIELD_PLACES)
        except AmountError as error:
            errors.append(RowError(line, name, error.message))
    year = int(row[YEAR]) if row.get(YEAR, "").isdigit() else None
    reported = {error.column for error in errors if error.line == line}
    for name, message in statement_errors(year=year, currency=row.get(CURRENCY, "").upper(), amounts=amounts).items():
        if name not in reported:
            errors.append(RowError(line, name, message))
    return buyer, year, amounts


def import_financial_statements_csv(*, file, recorded_by=None) -> StatementImportResult:
    text, problem = _decode(file)
    if problem:
        return StatementImportResult(errors=[RowError(None, None, problem)])
    rows, errors = _rows(text)
    if errors:
        return StatementImportResult(errors=errors)
    result = StatementImportResult(rows=len(rows))
    if not rows:
        result.errors.append(RowError(None, None, _("The file has no rows under its header.")))
    if len(rows) > MAX_ROWS:
        result.errors.append(RowError(None, None, _("The file has more than %(max)d rows: split it into smaller "
                                                    "files.") % {"max": MAX_ROWS}))
    if result.errors:
        return result
    checked, first_line = [], {}
    for line, row in rows:
        buyer, year, amounts = _check_row(line, row, result.errors)
        if buyer is not None and year is not None:
            if (buyer.pk, year) in first_line:
                result.errors.append(RowError(line, YEAR, _("This buyer and year are already on line %(line)d of "
                                                            "this file.") % {"line": first_line[(buyer.pk, year)]}))
            first_line.setdefault((buyer.pk, year), line)
        checked.append((buyer, year, row.get(CURRENCY, ""), amounts))
    if result.errors:
        return result
    with transaction.atomic():
        for buyer, year, currency, amounts in checked:
            record_financial_statement(buyer=buyer, year=year, currency=currency, recorded_by=recorded_by,
                                       source=FinancialStatement.Source.CSV, **amounts)
            result.recorded += 1
    return result
