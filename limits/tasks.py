import logging
from datetime import timedelta

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import transaction
from django_scopes import scopes_disabled

from accounts.models import Tenant
from core.outbox import outbox_handler
from core.tenancy import tenant_scope
from limits.bulk import jobs as bulk_jobs
from limits.bulk.runner import run_import_job
from limits.bulk.selectors import STALLED_AFTER_MINUTES, stalled_import_job_ids
from limits.review import run_limit_review

log = logging.getLogger(__name__)


@shared_task
def review_limits() -> dict:
    """Daily (Celery beat). Safe to run twice: the second run changes nothing."""
    with scopes_disabled():
        result = run_limit_review()
    return {"expired": len(result.expired), "under_review": len(result.put_under_review)}


@outbox_handler(bulk_jobs.QUEUED_IMPORT_TASK)
def import_limit_requests_csv(*, tenant_id: int, requested_by_id: int, mode: str, import_key: str,
                              csv_text: str, filename: str = "") -> None:
    """A large CSV import queued by the upload page. Safe to run twice: the import key is checked first."""
    tenant = Tenant.objects.get(pk=tenant_id)
    requested_by = get_user_model().objects.get(pk=requested_by_id)
    with tenant_scope(tenant):
        bulk_jobs.run_queued_import(tenant=tenant, requested_by=requested_by, csv_text=csv_text, mode=mode,
                                    import_key=import_key, filename=filename)


@shared_task
def credit_limit_fees() -> dict:
    """Daily (Celery beat): each ended month's credit-limit fees invoiced once (limits.fees)."""
    from limits.fees import run_credit_limit_fees

    with scopes_disabled():
        return {"invoiced": run_credit_limit_fees()}


@outbox_handler(bulk_jobs.IMPORT_JOB_TASK)
def start_limit_import_job(*, job_id: int) -> None:
    """Hand the stored job to a task of its own once the upload's message is done.

    The outbox runs a handler inside one transaction; the import commits batch by batch (its progress is
    read while it runs, and a crash resumes after the last batch), so it runs after that transaction, as a
    task. Should that hand-over be lost, `resume_stalled_limit_imports` sends the job again.
    """
    transaction.on_commit(lambda: _send_import_job(job_id))


def _send_import_job(job_id: int) -> None:
    try:
        run_limit_import_job.apply_async(args=[job_id], ignore_result=True)
    except Exception as exc:  # broker unreachable: the stalled-job sweep sends it later
        log.warning("limit import job %s not dispatched: %s", job_id, exc)


@shared_task(acks_late=True)
def run_limit_import_job(job_id: int) -> None:
    """Safe to run twice and to run again after a crash: the job resumes after its last committed batch."""
    with scopes_disabled():
        run_import_job(job_id=job_id)


@shared_task
def resume_stalled_limit_imports() -> int:
    """Beat: jobs not finished whose worker has not moved them on for a while (lost hand-over, dead worker)."""
    with scopes_disabled():
        job_ids = stalled_import_job_ids(older_than=timedelta(minutes=STALLED_AFTER_MINUTES))
    for job_id in job_ids:
        _send_import_job(job_id)
    return len(job_ids)
