from celery import shared_task
from django_scopes import scopes_disabled

from buyers.monitoring.job import run_early_warnings


@shared_task
def raise_early_warnings() -> dict:
    """Daily (Celery beat). Safe to run twice: an alert is raised once per cause (a UNIQUE key), its notice and
    webhook go through the outbox with it."""
    with scopes_disabled():
        return run_early_warnings().raised
