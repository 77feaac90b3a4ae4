"""Celery beat's schedule: every periodic job, when it runs and why it may run again safely.

Read by config/settings.py (CELERY_BEAT_SCHEDULE); django-celery-beat copies it into the database, where staff
may change the times in the admin.
"""

from celery.schedules import crontab

CELERY_BEAT_SCHEDULE = {
    # Re-sends outbox messages whose on-commit dispatch failed (broker down).
    "dispatch-outbox": {"task": "core.tasks.dispatch_pending_outbox", "schedule": 60.0},
    # domain.md, Review: expiries, review dates, grade deterioration; idempotent.
    "review-limits": {"task": "limits.tasks.review_limits", "schedule": crontab(hour=2, minute=30)},
    "purge-idempotency-keys": {"task": "core.tasks.purge_idempotency_keys", "schedule": crontab(hour=3, minute=0)},
    # Webhook deliveries whose backoff has elapsed; each run works through the due ones.
    "retry-due-webhooks": {"task": "core.tasks.retry_due_webhooks", "schedule": 60.0},
    # Overdue and claim deadlines: reminders and flags, once each (domain.md, Overdues and Claims).
    "claim-deadlines": {"task": "claims.tasks.remind_claim_deadlines", "schedule": crontab(hour=6, minute=0)},
    # Payment experience per buyer from every insured's paid invoices (buyers.PaymentExperience); idempotent.
    "payment-experience": {"task": "claims.tasks.refresh_payment_experience", "schedule": crontab(hour=1, minute=30)},
    # domain.md, Premium: missing turnover declarations, minimum-premium adjustment at period end; idempotent.
    "premium-reminders-and-adjustments": {"task": "policies.tasks.premium_reminders_and_adjustments",
                                          "schedule": crontab(hour=5, minute=0)},
    # domain.md, Premium (example 18): deposits and adjustments invoiced, reminders, suspensions; idempotent.
    "premium-invoices": {"task": "policies.tasks.premium_invoices", "schedule": crontab(hour=5, minute=20)},
    # Quotes offered past their validity are expired, their proposals back with the underwriter; idempotent.
    "expire-quotes": {"task": "policies.proposals.tasks.expire_quotes", "schedule": crontab(hour=0, minute=20)},
    # domain.md, example 17: the profit share of each settled period, credited once.
    "profit-shares": {"task": "claims.tasks.credit_profit_shares", "schedule": crontab(hour=5, minute=40)},
    # domain.md, The policy's life: renewal offers before a period ends, ended periods and policy statuses.
    "renew-policies": {"task": "claims.tasks.renew_policies", "schedule": crontab(hour=4, minute=40)},
    # Credit-limit fees of each ended month, invoiced once (limits.fees).
    "credit-limit-fees": {"task": "limits.tasks.credit_limit_fees", "schedule": crontab(hour=5, minute=10)},
    # Early warnings on buyers (buyers.monitoring): after the payment experience and the limit review; idempotent.
    "early-warnings": {"task": "buyers.tasks.raise_early_warnings", "schedule": crontab(hour=2, minute=45)},
    # Limit import jobs whose hand-over to a worker was lost or whose worker died: resumed from their last batch.
    "resume-stalled-limit-imports": {"task": "limits.tasks.resume_stalled_limit_imports", "schedule": 300.0},
    # The same for the insurer's buyer imports (buyers.imports).
    "resume-stalled-buyer-imports": {"task": "buyers.tasks.resume_stalled_buyer_imports", "schedule": 300.0},
    "resume-stalled-gleif-imports": {"task": "buyers.tasks.resume_stalled_gleif_imports", "schedule": 300.0},
}
