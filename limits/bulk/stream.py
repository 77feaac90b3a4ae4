"""A stored CSV file of limit requests read as a stream, in batches of rows, never whole in memory.

`scan_file` reads the file once before anything is written: its encoding, header and shape (so a bad byte
on the last line refuses the file before the first batch is written), the number of rows, and the problems
across rows that batches cannot see on their own (a reference or a buyer and policy given twice in the
file, by their raw values). `iter_batches` then yields the rows batch by batch; batch k is always the same
rows of the same file, which is what lets a job resume after its last committed batch.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from buyers.normalize import compact
from limits.bulk.csv_decode import _header_problem, _sniff_delimiter
from limits.bulk.resolve import _vat_candidates
from limits.bulk.rows import BUYER_COUNTRY, BUYER_REGISTRATION, BUYER_VAT, POLICY_NUMBER, REFERENCE, RowError

# A stored file's limits: far above the 2 MB / 5,000 rows read in the browser's request.
MAX_JOB_ROWS = 100_000
BATCH_SIZE = 1000


def max_job_bytes() -> int:
    # A setting, because the API's body-size guard (core.api.middleware) lets multipart bodies this large in.
    return settings.IMPORT_FILE_MAX_BYTES


class FileRefused(Exception):
    """The file as a whole cannot be read; `message` says why, in the uploader's words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Scan:
    rows: int = 0
    delimiter: str = ","
    # line -> errors found across the file (duplicates) or on the line's shape (more values than columns)
    row_errors: dict[int, list[RowError]] = field(default_factory=dict)


def _text_lines(binary) -> Iterator[str]:
    binary.seek(0)
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    try:
        # Not `yield from`: closing this generator would close the wrapper, and with it the caller's file.
        for line in text:  # noqa: UP028
            yield line
    except UnicodeDecodeError as exc:
        raise FileRefused(_("The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again.")) from exc
    finally:
        text.detach()  # leave the stored file open for its owner


def records(binary) -> Iterator[tuple[int, list[str], list[str]]]:
    """(line, header, values) for every non-blank record below the header; lines as the file numbers them."""
    lines = _text_lines(binary)
    skipped = 0
    header_line = ""
    for line in lines:
        if line.strip():
            header_line = line
            break
        skipped += 1
    if not header_line:
        raise FileRefused(_("The file is empty."))
    if "\x00" in header_line:
        raise FileRefused(_("The file is not a CSV text file."))
    delimiter = _sniff_delimiter(header_line)
    try:
        header = next(csv.reader([header_line], delimiter=delimiter))
    except csv.Error as exc:
        raise FileRefused(_("The first line is not a CSV header.")) from exc
    columns = [name.strip().lower().lstrip("\ufeff") for name in header]
    problem = _header_problem(columns)
    if problem:
        raise FileRefused(problem)
    reader = csv.reader(lines, delimiter=delimiter)
    first = skipped + 2  # the line after the header
    previous_end = 0
    try:
        for values in reader:
            line, previous_end = previous_end + first, reader.line_num
            if any("\x00" in value for value in values):
                raise FileRefused(_("The file is not a CSV text file."))
            if any(value.strip() for value in values):
                yield line, columns, values
    except csv.Error as exc:
        raise FileRefused(_("The file is not valid CSV: %(problem)s.") % {"problem": exc}) from exc


def _row(columns: list[str], values: list[str]) -> dict[str, str]:
    return {name: (values[i] if i < len(values) else "") for i, name in enumerate(columns) if name}


def _too_many_values(line: int, columns: list[str], values: list[str]) -> RowError | None:
    if len(values) > len(columns) and any(value.strip() for value in values[len(columns):]):
        return RowError(line=line, column=None, message=_("This line has more values than the header has columns."))
    return None


def _buyer_keys(row: dict[str, str]) -> set[tuple]:
    """The raw identities of the row's buyer on its policy, as the registry stores identifiers."""
    policy, country = row.get(POLICY_NUMBER, "").strip(), row.get(BUYER_COUNTRY, "").strip().upper()
    if not policy or not country:
        return set()
    keys = set()
    registration, vat = compact(row.get(BUYER_REGISTRATION, "")), compact(row.get(BUYER_VAT, ""))
    if registration:
        keys.add((policy, country, "registration", registration))
    if vat:
        keys |= {(policy, country, "vat", candidate) for candidate in _vat_candidates(country, vat)}
    return keys


def scan_file(binary) -> Scan:
    """Read the whole file once; raises FileRefused for a file that cannot be imported at all."""
    scan = Scan()
    first_line_of_reference: dict[str, int] = {}
    first_line_of_buyer: dict[tuple, int] = {}
    for line, columns, values in records(binary):
        scan.rows += 1
        if scan.rows > MAX_JOB_ROWS:
            raise FileRefused(_("The file has more than %(max)s rows: split it into files of at most %(max)s rows.")
                              % {"max": number_format(MAX_JOB_ROWS, force_grouping=True)})
        row = _row(columns, values)
        problems = [problem for problem in [_too_many_values(line, columns, values)] if problem]
        reference = row.get(REFERENCE, "").strip()
        if reference:
            if reference in first_line_of_reference:
                problems.append(RowError(line=line, column=REFERENCE, message=_(
                    "The reference %(ref)s is already on line %(line)d of this file.")
                    % {"ref": reference, "line": first_line_of_reference[reference]}))
            else:
                first_line_of_reference[reference] = line
        keys = _buyer_keys(row)
        earlier = min((first_line_of_buyer[key] for key in keys if key in first_line_of_buyer), default=None)
        if earlier is not None:
            column = BUYER_VAT if row.get(BUYER_VAT, "").strip() and not row.get(BUYER_REGISTRATION, "").strip() \
                else BUYER_REGISTRATION
            problems.append(RowError(line=line, column=column, message=_(
                "This buyer is already requested on policy %(number)s on line %(line)d of this file: "
                "one request per buyer and policy.") % {"number": row.get(POLICY_NUMBER, "").strip(), "line": earlier}))
        else:
            for key in keys:
                first_line_of_buyer.setdefault(key, line)
        if problems:
            scan.row_errors[line] = problems
    if not scan.rows:
        raise FileRefused(_("The file has no rows below the header."))
    return scan


def iter_batches(binary, *, batch_size: int = BATCH_SIZE) -> Iterator[dict[int, dict[str, str]]]:
    """The file's rows, `batch_size` at a time: line -> values by column name."""
    batch: dict[int, dict[str, str]] = {}
    for line, columns, values in records(binary):
        batch[line] = _row(columns, values)
        if len(batch) == batch_size:
            yield batch
            batch = {}
    if batch:
        yield batch
