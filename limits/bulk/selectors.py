"""Reads on limit import jobs, already scoped to the tenant, and what their pages may offer."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, QuerySet
from django.utils import timezone

from limits.bulk.job_models import LimitImportError, LimitImportJob

# A job not finished whose counters have not moved for this long lost its worker: it is sent again.
STALLED_AFTER_MINUTES = 10


def import_jobs_for_tenant(*, tenant) -> QuerySet[LimitImportJob]:
    return LimitImportJob.objects.filter(tenant=tenant).select_related("requested_by")


def import_job(*, tenant, pk: int) -> LimitImportJob:
    """One of the tenant's jobs (raises DoesNotExist for another tenant's)."""
    return import_jobs_for_tenant(tenant=tenant).get(pk=pk)


def import_errors(*, job: LimitImportJob) -> QuerySet[LimitImportError]:
    # The file's own problem (no line) first, on every database.
    return LimitImportError.objects.filter(tenant_id=job.tenant_id, job=job).order_by(
        F("line").asc(nulls_first=True), "pk")


@dataclass(frozen=True)
class JobProgress:
    job: LimitImportJob
    percent: int  # of the rows done; 0 while the file is being read
    keep_polling: bool  # the page asks again until the job is finished
    errors_to_download: bool


def job_progress(*, job: LimitImportJob) -> JobProgress:
    percent = 100 if job.is_finished else (job.rows_done * 100 // job.rows_total if job.rows_total else 0)
    return JobProgress(job=job, percent=percent, keep_polling=not job.is_finished,
                       errors_to_download=job.rows_with_errors > 0 or bool(job.file_error))


def stalled_import_job_ids(*, older_than: timedelta) -> list[int]:
    """Across tenants (the sweep): unfinished jobs whose heartbeat is older than `older_than`."""
    cutoff = timezone.now() - older_than
    return list(LimitImportJob.objects.filter(
        state__in=[LimitImportJob.State.QUEUED, LimitImportJob.State.RUNNING], updated_at__lt=cutoff,
    ).order_by("pk").values_list("pk", flat=True)[:100])
