"""A stored buyer file read once before any write: its shape, its rows, and the identifiers a later row
gives again (one row per buyer: the later row is an error naming the earlier line)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from buyers.imports.rows import COUNTRY, IDENTIFIERS, RowError, header_problem, identity_keys
from buyers.normalize import compact
from core.imports import stream


@dataclass
class Scan:
    rows: int = 0
    row_errors: dict[int, list[RowError]] = field(default_factory=dict)


def scan_file(binary) -> Scan:
    """Raises stream.FileRefused for a file that cannot be imported at all."""
    scan = Scan()
    first_line: dict[tuple, int] = {}
    for line, columns, values in stream.records(binary, header_problem=header_problem):
        scan.rows += 1
        if scan.rows > stream.MAX_JOB_ROWS:
            raise stream.too_many_rows()
        problems = []
        if stream.has_too_many_values(columns, values):
            problems.append(RowError(line, None, stream.too_many_values_message()))
        row = stream.row_of(columns, values)
        country = (row.get(COUNTRY) or "").strip().upper()
        for column in IDENTIFIERS:
            value = compact(row.get(column, ""))
            if not value or not country:
                continue
            keys = identity_keys(country, column, value)
            earlier = min((first_line[key] for key in keys if key in first_line), default=None)
            if earlier is not None:
                problems.append(RowError(line, column, _(
                    "This identifier is already on line %(line)d of this file: one row per buyer.")
                    % {"line": earlier}))
            for key in keys:
                first_line.setdefault(key, line)
        if problems:
            scan.row_errors[line] = problems
    if not scan.rows:
        raise stream.FileRefused(_("The file has no rows below the header."))
    return scan
