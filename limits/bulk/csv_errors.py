"""A limit import job's row errors as CSV lines, streamed: the download on its page and in the API."""

import csv
from collections.abc import Iterator

from core.csvcell import csv_cell
from limits.bulk.csv_export import _Echo, _in_tenant_scope
from limits.bulk.job_models import LimitImportJob
from limits.bulk.selectors import import_errors

ERROR_COLUMNS = ("line", "column", "message")


def _lines(job: LimitImportJob) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(ERROR_COLUMNS)  # with a BOM: spreadsheets then read it as UTF-8
    for error in import_errors(job=job).only("line", "column", "message").iterator(chunk_size=2000):
        yield writer.writerow([csv_cell(value) for value in (error.line or "", error.column, error.message)])


def error_lines(*, job: LimitImportJob) -> Iterator[str]:
    """Header first; read in chunks inside the job's tenant scope (a streamed response outlives the request's)."""
    return _in_tenant_scope(job.tenant, _lines(job))
