"""A buyer file uploaded by an underwriter: stored as a job and queued through the outbox (always in the
background, whatever its size: 100,000 rows are minutes of work for a request)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from buyers.imports.models import BuyerImportJob
from buyers.imports.rows import header_problem
from core.imports import stream
from core.imports.jobs import store_job

# The outbox handler's name (buyers.tasks): queued messages carry it, so it never changes.
IMPORT_JOB_TASK = "buyers.run_buyer_import_job"


@dataclass(frozen=True)
class ImportStart:
    job: BuyerImportJob | None = None
    refused: str = ""  # why the file was refused at once (nothing stored)


def _size(file) -> int:
    if isinstance(file, str | bytes | bytearray):
        return len(file.encode("utf-8") if isinstance(file, str) else file)
    return file.size


def start_buyer_import(*, requested_by, file, mode: str = BuyerImportJob.Mode.VALID_ROWS,
                       filename: str = "") -> ImportStart:
    if mode not in BuyerImportJob.Mode.values:
        raise ValueError(f"Unknown import mode {mode!r}")
    if _size(file) > stream.max_job_bytes():
        return ImportStart(refused=_("The file is larger than %(size)s MB: split it into smaller files.")
                           % {"size": stream.max_job_bytes() // (1024 * 1024)})
    job = BuyerImportJob(requested_by=requested_by, mode=mode, filename=filename[:200])
    try:
        store_job(job, file=file, filename=filename, task_name=IMPORT_JOB_TASK, header_problem=header_problem)
    except stream.FileRefused as exc:
        return ImportStart(refused=exc.message)
    return ImportStart(job=job)
