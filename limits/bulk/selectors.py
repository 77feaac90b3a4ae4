"""Reads on limit import jobs, already scoped to the tenant, and what their pages may offer."""

from datetime import timedelta

from django.db.models import QuerySet

from core.imports.selectors import (
    STALLED_AFTER_MINUTES,
    JobProgress,
    job_progress,
    ordered_errors,
    stalled_job_ids,
)
from limits.bulk.job_models import LimitImportError, LimitImportJob

__all__ = ["STALLED_AFTER_MINUTES", "JobProgress", "job_progress", "import_jobs_for_tenant", "import_job",
           "import_errors", "stalled_import_job_ids"]


def import_jobs_for_tenant(*, tenant) -> QuerySet[LimitImportJob]:
    return LimitImportJob.objects.filter(tenant=tenant).select_related("requested_by")


def import_job(*, tenant, pk: int) -> LimitImportJob:
    """One of the tenant's jobs (raises DoesNotExist for another tenant's)."""
    return import_jobs_for_tenant(tenant=tenant).get(pk=pk)


def import_errors(*, job: LimitImportJob) -> QuerySet[LimitImportError]:
    return ordered_errors(LimitImportError.objects.filter(tenant_id=job.tenant_id, job=job))


def stalled_import_job_ids(*, older_than: timedelta) -> list[int]:
    """Across tenants (the sweep): unfinished jobs whose heartbeat is older than `older_than`."""
    return stalled_job_ids(LimitImportJob, older_than=older_than)
