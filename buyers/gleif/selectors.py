"""Reads on GLEIF import jobs (the insurer's: no tenant's)."""

from django.db.models import QuerySet

from buyers.gleif.models import GleifImportIssue, GleifImportJob
from core.imports.selectors import job_progress, ordered_errors

__all__ = ["gleif_import_job", "gleif_import_issues", "job_progress"]


def gleif_import_job(*, pk: int) -> GleifImportJob:
    return GleifImportJob.objects.select_related("requested_by").get(pk=pk)


def gleif_import_issues(*, job: GleifImportJob) -> QuerySet[GleifImportIssue]:
    return ordered_errors(GleifImportIssue.objects.filter(job=job))
