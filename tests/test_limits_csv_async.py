"""CSV import: one summary notification per import; large files imported by a worker through the outbox.

A large file is stored as an import job, its outbox message written in the upload's transaction
(tests/test_limit_import_jobs.py tests the job itself); messages queued before jobs existed carry the
file in their payload and are still carried out once.
"""

import io

import pytest

from buyers.models import Buyer
from core import outbox, webhooks
from core.models import Notification, OutboxMessage, WebhookDelivery
from limits.bulk import jobs as bulk_jobs
from limits.models import CreditLimit, LimitImportJob
from limits.tasks import import_limit_requests_csv
from tests.limit_factories import in_force_policy

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

HEADER = "policy_number,buyer_country,buyer_registration_number,amount,currency,terms_days,reference"
SUMMARY = "limits.csv_import"


@pytest.fixture
def policy(tenant):
    return in_force_policy(tenant, "KR-ASYNC-001")


@pytest.fixture
def outsider_policy(other_tenant):
    return in_force_policy(other_tenant, "KR-ASYNC-OUT")


@pytest.fixture
def buyers():
    return [
        Buyer.objects.create(legal_name=f"Comprador {n} Lda", country="PT", registration_number=f"PT{n:09d}",
                             grade=2, status="confirmed")
        for n in range(1, 6)
    ]


@pytest.fixture(autouse=True)
def _small_sync_limit(settings):
    settings.LIMITS_CSV_SYNC_MAX_ROWS = 3


def csv_bytes(*lines) -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


# Grade 2 buyers: up to 50,000 EUR decided at once by the default matrix, above it referred.
FIVE_ROWS = tuple(
    f"KR-ASYNC-001,PT,PT{n:09d},{40000 if n % 2 else 60000},EUR,90,{'' if n == 5 else f'Q-{n}'}"
    for n in range(1, 6)
)


def upload(client, content, mode="valid_rows", name="limits.csv"):
    file = io.BytesIO(content)
    file.name = name
    return client.post("/limits/import/", {"file": file, "mode": mode})


def summaries(tenant):
    return list(Notification.objects.filter(tenant=tenant, event=SUMMARY))


def queued_messages():
    return list(OutboxMessage.objects.filter(task_name__in=[bulk_jobs.QUEUED_IMPORT_TASK, bulk_jobs.IMPORT_JOB_TASK]))


# Small files: imported at once, one summary


def test_a_small_import_sends_one_summary_to_the_uploader(client_of_user, user, tenant, policy, buyers,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client_of_user, csv_bytes(*FIVE_ROWS[:3]))
    assert response.status_code == 200 and response.context["result"].created == 3
    assert not queued_messages()
    (summary,) = summaries(tenant)
    assert summary.recipient == user
    assert summary.subject == "Import of limits.csv: requests created: 3; rows with errors: 0"
    assert "Decided at once: 2. Waiting for an underwriter: 1." in summary.body


def test_rows_decided_at_once_send_no_notice_of_their_own_but_each_its_webhook(tenant, user, policy, buyers):
    webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://erp.example/h", events=["limit.decided"])
    three_within_the_matrix = [f"KR-ASYNC-001,PT,PT{n:09d},40000,EUR,90,W-{n}" for n in range(1, 4)]
    started = bulk_jobs.start_import(tenant=tenant, requested_by=user, file=csv_bytes(*three_within_the_matrix),
                                     mode="all_or_nothing", filename="auto.csv")
    assert (started.result.created, started.result.decided) == (3, 3)
    (only,) = Notification.objects.filter(tenant=tenant)
    assert only.event == SUMMARY
    deliveries = WebhookDelivery.objects.filter(tenant=tenant, event="limit.decided")
    assert sorted(d.payload["limit_id"] for d in deliveries) == sorted(
        limit.pk for limit in started.result.created_limits
    )


def test_the_summary_lists_the_rows_with_errors(tenant, user, policy, buyers):
    content = csv_bytes(FIVE_ROWS[0], "KR-ASYNC-001,PT,PT000000002,abc,EUR,90,Q-2")
    started = bulk_jobs.start_import(tenant=tenant, requested_by=user, file=content, mode="valid_rows",
                                     filename="mixed.csv")
    assert started.result.created == 1
    (summary,) = summaries(tenant)
    assert summary.subject == "Import of mixed.csv: requests created: 1; rows with errors: 1"
    assert "Line 3, amount:" in summary.body


def test_a_file_refused_before_any_write_is_shown_at_once_and_not_announced(client_of_user, tenant, policy,
                                                                            buyers):
    bad = csv_bytes(*FIVE_ROWS[:4], "KR-ASYNC-001,PT,PT000000005,abc,EUR,90,Q-5")
    response = upload(client_of_user, bad, mode="all_or_nothing")  # five rows: over the limit, yet not queued
    assert response.context["result"].rolled_back
    assert "Import queued" not in response.content.decode()
    assert not queued_messages() and not summaries(tenant) and not CreditLimit.objects.exists()


