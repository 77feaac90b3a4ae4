from celery import shared_task
from django_scopes import scopes_disabled

from claims.reminders import run_claim_deadlines


@shared_task
def remind_claim_deadlines() -> dict:
    """Daily (Celery beat). Safe to run twice: every reminder is keyed by its deadline."""
    with scopes_disabled():
        result = run_claim_deadlines()
    return {"window_opened": len(result.window_opened), "filing_deadline": len(result.filing_deadline),
            "payment_late": len(result.payment_late), "notification_deadline": len(result.notification_deadline),
            "extension_ended": len(result.extension_ended)}


@shared_task
def credit_profit_shares() -> dict:
    """Daily (Celery beat), after the premium job: each settled policy period's profit share credited once."""
    from claims.profit_share import run_profit_share_job

    with scopes_disabled():
        return {"credited": run_profit_share_job()}


@shared_task
def refresh_payment_experience() -> dict:
    """Nightly (Celery beat): the insurer's payment experience per buyer from every insured's paid invoices.
    Safe to run twice: it rewrites the same rows."""
    from claims.overdues.payment_experience import refresh_payment_experience as refresh

    with scopes_disabled():
        return {"buyers": refresh()}


@shared_task
def renew_policies() -> dict:
    """Daily (Celery beat): renewal offers for periods ending within their offer days (through the outbox), ended
    periods closed and policy statuses set (claims.renewals). Safe to run twice."""
    from claims.renewals import run_renewal_job

    with scopes_disabled():
        return run_renewal_job()
