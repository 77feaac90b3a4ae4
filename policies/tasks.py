from celery import shared_task
from django_scopes import scopes_disabled

from policies.premium.services import run_premium_job


@shared_task
def premium_reminders_and_adjustments() -> dict:
    """Daily (Celery beat): reminds Finance of missing turnover declarations and settles ended policy
    periods (minimum-premium adjustment). Safe to run twice: the second run creates and notifies nothing."""
    with scopes_disabled():
        result = run_premium_job()
    return {"reminded": result.reminded, "settled": result.settled}


@shared_task
def premium_invoices() -> dict:
    """Daily (Celery beat): premium deposits and period-end adjustments invoiced, unpaid invoices reminded, cover
    suspended when the notice runs out (policies.premium.invoices, .suspension). Safe to run twice."""
    from policies.premium.invoices import run_invoice_job

    with scopes_disabled():
        return run_invoice_job()
from policies.proposals.tasks import expire_quotes  # noqa: E402,F401  (found by Celery with this module)
