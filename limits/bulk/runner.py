"""The worker's side of a limit import job, run by the shared batch runner (core.imports.runner).

Each batch: its rows resolved (limits.bulk.resolve, a constant number of queries per batch), its valid
requests written in bulk (limits.bulk.writer); the runner commits it with its row errors and the job's
counters, resumes after the last committed batch, and checks every batch first for all or nothing.
"""

from datetime import date

from django.conf import settings
from django.utils import timezone

from core.imports import runner as shared
from core.tenancy import tenant_scope
from limits.bulk import stream
from limits.bulk.import_events import announce_finished
from limits.bulk.job_models import LimitImportError, LimitImportJob
from limits.bulk.resolve import resolve_rows
from limits.bulk.rows import ImportPreview, RowError
from limits.bulk.writer import ScorecardPolicies, write_batch


def batch_size() -> int:
    return getattr(settings, "LIMIT_IMPORT_BATCH_SIZE", stream.BATCH_SIZE)


class LimitImport(shared.BatchImport):
    job_model = LimitImportJob
    error_model = LimitImportError

    def __init__(self, *, today: date):
        self.today = today
        self.scorecards = ScorecardPolicies()

    def batch_size(self) -> int:
        return batch_size()

    def locked_job(self, pk: int):
        return self.job_model.objects.select_for_update(of=("self",)).select_related("tenant", "requested_by").get(pk=pk)

    def scope(self, job):
        return tenant_scope(job.tenant)

    def language(self, job) -> str:
        membership = getattr(job.requested_by, "membership", None) if job.requested_by_id else None
        return (membership.language if membership else "") or job.tenant.language or settings.LANGUAGE_CODE

    def scan(self, binary):
        return stream.scan_file(binary)

    def batches(self, binary):
        return stream.iter_batches(binary, batch_size=self.batch_size())

    def check_batch(self, job, rows, scan) -> list:
        return _resolved(job, rows, scan, today=self.today).errors

    def import_batch(self, job, rows, scan) -> shared.BatchOutcome:
        preview = _resolved(job, rows, scan, today=self.today)
        valid = preview.valid_rows
        # `write_batch` looked up here, when called: the crash tests replace it.
        outcome = write_batch(tenant=job.tenant, requested_by=job.requested_by, rows=valid, today=self.today,
                              scorecards=self.scorecards) if valid else None
        counts = {"created": outcome.created, "decided": outcome.decided, "referred": outcome.referred} \
            if outcome else {}
        return shared.BatchOutcome(counts=counts, errors=[*preview.errors, *(outcome.errors if outcome else ())])

    def error_fields(self, job) -> dict:
        return {"tenant_id": job.tenant_id}

    def announce(self, job) -> None:
        announce_finished(job=job)


def run_import_job(*, job_id: int, today: date | None = None) -> LimitImportJob | None:
    """Import the job's file from its last committed batch on; None when it had already finished."""
    return shared.run_job(LimitImport(today=today or timezone.localdate()), job_id=job_id)


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
