"""A stored CSV file of limit requests read as a stream (core.imports.stream), in batches of rows.

`scan_file` reads the file once before anything is written: its encoding, header and shape (so a bad byte
on the last line refuses the file before the first batch is written), the number of rows, and the problems
across rows that batches cannot see on their own (a reference or a buyer and policy given twice in the
file, by their raw values). `iter_batches` then yields the rows batch by batch; batch k is always the same
rows of the same file, which is what lets a job resume after its last committed batch.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from buyers.normalize import compact
from core.imports import stream as shared
from core.imports.stream import BATCH_SIZE, MAX_JOB_ROWS, FileRefused, max_job_bytes  # noqa: F401  (the limit import's names)
from limits.bulk.csv_decode import _header_problem
from limits.bulk.resolve import _vat_candidates
from limits.bulk.rows import BUYER_COUNTRY, BUYER_REGISTRATION, BUYER_VAT, POLICY_NUMBER, REFERENCE, RowError


@dataclass
class Scan:
    rows: int = 0
    # line -> errors found across the file (duplicates) or on the line's shape (more values than columns)
    row_errors: dict[int, list[RowError]] = field(default_factory=dict)


def records(binary) -> Iterator[tuple[int, list[str], list[str]]]:
    return shared.records(binary, header_problem=_header_problem)


def _too_many_values(line: int, columns: list[str], values: list[str]) -> RowError | None:
    if shared.has_too_many_values(columns, values):
        return RowError(line=line, column=None, message=shared.too_many_values_message())
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
            raise shared.too_many_rows()
        row = shared.row_of(columns, values)
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
    return shared.iter_batches(binary, batch_size=batch_size, header_problem=_header_problem)
