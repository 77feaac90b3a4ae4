import logging
from datetime import timedelta

from celery import shared_task
from django.db import transaction

from buyers.gleif import jobs as gleif_jobs
from buyers.gleif.models import GleifImportJob
from buyers.gleif.runner import run_gleif_job
from buyers.imports import jobs
from buyers.imports.runner import run_import_job
from buyers.imports.selectors import stalled_buyer_import_ids
from buyers.monitoring.job import run_early_warnings
from core.imports.selectors import STALLED_AFTER_MINUTES, stalled_job_ids
from core.outbox import outbox_handler
from core.tenancy import scopes_disabled

log = logging.getLogger(__name__)


@outbox_handler(jobs.IMPORT_JOB_TASK)
def start_buyer_import_job(*, job_id: int) -> None:
    """Hand the stored job to a task of its own once the upload's message is done (the import commits batch
    by batch, so it runs after the outbox handler's transaction). A lost hand-over: the sweep sends it again."""
    transaction.on_commit(lambda: _send_import_job(job_id))


def _send_import_job(job_id: int) -> None:
    try:
        run_buyer_import_job.apply_async(args=[job_id], ignore_result=True)
    except Exception as exc:  # broker unreachable: the stalled-job sweep sends it later
        log.warning("buyer import job %s not dispatched: %s", job_id, exc)


@shared_task(acks_late=True)
def run_buyer_import_job(job_id: int) -> None:
    """Safe to run twice and to run again after a crash: the job resumes after its last committed batch."""
    with scopes_disabled():
        run_import_job(job_id=job_id)


@shared_task
def resume_stalled_buyer_imports() -> int:
    """Beat: buyer imports not finished whose worker has not moved them on for a while."""
    with scopes_disabled():
        job_ids = stalled_buyer_import_ids(older_than=timedelta(minutes=STALLED_AFTER_MINUTES))
    for job_id in job_ids:
        _send_import_job(job_id)
    return len(job_ids)


@outbox_handler(gleif_jobs.GLEIF_JOB_TASK)
def start_gleif_import_job(*, job_id: int) -> None:
    """As a buyer import's: the job's own task once the upload's message is done."""
    transaction.on_commit(lambda: _send_gleif_job(job_id))


def _send_gleif_job(job_id: int) -> None:
    try:
        run_gleif_import_job.apply_async(args=[job_id], ignore_result=True)
    except Exception as exc:  # broker unreachable: the stalled-job sweep sends it later
        log.warning("GLEIF import job %s not dispatched: %s", job_id, exc)


@shared_task(acks_late=True)
def run_gleif_import_job(job_id: int) -> None:
    """Safe to run twice and after a crash: the job resumes after its last committed batch."""
    with scopes_disabled():
        run_gleif_job(job_id=job_id)


@shared_task
def resume_stalled_gleif_imports() -> int:
    """Beat: GLEIF imports not finished whose worker has not moved them on for a while."""
    with scopes_disabled():
        job_ids = stalled_job_ids(GleifImportJob, older_than=timedelta(minutes=STALLED_AFTER_MINUTES))
    for job_id in job_ids:
        _send_gleif_job(job_id)
    return len(job_ids)


@shared_task
def raise_early_warnings() -> dict:
    """Daily (Celery beat). Safe to run twice: an alert is raised once per cause (a UNIQUE key), its notice and
    webhook go through the outbox with it."""
    with scopes_disabled():
        return run_early_warnings().raised
