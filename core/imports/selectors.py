"""Reads every import job shares: its progress as a page shows it, its row errors, the stalled jobs."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, QuerySet
from django.utils import timezone

# A job not finished whose counters have not moved for this long lost its worker: it is sent again.
STALLED_AFTER_MINUTES = 10


@dataclass(frozen=True)
class JobProgress:
    job: object
    percent: int  # of the rows done; 0 while the file is being read
    keep_polling: bool  # the page asks again until the job is finished
    errors_to_download: bool


def job_progress(*, job) -> JobProgress:
    percent = 100 if job.is_finished else (job.rows_done * 100 // job.rows_total if job.rows_total else 0)
    return JobProgress(job=job, percent=percent, keep_polling=not job.is_finished,
                       errors_to_download=job.rows_with_errors > 0 or bool(job.file_error))


def ordered_errors(errors: QuerySet) -> QuerySet:
    # The file's own problem (no line) first, on every database.
    return errors.order_by(F("line").asc(nulls_first=True), "pk")


def stalled_job_ids(model, *, older_than: timedelta) -> list[int]:
    """Unfinished jobs of `model` whose heartbeat is older than `older_than` (the sweep; across tenants)."""
    cutoff = timezone.now() - older_than
    return list(model.objects.filter(
        state__in=[model.State.QUEUED, model.State.RUNNING], updated_at__lt=cutoff,
    ).order_by("pk").values_list("pk", flat=True)[:100])
