"""A golden-copy file (CSV, or the .zip GLEIF publishes) uploaded by an underwriter: stored as a job and queued
through the outbox, as a buyer import is (core.imports.jobs); a worker runs it (buyers.gleif.runner)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from buyers.gleif.models import GleifImportJob
from buyers.gleif.records import header_problem, opened_stream
from core.imports import stream
from core.imports.jobs import store_job

# The outbox handler's name (buyers.tasks): queued messages carry it, so it never changes.
GLEIF_JOB_TASK = "buyers.run_gleif_import_job"


@dataclass(frozen=True)
class GleifStart:
    job: GleifImportJob | None = None
    refused: str = ""  # why the file was refused at once (nothing stored)


def _check(content, *, header_problem) -> None:
    """The header of the CSV, or of the one CSV inside the .zip: a wrong file is refused before it is stored."""
    with opened_stream(content) as binary:
        stream.check_header(binary, header_problem=header_problem)


def _size(file) -> int:
    if isinstance(file, str | bytes | bytearray):
        return len(file.encode("utf-8") if isinstance(file, str) else file)
    return file.size


def start_gleif_import(*, requested_by, file, filename: str = "", dry_run: bool = False) -> GleifStart:
    if _size(file) > stream.max_job_bytes():
        return GleifStart(refused=_("The file is larger than %(size)s MB: split it into smaller files.")
                          % {"size": stream.max_job_bytes() // (1024 * 1024)})
    job = GleifImportJob(requested_by=requested_by, mode=GleifImportJob.Mode.VALID_ROWS, filename=filename[:200],
                         dry_run=dry_run)
    try:
        store_job(job, file=file, filename=filename or "golden-copy.csv", task_name=GLEIF_JOB_TASK,
                  header_problem=header_problem, check=_check)
    except stream.FileRefused as exc:
        return GleifStart(refused=exc.message)
    return GleifStart(job=job)
