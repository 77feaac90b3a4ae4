"""A problem on one row of a bulk source (a CSV file today): what every importer reports, the same way."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """A problem the user fixes in the source.

    `line` is the row's number in its source (in a CSV file its line, the header being line 1),
    `column` the field it concerns; both None for a problem with the source as a whole.
    """

    line: int | None
    column: str | None
    message: str
