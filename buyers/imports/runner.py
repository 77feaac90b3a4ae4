"""The worker's side of a buyer import job, run by the shared batch runner (core.imports.runner): each batch's
rows checked (buyers.imports.rows), matched by identifiers (resolve) and written in bulk (writer)."""


from django.utils import timezone

from buyers.imports import events
from buyers.imports.models import BuyerImportError, BuyerImportJob
from buyers.imports.resolve import resolve_batch
from buyers.imports.rows import BuyerRow, RowChecks, RowError, header_problem, parse_row
from buyers.imports.scan import Scan, scan_file
from buyers.imports.writer import write_batch
from core.imports import runner as shared
from core.imports import stream
from core.tenancy import scopes_disabled


class BuyerImport(shared.BatchImport):
    job_model = BuyerImportJob
    error_model = BuyerImportError
    batch_size_setting = "BUYER_IMPORT_BATCH_SIZE"

    def __init__(self, *, today=None):
        self.today = today or timezone.localdate()
        self.checks = RowChecks()  # per job: its messages are in the job's language

    def scope(self, job):
        # The registry is the insurer's, shared by every insured: no tenant's scope.
        return scopes_disabled()

    def scan(self, binary) -> Scan:
        return scan_file(binary)

    def batches(self, binary):
        return stream.iter_batches(binary, batch_size=self.batch_size(), header_problem=header_problem)

    def _checked(self, rows: dict, scan: Scan) -> tuple[list[BuyerRow], list[RowError]]:
        parsed = [parse_row(line, values, self.checks) for line, values in rows.items()]
        errors = [error for row in parsed for error in (*scan.row_errors.get(row.line, ()), *row.errors)]
        wrong = {error.line for error in errors}
        return [row for row in parsed if row.line not in wrong], errors

    def check_batch(self, job, rows, scan) -> list:
        valid, errors = self._checked(rows, scan)
        return [*errors, *resolve_batch(valid).errors]

    def import_batch(self, job, rows, scan) -> shared.BatchOutcome:
        valid, errors = self._checked(rows, scan)
        resolved = resolve_batch(valid)
        written = write_batch(resolved=resolved, requested_by=job.requested_by, filename=job.filename,
                              today=self.today)
        return shared.BatchOutcome(counts={"created": written.created, "updated": written.updated},
                                   errors=sorted([*errors, *resolved.errors], key=lambda error: error.line or 0))

    def announce(self, job) -> None:
        events.announce_finished(job=job)


def run_import_job(*, job_id: int, today=None) -> BuyerImportJob | None:
    """Import the job's file from its last committed batch on; None when it had already finished."""
    return shared.run_job(BuyerImport(today=today), job_id=job_id)
