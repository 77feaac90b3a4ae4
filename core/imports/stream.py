"""A stored CSV file read as a stream, in batches of rows, never whole in memory.

UTF-8 with or without the BOM spreadsheets write, ',' or ';' between values (told by the header line), blank
lines skipped, lines numbered as the file numbers them (the header is line 1). Each import checks its own
header (`header_problem`) and scans the file once for what batches cannot see on their own; `iter_batches`
then yields the rows batch by batch, and batch k is always the same rows of the same file, which is what
lets a job resume after its last committed batch.
"""

import csv
import io
from collections.abc import Callable, Iterator

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

# A stored file's limits: far above what is read in the browser's request.
MAX_JOB_ROWS = 100_000
BATCH_SIZE = 1000

HeaderProblem = Callable[[list[str]], str | None]


def max_job_bytes() -> int:
    # A setting, because the API's body-size guard (core.api.middleware) lets multipart bodies this large in.
    return settings.IMPORT_FILE_MAX_BYTES


class FileRefused(Exception):
    """The file as a whole cannot be read; `message` says why, in the uploader's words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def sniff_delimiter(header_line: str) -> str:
    # The header holds only column names, so whichever separator it uses is the file's.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def too_many_rows() -> FileRefused:
    return FileRefused(_("The file has more than %(max)s rows: split it into files of at most %(max)s rows.")
                       % {"max": number_format(MAX_JOB_ROWS, force_grouping=True)})


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


def records(binary, *, header_problem: HeaderProblem) -> Iterator[tuple[int, list[str], list[str]]]:
    """(line, header, values) for every non-blank record below the header; lines as the file numbers them."""
    lines = _text_lines(binary)
    try:
        yield from _records(lines, header_problem=header_problem)
    finally:
        # Detach the text reader now, while the caller's file is still open (not whenever it is collected).
        lines.close()


def _records(lines: Iterator[str], *, header_problem: HeaderProblem) -> Iterator[tuple[int, list[str], list[str]]]:
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
    delimiter = sniff_delimiter(header_line)
    try:
        header = next(csv.reader([header_line], delimiter=delimiter))
    except csv.Error as exc:
        raise FileRefused(_("The first line is not a CSV header.")) from exc
    columns = [name.strip().lower().lstrip("\ufeff") for name in header]
    problem = header_problem(columns)
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


def check_header(binary, *, header_problem: HeaderProblem) -> None:
    """Read the header and the first row only (the worker reads the rest); raises FileRefused."""
    first = records(binary, header_problem=header_problem)
    try:
        next(first, None)
    finally:
        first.close()


def row_of(columns: list[str], values: list[str]) -> dict[str, str]:
    return {name: (values[i] if i < len(values) else "") for i, name in enumerate(columns) if name}


def has_too_many_values(columns: list[str], values: list[str]) -> bool:
    return len(values) > len(columns) and any(value.strip() for value in values[len(columns):])


def too_many_values_message() -> str:
    return _("This line has more values than the header has columns.")


def iter_batches(binary, *, batch_size: int, header_problem: HeaderProblem) -> Iterator[dict[int, dict[str, str]]]:
    """The file's rows, `batch_size` at a time: line -> values by column name."""
    batch: dict[int, dict[str, str]] = {}
    for line, columns, values in records(binary, header_problem=header_problem):
        batch[line] = row_of(columns, values)
        if len(batch) == batch_size:
            yield batch
            batch = {}
    if batch:
        yield batch
