"""A limit import job's row errors as CSV lines, streamed: the download on its page and in the API."""

from collections.abc import Iterator

from core.imports import csv_errors
from limits.bulk.csv_export import _in_tenant_scope
from limits.bulk.job_models import LimitImportJob
from limits.bulk.selectors import import_errors


def error_lines(*, job: LimitImportJob) -> Iterator[str]:
    """Header first; read in chunks inside the job's tenant scope (a streamed response outlives the request's)."""
    return _in_tenant_scope(job.tenant, csv_errors.error_lines(import_errors(job=job)))
