"""An import job's row errors as CSV lines, streamed: the download on its page and in the API."""

import csv
from collections.abc import Iterator

from django.db.models import QuerySet

from core.csvcell import csv_cell

ERROR_COLUMNS = ("line", "column", "message")


class Echo:
    """A file whose write gives the line back: csv.writer then yields lines one by one."""

    def write(self, value: str) -> str:
        return value


def error_lines(errors: QuerySet) -> Iterator[str]:
    """Header first (with a BOM: spreadsheets then read it as UTF-8), then every error, read in chunks."""
    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(ERROR_COLUMNS)
    for error in errors.only("line", "column", "message").iterator(chunk_size=2000):
        yield writer.writerow([csv_cell(value) for value in (error.line or "", error.column, error.message)])
