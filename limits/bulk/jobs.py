"""CSV imports of limit requests: a small file imported at once, a large one stored and imported by a worker.

A small file is imported in the upload's request (decoded and resolved by `parse_limit_requests`, imported
by limits.bulk.importer). A larger one (more than `sync_max_rows()` rows, or over the 2 MB read in a
request, up to 50 MB and 100,000 rows) is stored as a LimitImportJob with an outbox message written in the
same transaction; a worker imports it in batches (limits.bulk.runner) while the uploader watches its
progress page. Either way the uploader gets one summary for the whole file, never one notice per row.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Tenant
from core.imports.jobs import store_job
from core.models import Notification
from limits.bulk import stream
from limits.bulk.csv_decode import MAX_BYTES, _header_problem, parse_limit_requests, read_bytes
from limits.bulk.importer import import_and_notify, import_limit_requests, summary_dedup_key
from limits.bulk.job_models import LimitImportJob
from limits.bulk.rows import MAX_ROWS, MODE_ALL_OR_NOTHING, MODES, ImportPreview, ImportResult, RowError

# Above this many rows the browser request would wait too long: a worker imports the file
# (settings.LIMITS_CSV_SYNC_MAX_ROWS overrides it).
SYNC_MAX_ROWS = 200
# The outbox handlers' names (limits.tasks): queued messages carry them, so they never change.
QUEUED_IMPORT_TASK = "limits.import_limit_requests_csv"  # the file in the payload (messages queued before jobs)
IMPORT_JOB_TASK = "limits.run_limit_import_job"


def sync_max_rows() -> int:
    return getattr(settings, "LIMITS_CSV_SYNC_MAX_ROWS", SYNC_MAX_ROWS)


@dataclass(frozen=True)
class ImportStart:
    result: ImportResult | None = None  # imported now, or refused before any write
    job: LimitImportJob | None = None  # the queued job, whose page shows its progress


def _size(file) -> int:
    if isinstance(file, str):
        return len(file.encode("utf-8"))
    if isinstance(file, bytes | bytearray):
        return len(file)
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    return size


def _refused(mode: str, message: str) -> ImportStart:
    return ImportStart(result=ImportResult(mode=mode, errors=[RowError(line=None, column=None, message=message)]))


def _data_lines(raw: bytes) -> int:
    # An upper bound of the rows (blank lines and quoted line breaks count too): enough to choose the path.
    return max(raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1) - 1, 0)


def start_import(*, tenant, requested_by, file, mode: str, filename: str = "",
                 today: date | None = None, background: bool = False) -> ImportStart:
    """Import a small file at once; store a large one as a job for a worker (outbox).

    background=True: always a job, whatever the size (the API answers every upload with its job).
    """
    if mode not in MODES:
        raise ValueError(f"Unknown import mode {mode!r}")
    size = _size(file)
    if size > stream.max_job_bytes():
        return _refused(mode, _("The file is larger than %(size)s MB: split it into smaller files.")
                        % {"size": stream.max_job_bytes() // (1024 * 1024)})
    if size > MAX_BYTES or background:
        return _start_job(tenant=tenant, requested_by=requested_by, file=file, mode=mode, filename=filename)
    raw, error = read_bytes(file)
    if error is None and _data_lines(raw) > MAX_ROWS:
        return _start_job(tenant=tenant, requested_by=requested_by, file=raw, mode=mode, filename=filename)
    preview = ImportPreview(file_errors=[error]) if error else parse_limit_requests(tenant=tenant, file=raw, today=today)
    if preview.file_errors or not preview.rows or (mode == MODE_ALL_OR_NOTHING and preview.has_errors):
        # Refused before any write, whatever the size: the page shows why at once, nothing to announce.
        return ImportStart(result=import_limit_requests(
            tenant=tenant, requested_by=requested_by, preview=preview, mode=mode, today=today
        ))
    if len(preview.rows) <= sync_max_rows():
        return ImportStart(result=import_and_notify(
            tenant=tenant, requested_by=requested_by, preview=preview, mode=mode, import_key=uuid.uuid4().hex,
            filename=filename, today=today,
        ))
    return _start_job(tenant=tenant, requested_by=requested_by, file=raw, mode=mode, filename=filename)


def _start_job(*, tenant, requested_by, file, mode: str, filename: str) -> ImportStart:
    """Store the file and queue its job; a file whose header is wrong is refused at once, nothing stored."""
    job = LimitImportJob(tenant=tenant, requested_by=requested_by, mode=mode, filename=filename[:200])
    try:
        store_job(job, file=file, filename=filename, task_name=IMPORT_JOB_TASK, header_problem=_header_problem)
    except stream.FileRefused as exc:
        return _refused(mode, exc.message)
    return ImportStart(job=job)


def run_queued_import(*, tenant, requested_by, csv_text: str, mode: str, import_key: str,
                      filename: str = "") -> ImportResult | None:
    """The worker's side of `start_import`. None when this import already ran (its summary exists).

    The file is read again: policies, buyers and references may have changed since the upload.
    """
    with transaction.atomic():
        # Two runs of one import wait for each other here, so the second finds the first's summary.
        Tenant.objects.select_for_update().filter(pk=tenant.pk).first()
        if Notification.objects.filter(tenant=tenant, dedup_key=summary_dedup_key(import_key)).exists():
            return None
        preview = parse_limit_requests(tenant=tenant, file=csv_text)
        return import_and_notify(tenant=tenant, requested_by=requested_by, preview=preview, mode=mode,
                                 import_key=import_key, filename=filename)
