"""Reads on buyer import jobs (the insurer's: no tenant's), and what their pages may offer."""

from datetime import timedelta

from django.db.models import QuerySet

from buyers.imports.models import BuyerImportError, BuyerImportJob
from core.imports.selectors import job_progress, ordered_errors, stalled_job_ids

__all__ = ["buyer_import_job", "buyer_import_errors", "job_progress", "stalled_buyer_import_ids"]


def buyer_import_job(*, pk: int) -> BuyerImportJob:
    return BuyerImportJob.objects.select_related("requested_by").get(pk=pk)


def buyer_import_errors(*, job: BuyerImportJob) -> QuerySet[BuyerImportError]:
    return ordered_errors(BuyerImportError.objects.filter(job=job))


def stalled_buyer_import_ids(*, older_than: timedelta) -> list[int]:
    return stalled_job_ids(BuyerImportJob, older_than=older_than)
