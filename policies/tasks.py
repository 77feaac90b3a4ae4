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
