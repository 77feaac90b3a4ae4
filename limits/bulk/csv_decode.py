"""A CSV file of limit requests decoded into raw rows: plain strings by column name, numbered by line.

Knows the file (size, encoding, separator, header, lines) and nothing of policies or buyers:
`parse_limit_requests` hands the rows to limits.bulk.resolve, as any other source of bulk requests would.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.csv_upload import decode_upload
from core.imports.stream import sniff_delimiter
from limits.bulk.resolve import resolve_rows
from limits.bulk.rows import (
    AMOUNT,
    BUYER_COUNTRY,
    BUYER_REGISTRATION,
    BUYER_VAT,
    CURRENCY,
    KNOWN_COLUMNS,
    MAX_ROWS,
    POLICY_NUMBER,
    TERMS_DAYS,
    ImportPreview,
    RowError,
)

MAX_BYTES = 2 * 1024 * 1024
REQUIRED_COLUMNS = (POLICY_NUMBER, BUYER_COUNTRY, AMOUNT, CURRENCY, TERMS_DAYS)


@dataclass
class DecodedFile:
    # The file's line number (the header is line 1) -> the line's values by column name.
    rows: dict[int, dict[str, str]] = field(default_factory=dict)
    # Problems with one line's shape (more values than columns); the line is still resolved.
    row_errors: list[RowError] = field(default_factory=list)
    # Problems with the file as a whole (size, encoding, header): no rows.
    file_errors: list[RowError] = field(default_factory=list)
    delimiter: str = ","


def read_bytes(file) -> tuple[bytes | None, RowError | None]:
    too_big = RowError(
        line=None, column=None,
        message=_("The file is larger than %(size)s MB: split it into smaller files.")
        % {"size": MAX_BYTES // (1024 * 1024)},
    )
    if isinstance(file, bytes | bytearray):
        raw = bytes(file)
    elif isinstance(file, str):
        raw = file.encode("utf-8")
    else:
        size = getattr(file, "size", None)
        if size is not None and size > MAX_BYTES:
            return None, too_big
        if hasattr(file, "seek"):
            file.seek(0)
        raw = file.read(MAX_BYTES + 1)
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
    if len(raw) > MAX_BYTES:
        return None, too_big
    return raw, None


def _file_error(message: str) -> DecodedFile:
    return DecodedFile(file_errors=[RowError(line=None, column=None, message=message)])


def _header_problem(columns: list[str]) -> str | None:
    duplicates = sorted({name for name in columns if name and columns.count(name) > 1})
    if duplicates:
        return _("These columns appear more than once: %(columns)s.") % {"columns": ", ".join(duplicates)}
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if BUYER_REGISTRATION not in columns and BUYER_VAT not in columns:
        missing.append(f"{BUYER_REGISTRATION} / {BUYER_VAT}")
    if missing:
        return _("Missing columns: %(missing)s. The first line must name the columns: %(expected)s.") % {
            "missing": ", ".join(missing), "expected": ", ".join(KNOWN_COLUMNS),
        }
    return None


def _read_rows(text: str, columns: list[str], decoded: DecodedFile, first_line: int) -> None:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=decoded.delimiter)
    next(reader)  # the header, already read
    previous_end = reader.line_num
    for values in reader:
        line, previous_end = previous_end + first_line, reader.line_num
        if not any(value.strip() for value in values):
            continue  # blank lines say nothing
        if len(decoded.rows) >= MAX_ROWS:
            decoded.rows, decoded.row_errors = {}, []
            decoded.file_errors.append(RowError(
                line=None, column=None,
                message=_("The file has more than %(max)s rows: split it into files of at most %(max)s rows.")
                % {"max": number_format(MAX_ROWS, force_grouping=True)},
            ))
            return
        decoded.rows[line] = {name: (values[i] if i < len(values) else "") for i, name in enumerate(columns) if name}
        if len(values) > len(columns) and any(value.strip() for value in values[len(columns):]):
            decoded.row_errors.append(RowError(
                line=line, column=None, message=_("This line has more values than the header has columns."),
            ))


def decode_csv(file) -> DecodedFile:
    """`file` is an uploaded file, any binary file object, or bytes.

    UTF-8 with or without BOM; ',' or ';' between values, told by the header line.
    """
    text, problem = decode_upload(file, max_bytes=MAX_BYTES)
    if problem is not None:
        return _file_error(problem)
    if "\x00" in text:
        return _file_error(_("The file is not a CSV text file."))
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        return _file_error(_("The file is empty."))
    # Leading blank lines would shift the header: drop them, but keep line numbers true.
    skipped = text[: text.index(header_line)]
    text = text[len(skipped):]
    decoded = DecodedFile(delimiter=sniff_delimiter(header_line))
    try:
        header = next(csv.reader([header_line], delimiter=decoded.delimiter))
    except csv.Error:
        return _file_error(_("The first line is not a CSV header."))
    columns = [name.strip().lower().lstrip("\ufeff") for name in header]
    problem = _header_problem(columns)
    if problem:
        return _file_error(problem)
    try:
        _read_rows(text, columns, decoded, first_line=skipped.count("\n") + 1)
    except csv.Error as exc:
        return _file_error(_("The file is not valid CSV: %(problem)s.") % {"problem": exc})
    if not decoded.rows and not decoded.file_errors:
        return _file_error(_("The file has no rows below the header."))
    return decoded


def parse_limit_requests(*, tenant, file, today: date | None = None) -> ImportPreview:
    """Decode a CSV of limit requests and resolve its rows against the tenant's data; nothing is written."""
    decoded = decode_csv(file)
    if decoded.file_errors:
        return ImportPreview(file_errors=decoded.file_errors, delimiter=decoded.delimiter)
    preview = resolve_rows(tenant=tenant, rows=decoded.rows, today=today, source_errors=decoded.row_errors)
    preview.delimiter = decoded.delimiter
    return preview
