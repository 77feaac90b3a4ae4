from celery import shared_task
from django_scopes import scopes_disabled

from policies.proposals.services import expire_quotes as expire_lapsed_quotes


@shared_task
def expire_quotes() -> dict:
    """Daily (Celery beat): offered quotes past their validity become expired and their proposals go back to the
    underwriter. Safe to run twice: the second run finds none."""
    with scopes_disabled():
        return {"expired": expire_lapsed_quotes()}
