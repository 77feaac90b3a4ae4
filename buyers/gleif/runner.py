"""The worker's side of a GLEIF import job, on the shared batch runner (core.imports.runner): the stored file
(or the CSV in its .zip) read in batches, each matched and written by apply_batch, the command's own code, in
one transaction with the job's counters; an invalid LEI or a conflict is a line of the job's issues. A killed
job resumes after its last committed batch; a finished one run again does nothing."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from buyers.gleif import events
from buyers.gleif.apply import Summary, apply_batch
from buyers.gleif.models import GleifImportIssue, GleifImportJob
from buyers.gleif.records import LEI, header_problem, opened_stream, record
from core.imports import runner as shared
from core.imports import stream
from core.tenancy import scopes_disabled


@dataclass(frozen=True)
class Issue:
    line: int
    column: str
    message: str


@dataclass
class GleifScan:
    rows: int = 0


class GleifImport(shared.BatchImport):
    job_model = GleifImportJob
    error_model = GleifImportIssue
    batch_size_setting = "GLEIF_IMPORT_BATCH_SIZE"

    def __init__(self):
        # Buyers given an LEI in this run (a dry run writes nothing, so later batches cannot see it).
        self.given_lei: set[int] = set()

    def scope(self, job):
        return scopes_disabled()  # the registry is the insurer's

    def scan(self, binary) -> GleifScan:
        """Count the records (the progress bar's total); no cap: the file is streamed, never held."""
        scan = GleifScan()
        with opened_stream(binary) as csv_binary:
            for _line, _columns, _values in stream.records(csv_binary, header_problem=header_problem):
                scan.rows += 1
        if not scan.rows:
            raise stream.FileRefused(_("The file has no rows below the header."))
        return scan

    def batches(self, binary):
        with opened_stream(binary) as csv_binary:
            yield from stream.iter_batches(csv_binary, batch_size=self.batch_size(), header_problem=header_problem)

    def check_batch(self, job, rows, scan) -> list:
        return []  # never all or nothing (the model's CHECK)

    def import_batch(self, job, rows, scan) -> shared.BatchOutcome:
        summary = Summary(given_lei=self.given_lei)
        apply_batch([record(line, values) for line, values in rows.items()], summary=summary, dry_run=job.dry_run)
        issues = [Issue(line, LEI, _("The LEI %(lei)s has wrong check digits (ISO 17442): record skipped.")
                        % {"lei": lei}) for line, lei in summary.invalid]
        issues += [Issue(line, LEI, _("The LEI %(lei)s was not added: another buyer holds it, or another record "
                                      "of this file gave this buyer an LEI (the underwriter decides).")
                         % {"lei": lei}) for line, lei in summary.conflicts]
        counts = {"buyers_updated": summary.buyers_updated, "names_updated": summary.names_updated,
                  "statuses_updated": summary.statuses_updated, "leis_added": summary.leis_added,
                  "invalid_leis": len(summary.invalid), "conflicts": len(summary.conflicts),
                  "unmatched": summary.unmatched, "lapsed_on_buyers": summary.lapsed_on_buyers}
        return shared.BatchOutcome(counts=counts, errors=sorted(issues, key=lambda issue: issue.line))

    def announce(self, job) -> None:
        events.announce_finished(job=job)


def run_gleif_job(*, job_id: int) -> GleifImportJob | None:
    """Import the job's file from its last committed batch on; None when it had already finished."""
    return shared.run_job(GleifImport(), job_id=job_id)
