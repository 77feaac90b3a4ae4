"""Every Celery entry point and command enters its own scope, as a worker starts with none.

Set-up runs like a job (unscoped); each body runs with scopes enabled and no scope at all (`no_scope`), so an
entry point that forgot `scopes_disabled()` or the tenant's scope raises ScopeError here. What the body checks
in the database it reads explicitly unscoped.
"""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from claims.tasks import remind_claim_deadlines
from core import notifications
from core.models import IdempotencyKey, Notification, OutboxMessage
from core.tasks import (
    dispatch_pending_outbox,
    process_outbox_message,
    purge_idempotency_keys,
    retry_due_webhooks,
)
from limits.bulk import jobs as bulk_jobs
from limits.models import CreditLimit
from limits.tasks import review_limits, run_limit_import_job
from tests.limit_factories import csv_buyer, in_force_policy, make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]


def test_the_review_job_expires_every_insureds_limits(tenant, policy, outsider_policy, no_scope):
    buyer = csv_buyer("PT000000001")
    ours = make_limit(policy, buyer, expiry_date=date(2020, 1, 1))
    theirs = make_limit(outsider_policy, buyer, expiry_date=date(2020, 1, 1))
    assert review_limits.apply().get() == {"expired": 2, "under_review": 0}
    with scopes_disabled():
        states = set(CreditLimit.objects.filter(pk__in=[ours.pk, theirs.pk]).values_list("state", flat=True))
    assert states == {CreditLimit.State.EXPIRED}


def test_the_claim_deadlines_job_reads_every_tenant(tenant, no_scope):
    result = remind_claim_deadlines.apply().get()
    assert set(result) == {"window_opened", "filing_deadline", "payment_late", "notification_deadline",
                           "extension_ended"}


def test_the_queued_limit_import_runs_in_its_tenant(client_of_user, tenant, settings,
                                                    django_capture_on_commit_callbacks, no_scope):
    settings.LIMITS_CSV_SYNC_MAX_ROWS = 1
    policy = in_force_policy(tenant, "KR-TASK-001")
    for n in (1, 2):
        csv_buyer(f"PT{n:09d}")
    file = io.BytesIO(("policy_number,buyer_country,buyer_registration_number,amount,currency,terms_days\n"
                       + "".join(f"{policy.number},PT,PT{n:09d},1000,EUR,60\n" for n in (1, 2))).encode())
    file.name = "limits.csv"
    with django_capture_on_commit_callbacks(execute=False):
        client_of_user.post("/limits/import/", {"file": file, "mode": "valid_rows"})
    with scopes_disabled():
        message = OutboxMessage.objects.get(task_name=bulk_jobs.IMPORT_JOB_TASK)
    run_limit_import_job(message.payload["job_id"])  # the task the outbox handler hands the job to
    with scopes_disabled():
        assert CreditLimit.objects.filter(tenant=tenant, policy=policy).count() == 2
        assert not CreditLimit.objects.exclude(tenant=tenant).exists()  # nothing for another insured


def test_the_outbox_jobs_send_a_tenants_notice(tenant, user, no_scope):
    with scopes_disabled():
        notifications.notify(tenant=tenant, event="limit.decided", dedup_key="task:1", subject="Decided")
        message = OutboxMessage.objects.get()
        OutboxMessage.objects.update(created_at=message.created_at - timedelta(days=1))
    mail.outbox.clear()
    assert process_outbox_message.apply(args=[message.pk]).get() is not None
    assert len(mail.outbox) == 1
    assert dispatch_pending_outbox.apply().get() == 0  # nothing left pending
    with scopes_disabled():
        assert Notification.objects.get().emailed_at is not None


def test_the_webhook_retry_and_idempotency_purge_jobs(tenant, no_scope):
    with scopes_disabled():
        IdempotencyKey.objects.create(tenant=tenant, key="old", method="POST", path="/api/v1/limits/",
                                      request_fingerprint="x", response_status=201, response_body={})
        IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(days=30))
    assert retry_due_webhooks.apply().get() == 0
    assert purge_idempotency_keys.apply().get() == 1


def test_seed_demo_runs_from_a_shell_with_no_scope(settings, tmp_path, no_scope):
    call_command("seed_demo", stdout=io.StringIO())
    with scopes_disabled():
        assert CreditLimit.objects.exists()