# Large files: queued through the outbox, imported by the worker


def test_a_large_import_is_queued_with_the_upload_and_the_worker_imports_it(
    client_of_user, user, tenant, policy, buyers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = upload(client_of_user, csv_bytes(*FIVE_ROWS))
    (job,) = LimitImportJob.objects.filter(tenant=tenant)
    assert response.status_code == 302 and response["Location"] == f"/limits/import/jobs/{job.pk}/"
    (message,) = OutboxMessage.objects.filter(task_name=bulk_jobs.IMPORT_JOB_TASK)
    assert message.payload == {"job_id": job.pk}
    assert not CreditLimit.objects.exists() and not summaries(tenant)
    assert len(callbacks) == 1  # the hand-over to Celery waits for the commit

    with django_capture_on_commit_callbacks(execute=True):  # Celery is eager: the job's task runs on commit
        assert outbox.process(message_id=message.pk) is True
    assert CreditLimit.objects.filter(tenant=tenant).count() == 5
    (summary,) = summaries(tenant)
    assert summary.recipient == user and "requests created: 5;" in summary.subject


def test_end_to_end_through_celery(client_of_user, tenant, policy, buyers, django_capture_on_commit_callbacks):
    # Tests run Celery eagerly: the on-commit dispatch runs the worker's task in place.
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_of_user, csv_bytes(*FIVE_ROWS))
    assert CreditLimit.objects.filter(tenant=tenant).count() == 5
    assert len(summaries(tenant)) == 1
    assert OutboxMessage.objects.get(task_name=bulk_jobs.IMPORT_JOB_TASK).processed_at is not None
    assert LimitImportJob.objects.get(tenant=tenant).state == "done"


def test_a_message_queued_before_jobs_is_carried_out_once(tenant, user, policy, buyers):
    payload = {"tenant_id": tenant.pk, "requested_by_id": user.pk, "mode": "valid_rows", "import_key": "k" * 32,
               "filename": "old.csv", "csv_text": csv_bytes(*FIVE_ROWS).decode()}
    import_limit_requests_csv(**payload)
    after_first = (CreditLimit.objects.count(), Notification.objects.count())
    import_limit_requests_csv(**payload)
    assert (CreditLimit.objects.count(), Notification.objects.count()) == after_first
    assert after_first == (5, 1)  # the row without a reference too: nothing else would have stopped its twin


def test_the_worker_reads_the_file_again_against_todays_data(tenant, user, policy, buyers,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        started = bulk_jobs.start_import(tenant=tenant, requested_by=user, file=csv_bytes(*FIVE_ROWS),
                                         mode="all_or_nothing", filename="late.csv")
    assert started.job is not None
    # Meanwhile the reference Q-1 is used by a request made in the browser.
    CreditLimit.objects.create(tenant=tenant, policy=in_force_policy(tenant, "KR-ASYNC-002"), buyer=buyers[0],
                               reference="Q-1", state="pending", currency="EUR", requested_amount=1,
                               requested_terms_days=30)
    (message,) = OutboxMessage.objects.filter(task_name=bulk_jobs.IMPORT_JOB_TASK)
    with django_capture_on_commit_callbacks(execute=True):
        outbox.process(message_id=message.pk)
    assert CreditLimit.objects.count() == 1  # all or nothing: nothing from the file
    (summary,) = summaries(tenant)
    assert summary.subject == "Import of late.csv: nothing was created; rows with errors: 1"
    assert "Q-1" in summary.body


def test_a_queued_file_naming_the_outsiders_policy_gets_unknown_policy(client_of_user, tenant, policy,
                                                                       outsider_policy, buyers, other_tenant,
                                                                       django_capture_on_commit_callbacks):
    rows = [*FIVE_ROWS[:4], "KR-ASYNC-OUT,PT,PT000000005,1000,EUR,30,STOLEN"]
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_of_user, csv_bytes(*rows))
    assert not CreditLimit.objects.filter(policy=outsider_policy).exists()
    assert CreditLimit.objects.filter(tenant=tenant).count() == 4
    (summary,) = summaries(tenant)
    assert "Unknown policy KR-ASYNC-OUT" in summary.body
    assert not Notification.objects.filter(tenant=other_tenant).exists()


def test_the_outsider_never_sees_the_summary(client_of_user, client_of_outsider, tenant, policy, buyers,
                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(client_of_user, csv_bytes(*FIVE_ROWS), name="secret-book.csv")
    assert "secret-book.csv" in client_of_user.get("/account/notifications/").content.decode()
    assert "secret-book.csv" not in client_of_outsider.get("/account/notifications/").content.decode()


def test_the_default_sync_limit_is_200_rows(settings):
    del settings.LIMITS_CSV_SYNC_MAX_ROWS
    assert bulk_jobs.sync_max_rows() == 200
