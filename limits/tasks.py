from celery import shared_task
from django_scopes import scopes_disabled

from limits.review import run_limit_review


@shared_task
def review_limits() -> dict:
    """Daily (Celery beat). Safe to run twice: the second run changes nothing."""
    with scopes_disabled():
        result = run_limit_review()
    return {"expired": len(result.expired), "under_review": len(result.put_under_review)}
