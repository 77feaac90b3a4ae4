"""The worker's side of a limit import job: a stored file read in batches, each committed with its progress.

Every batch is one transaction: its rows resolved (limits.bulk.resolve, a constant number of queries per
batch), its valid requests written in bulk (limits.bulk.writer), its row errors stored, the job's counters
moved on. So the progress page reads committed figures, a job killed mid-way resumes after its last
committed batch, and a second run of a finished job does nothing (the job row is locked and checked first).

All or nothing: every batch is resolved first without writing; one bad row and nothing is created.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from core.tenancy import tenant_scope
from limits.bulk import stream
from limits.bulk.import_events import announce_finished
from limits.bulk.job_models import LimitImportError, LimitImportJob
from limits.bulk.resolve import resolve_rows
from limits.bulk.rows import ImportPreview, RowError
from limits.bulk.writer import ScorecardPolicies, write_batch

State = LimitImportJob.State


def batch_size() -> int:
    return getattr(settings, "LIMIT_IMPORT_BATCH_SIZE", stream.BATCH_SIZE)


def _language(job: LimitImportJob) -> str:
    # Row errors are stored as text: written in the uploader's language, as the page would show them.
    membership = getattr(job.requested_by, "membership", None) if job.requested_by_id else None
    return (membership.language if membership else "") or job.tenant.language or settings.LANGUAGE_CODE


def run_import_job(*, job_id: int, today: date | None = None) -> LimitImportJob | None:
    """Import the job's file from its last committed batch on; None when it had already finished."""
    with transaction.atomic():
        job = LimitImportJob.objects.select_for_update(of=("self",)).select_related("tenant", "requested_by").get(pk=job_id)
        if job.is_finished:
            return None
        if job.state == State.QUEUED:
            job.state, job.started_at = State.RUNNING, timezone.now()
            job.save(update_fields=["state", "started_at", "updated_at"])
    with translation.override(_language(job)), tenant_scope(job.tenant), job.file.open("rb") as binary:
        return _run(job, binary, today=today or timezone.localdate())


def _run(job: LimitImportJob, binary, *, today: date) -> LimitImportJob:
    try:
        scan = stream.scan_file(binary)
    except stream.FileRefused as exc:
        return _finish(job, file_error=exc.message)
    if job.rows_total is None:
        LimitImportJob.objects.filter(pk=job.pk).update(rows_total=scan.rows, updated_at=timezone.now())
        job.rows_total = scan.rows
    if job.mode == LimitImportJob.Mode.ALL_OR_NOTHING and not job.checked:
        if _check_every_batch(job, binary, scan, today=today):
            return _finish(job)
        LimitImportJob.objects.filter(pk=job.pk).update(checked=True, updated_at=timezone.now())
    scorecards = ScorecardPolicies()
    for index, rows in enumerate(stream.iter_batches(binary, batch_size=batch_size())):
        if index < job.batches_done:
            continue  # committed by an earlier run: the resume point
        _import_batch(job, index, rows, scan, today=today, scorecards=scorecards)
    return _finish(job)


def _resolved(job, rows: dict, scan: stream.Scan, *, today: date) -> ImportPreview:
    source_errors = [error for line in rows for error in scan.row_errors.get(line, ())]
    preview = resolve_rows(tenant=job.tenant, rows=rows, today=today, source_errors=source_errors)
    for row in preview.rows:
        row.errors = _said_once(row.errors, scan.row_errors.get(row.line, ()))
    return preview


def _said_once(errors: list[RowError], from_scan) -> list[RowError]:
    """A duplicate within one batch is found by the file's scan and by the batch's own check: say it once.
    And where the scan found a field given twice in the file, the later batch's "already used" (the earlier
    line's request, committed meanwhile) says the same again: the scan's words are kept."""
    duplicated = {error.column for error in from_scan if error.column}
    seen, kept = set(), []
    for error in errors:
        own = any(error is found for found in from_scan)
        if not own and error.column in duplicated:
            continue
        if (error.column, str(error.message)) not in seen:
            seen.add((error.column, str(error.message)))
            kept.append(error)
    return kept


def _check_every_batch(job, binary, scan, *, today: date) -> bool:
    """All or nothing: resolve every batch without writing; store the errors. True when there were any."""
    errors: list[RowError] = []
    lines = set()
    for rows in stream.iter_batches(binary, batch_size=batch_size()):
        preview = _resolved(job, rows, scan, today=today)
        errors.extend(preview.errors)
        lines |= {error.line for error in preview.errors}
    if not errors:
        return False
    with transaction.atomic():
        locked = LimitImportJob.objects.select_for_update().get(pk=job.pk)
        if locked.is_finished or locked.rows_with_errors:
            return True  # another run stored them
        _store_errors(job, errors)
        LimitImportJob.objects.filter(pk=job.pk).update(rows_with_errors=len(lines), updated_at=timezone.now())
    job.rows_with_errors = len(lines)
    return True


def _store_errors(job, errors: list[RowError]) -> None:
    LimitImportError.objects.bulk_create([
        LimitImportError(tenant_id=job.tenant_id, job=job, line=error.line, column=error.column or "",
                         message=str(error.message))
        for error in errors
    ], batch_size=2000)


def _import_batch(job, index: int, rows: dict, scan, *, today: date, scorecards: ScorecardPolicies) -> None:
    with transaction.atomic():
        locked = LimitImportJob.objects.select_for_update().get(pk=job.pk)
        if locked.is_finished or locked.batches_done > index:
            return  # a second worker on the same job got here first
        preview = _resolved(job, rows, scan, today=today)
        valid = preview.valid_rows
        outcome = write_batch(tenant=job.tenant, requested_by=job.requested_by, rows=valid, today=today,
                              scorecards=scorecards) if valid else None
        errors = [*preview.errors, *(outcome.errors if outcome else ())]
        _store_errors(job, errors)
        LimitImportJob.objects.filter(pk=job.pk).update(
            batches_done=index + 1, rows_done=F("rows_done") + len(rows),
            created=F("created") + (outcome.created if outcome else 0),
            decided=F("decided") + (outcome.decided if outcome else 0),
            referred=F("referred") + (outcome.referred if outcome else 0),
            rows_with_errors=F("rows_with_errors") + len({error.line for error in errors}),
            updated_at=timezone.now(),
        )
    job.batches_done = index + 1


def _finish(job: LimitImportJob, *, file_error: str = "") -> LimitImportJob:
    with transaction.atomic():
        locked = LimitImportJob.objects.select_for_update(of=("self",)).select_related("tenant", "requested_by").get(pk=job.pk)
        if locked.is_finished:
            return locked
        if file_error:
            locked.state, locked.file_error = State.FAILED, file_error
            LimitImportError.objects.create(tenant_id=locked.tenant_id, job=locked, line=None, column="",
                                            message=file_error)
        else:
            locked.state = State.DONE
            if locked.rows_total is not None:
                locked.rows_done = locked.rows_total
        locked.finished_at = timezone.now()
        locked.save(update_fields=["state", "file_error", "rows_done", "finished_at", "updated_at"])
        announce_finished(job=locked)
    return locked
