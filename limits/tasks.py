from celery import shared_task
from django.contrib.auth import get_user_model
from django_scopes import scopes_disabled

from accounts.models import Tenant
from core.outbox import outbox_handler
from core.tenancy import tenant_scope
from limits.bulk import jobs as bulk_jobs
from limits.review import run_limit_review


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
