"""The invoices of an overdue notification from a CSV file.

Columns: number, invoice_date, shipment_date, due_date, amount, outstanding
(dates YYYY-MM-DD, amounts like 12500.00). Every row is read, and the invoices
read are checked against the service's rules, before anything is written; any
error and nothing is saved (the page shows them all, by line and column).
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from claims.overdues.invoice_rules import InvoiceLine, check_invoice_lines
from core.csv_upload import decode_upload
from core.dates import out_of_bounds
from core.exceptions import DomainError, split_row_field
from core.row_errors import RowError

COLUMNS = ("number", "invoice_date", "shipment_date", "due_date", "amount", "outstanding")
MAX_ROWS = 500
MAX_BYTES = 512 * 1024
_PLAIN_DECIMAL = re.compile(r"^\d{1,14}(?:\.\d{1,2})?$")




@dataclass
class ParsedInvoices:
    lines: list[InvoiceLine] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)  # the file's line of each of `lines`

    def row_errors(self, error: DomainError) -> list[RowError]:
        """The messages of a service's refusal that name an invoice (`invoices[i].<column>`), by line and column."""
        found = []
        for path, messages in error.messages_by_field().items():
            row = split_row_field(path)
            if row and row[0] == "invoices" and row[1] < len(self.lines):
                found.extend(RowError(self.line_numbers[row[1]], row[2], message) for message in messages)
        return found


def _decode(file) -> str:
    text, problem = decode_upload(file, max_bytes=MAX_BYTES)
    if problem is not None:
        raise ValueError(problem)
    return text


def _date(value: str) -> date:
    return date.fromisoformat(value)


def _amount(value: str) -> Decimal:
    if not _PLAIN_DECIMAL.match(value):
        raise InvalidOperation(value)
    return Decimal(value)


def parse_invoices(file, *, notified_on: date | None = None, policy_end: date | None = None) -> ParsedInvoices:
    """The file's invoices, checked as `check_invoice_lines` checks them for a notification on `notified_on`
    (None: a draft) under a policy ending on `policy_end`."""
    try:
        return _parse(file, notified_on=notified_on, policy_end=policy_end)
    except csv.Error as exc:  # e.g. a NUL byte: a broken file is the user's to fix, not a 500
        return ParsedInvoices(errors=[RowError(None, None, _("The file cannot be read as CSV: %(error)s.")
                                               % {"error": exc})])


def _parse(file, *, notified_on: date | None, policy_end: date | None) -> ParsedInvoices:
    result = ParsedInvoices()
    try:
        text = _decode(file)
    except ValueError as exc:
        result.errors.append(RowError(None, None, str(exc)))
        return result
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        result.errors.append(RowError(1, None, _("Missing columns: %(columns)s. The first line names the columns: %(all)s.")
                                      % {"columns": ", ".join(missing), "all": ", ".join(COLUMNS)}))
        return result
    seen: dict[str, int] = {}
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(result.lines) + len({e.line for e in result.errors}) >= MAX_ROWS:
            result.errors.append(RowError(line_number, None, _("At most %(n)d invoices per file.") % {"n": MAX_ROWS}))
            break
        values = {name: (cells[header.index(name)].strip() if header.index(name) < len(cells) else "") for name in COLUMNS}
        errors_before = len(result.errors)

        def fail(column, message, line_number=line_number):
            result.errors.append(RowError(line_number, column, message))

        parsed = {}
        if not values["number"]:
            fail("number", _("The invoice number is required."))
        elif values["number"] in seen:
            fail("number", _("Invoice number already on line %(line)d.") % {"line": seen[values["number"]]})
        else:
            seen[values["number"]] = line_number
        for column in ("invoice_date", "shipment_date", "due_date"):
            try:
                parsed[column] = _date(values[column])
            except ValueError:
                fail(column, _("Write the date as YYYY-MM-DD."))
            else:
                if message := out_of_bounds(parsed[column]):
                    fail(column, message)
        for column in ("amount", "outstanding"):
            try:
                parsed[column] = _amount(values[column])
            except InvalidOperation:
                fail(column, _("Write a positive amount like 12500.00 (no thousands separator)."))
        if len(result.errors) == errors_before:
            result.lines.append(InvoiceLine(number=values["number"], **parsed))
            result.line_numbers.append(line_number)
    if not result.lines and not result.errors:
        result.errors.append(RowError(None, None, _("The file lists no invoice.")))
    try:
        check_invoice_lines(result.lines, notified_on=notified_on, policy_end=policy_end)
    except DomainError as exc:  # shown with the lines that could not be read, line by line
        result.errors = sorted(result.errors + result.row_errors(exc), key=lambda error: error.line or 0)
    return result
