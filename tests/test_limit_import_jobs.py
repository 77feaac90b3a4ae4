"""Background limit imports (issue 11, item 4): a stored file imported in batches by a worker.

Checked against the single path (request_limit row by row, as limits.bulk.importer does): the same limits,
decisions, history rows and webhooks; errors per row in a downloadable file; progress; resume after a crash
mid-way; a second run does nothing; the outsider sees no job; the query count per batch does not grow.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from buyers.models import Buyer
from core import outbox, webhooks
from core.models import Notification, OutboxMessage, WebhookDelivery
from core.tenancy import tenant_scope
from limits.bulk import jobs as bulk_jobs
from limits.bulk import runner
from limits.bulk.csv_decode import parse_limit_requests
from limits.bulk.importer import import_limit_requests
from limits.models import CoverStop, CreditLimit, LimitDecision, LimitImportError, LimitImportJob
from tests.factories import member
from tests.limit_factories import in_force_policy, make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

HEADER = "policy_number,buyer_country,buyer_registration_number,amount,currency,terms_days,reference"


@pytest.fixture(autouse=True)
def _small_batches(settings):
    settings.LIMITS_CSV_SYNC_MAX_ROWS = 3
    settings.LIMIT_IMPORT_BATCH_SIZE = 4


@pytest.fixture
def policy(tenant):
    return in_force_policy(tenant, "KR-BULK-001")


@pytest.fixture
def buyers():
    return Buyer.objects.bulk_create([
        Buyer(legal_name=f"Comprador {n} Lda", country="PT", registration_number=f"PT{n:09d}", grade=2,
              status="confirmed")
        for n in range(1, 31)
    ])


def csv_bytes(*lines) -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def rows(count, *, policy="KR-BULK-001", first=1):
    # Grade 2: up to 50,000 EUR decided at once by the default matrix; every third row above it is referred.
    return [f"{policy},PT,PT{n:09d},{60000 if n % 3 == 0 else 40000},EUR,90,B-{n}" for n in range(first, first + count)]


def start(tenant, user, content, mode="valid_rows", filename="big.csv"):
    started = bulk_jobs.start_import(tenant=tenant, requested_by=user, file=content, mode=mode, filename=filename,
                                     background=True)
    assert started.job is not None, started.result and started.result.errors
    return started.job


def run(job):
    return runner.run_import_job(job_id=job.pk)


def fresh(job) -> LimitImportJob:
    return LimitImportJob.objects.get(pk=job.pk)


def job_errors(job):
    return [(e.line, e.column, e.message) for e in LimitImportError.objects.filter(job=job).order_by("line", "pk")]


# The job: stored, queued through the outbox, imported in batches


def test_a_large_upload_is_stored_as_a_job_queued_with_the_outbox(client_of_user, tenant, policy, buyers,
                                                                  django_capture_on_commit_callbacks):
    file = io.BytesIO(csv_bytes(*rows(10)))
    file.name = "march.csv"
    with django_capture_on_commit_callbacks(execute=False):
        response = client_of_user.post("/limits/import/", {"file": file, "mode": "valid_rows"})
    job = LimitImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/limits/import/jobs/{job.pk}/"
    assert (job.state, job.filename, job.tenant, job.rows_done) == ("queued", "march.csv", tenant, 0)
    assert job.file.read().startswith(HEADER.encode())
    (message,) = OutboxMessage.objects.filter(task_name=bulk_jobs.IMPORT_JOB_TASK)
    assert message.payload == {"job_id": job.pk}
    assert not CreditLimit.objects.exists()


def test_the_worker_imports_the_file_in_batches_and_announces_it_once(tenant, user, policy, buyers,
                                                                      django_capture_on_commit_callbacks):
    webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://erp.example/h",
                             events=["limit.decided", "import.completed"])
    job = start(tenant, user, csv_bytes(*rows(10)))
    (message,) = OutboxMessage.objects.filter(task_name=bulk_jobs.IMPORT_JOB_TASK)
    with django_capture_on_commit_callbacks(execute=True):  # Celery is eager in tests: the task runs on commit
        outbox.process(message_id=message.pk)
    job = fresh(job)
    assert (job.state, job.rows_total, job.rows_done, job.batches_done) == ("done", 10, 10, 3)
    assert (job.created, job.decided, job.referred, job.rows_with_errors) == (10, 7, 3, 0)
    assert CreditLimit.objects.filter(tenant=tenant, state="in_force").count() == 7
    assert CreditLimit.objects.filter(tenant=tenant, state="pending").count() == 3
    (summary,) = Notification.objects.filter(tenant=tenant)  # one digest, no notice per row
    assert summary.recipient == user and summary.link == f"/limits/import/jobs/{job.pk}/"
    assert summary.subject == "Import of big.csv: requests created: 10; rows with errors: 0"
    assert WebhookDelivery.objects.filter(event="limit.decided").count() == 7
    (completed,) = WebhookDelivery.objects.filter(event="import.completed")
    assert completed.payload == {
        "job_id": job.pk, "kind": "limit_requests", "state": "done", "filename": "big.csv", "mode": "valid_rows",
        "rows": 10, "created": 10, "decided": 7, "referred": 3, "rows_with_errors": 0,
        "errors_url": f"/api/v1/limit-imports/{job.pk}/errors/",
    }


# The same rows as the single path


def _book(tenant, number, buyers):
    """A policy with, on buyer 4, a limit in force the file raises, and on buyer 5 a cover stop."""
    policy = in_force_policy(tenant, number)
    make_limit(policy, buyers[3], amount=20000)
    with scopes_disabled():
        CoverStop.objects.create(tenant=tenant, policy=policy, buyer=buyers[4], reason="overdue",
                                 stopped_from=policy.start_date)
    return policy


def _file(number, prefix):
    return csv_bytes(
        f"{number},PT,PT000000001,40000,EUR,90,{prefix}-1",  # within the matrix: in force at once
        f"{number},PT,PT000000002,60000,EUR,90,{prefix}-2",  # above it: referred
        f"{number},PT,PT000000003,45000.50,EUR,60,",  # no reference
        f"{number},PT,PT000000004,30000,EUR,90,{prefix}-4",  # an increase: replaces the limit in force
        f"{number},PT,PT000000005,1000,EUR,90,{prefix}-5",  # cover stopped: referred
        f"{number},PT,PT000000006,1000,EUR,90,{prefix}-6",  # ungraded buyer: referred
    )


def _what_was_written(tenant):
    with scopes_disabled():
        limits = list(CreditLimit.objects.filter(tenant=tenant).order_by("buyer_id", "pk"))
        return [
            (
                limit.buyer_id, limit.state, limit.requested_amount, limit.decided_amount, limit.decided_terms_days,
                limit.requested_terms_days, bool(limit.supersedes_id), limit.requested_by_id is not None,
                [(d.kind, d.amount, d.changes_cover, d.automatic, d.reason_codes, d.effective_date)
                 for d in LimitDecision.objects.filter(limit=limit).order_by("pk")],
                [(h.history_type, h.state) for h in limit.history.order_by("history_date", "history_id")],
                sorted(d.payload["decision"]["kind"] for d in WebhookDelivery.objects.filter(
                    tenant=tenant, event="limit.decided", payload__limit_id=limit.pk)),
            )
            for limit in limits
        ]


def test_the_bulk_path_writes_what_the_single_path_writes(tenant, other_tenant, user, buyers):
    Buyer.objects.filter(pk=buyers[5].pk).update(grade=None)
    buyers[5].refresh_from_db()
    single_user = member(other_tenant)
    for each, who in ((tenant, user), (other_tenant, single_user)):
        webhooks.create_endpoint(tenant=each, created_by=who, url="https://erp.example/h", events=["limit.decided"])
    _book(tenant, "KR-BULK-A", buyers)
    _book(other_tenant, "KR-ONE-B", buyers)

    with tenant_scope(other_tenant):  # the single path: request_limit row by row
        preview = parse_limit_requests(tenant=other_tenant, file=_file("KR-ONE-B", "S"))
        single = import_limit_requests(tenant=other_tenant, requested_by=single_user, preview=preview,
                                       mode="valid_rows")
    job = start(tenant, user, _file("KR-BULK-A", "M"))
    run(job)

    assert (single.created, single.decided) == (6, 3)
    assert (fresh(job).created, fresh(job).decided, fresh(job).referred) == (6, 3, 3)
    bulk, one_by_one = _what_was_written(tenant), _what_was_written(other_tenant)
    assert bulk == one_by_one
    states = {(b, s) for b, s, *_rest in bulk}
    assert (buyers[3].pk, "superseded") in states and (buyers[3].pk, "in_force") in states
    assert (buyers[4].pk, "pending") in states and (buyers[5].pk, "pending") in states


def test_rows_on_a_policy_the_scorecard_covers_are_decided_by_the_scorecard(tenant, user, policy):
    from tests.test_scorecard_decisions import buyer_with_statement, scorecard

    version = scorecard()
    sound = buyer_with_statement()
    job = start(tenant, user, csv_bytes(*[f"KR-BULK-001,DE,{sound.registration_number},60000,EUR,90,SC-1"]))
    run(job)
    decision = LimitDecision.objects.get(limit__reference="SC-1")
    # Above the matrix's 50,000, yet approved: the scorecard decided, and its version is recorded.
    assert (decision.kind, decision.amount, decision.automatic, decision.scorecard) == (
        "approved", Decimal(60000), True, version)
    assert (fresh(job).created, fresh(job).decided) == (1, 1)


# Row errors: every kind, in the job and in its file


EVERY_KIND_OF_BAD_ROW = (
    "KR-BULK-001,PT,PT000000001,40000,EUR,90,OK-1",  # line 2: fine
    "KR-NOPE,PT,PT000000002,40000,EUR,90,E-3",  # 3: unknown policy
    "KR-BULK-001,,PT000000003,40000,EUR,90,E-4",  # 4: no country
    "KR-BULK-001,PT,PT999999999,40000,EUR,90,E-5",  # 5: unknown buyer
    "KR-BULK-001,PT,PT000000006,50.000,EUR,90,E-6",  # 6: amount with a thousands separator
    "KR-BULK-001,PT,PT000000007,40000,USD,90,E-7",  # 7: not the policy's currency
    "KR-BULK-001,PT,PT000000008,40000,EUR,abc,E-8",  # 8: terms not a number
    "KR-BULK-001,PT,PT000000009,40000,EUR,90,OK-1",  # 9: reference already on line 2 (another batch)
    "KR-BULK-001,PT,PT000000001,1000,EUR,90,E-10",  # 10: buyer already on line 2 (another batch)
    "KR-BULK-001,PT,PT000000011,40000,EUR,90,USED",  # 11: reference used before
    "KR-BULK-001,PT,PT000000012,40000,EUR,90,E-12,extra",  # 12: more values than columns
    "KR-BULK-001,PT,PT000000013,40000,EUR,90,E-13",  # 13: fine
)


def test_every_kind_of_bad_row_is_reported_on_its_line_and_the_rest_imported(tenant, user, policy, buyers,
                                                                             client_of_user):
    make_limit(policy, buyers[20], reference="USED")
    job = start(tenant, user, csv_bytes(*EVERY_KIND_OF_BAD_ROW))
    run(job)
    job = fresh(job)
    assert (job.state, job.rows_total, job.created, job.rows_with_errors) == ("done", 12, 2, 10)
    assert set(CreditLimit.objects.filter(reference__in=["OK-1", "E-13"]).values_list("reference", flat=True)) == {
        "OK-1", "E-13"}
    by_line = {}
    for line, column, message in job_errors(job):
        by_line.setdefault(line, []).append((column, message))
    assert sorted(by_line) == list(range(3, 13))
    assert by_line[3] == [("policy_number", "Unknown policy KR-NOPE.")]
    assert by_line[4] == [("buyer_country", "Give the buyer's country (two letters, e.g. ES).")]
    assert by_line[5][0][0] == "buyer_registration_number"
    assert by_line[6][0][0] == "amount" and "thousands separators" in by_line[6][0][1]
    assert by_line[7] == [("currency", "The amount must be in the policy's currency, EUR.")]
    assert by_line[8] == [("terms_days", "Payment terms are a whole number of days, e.g. 90.")]
    assert by_line[9] == [("reference", "The reference OK-1 is already on line 2 of this file.")]
    assert by_line[10] == [("buyer_registration_number", "This buyer is already requested on policy KR-BULK-001 "
                                                         "on line 2 of this file: one request per buyer and policy.")]
    assert by_line[11] == [("reference", "You already used the reference USED.")]
    assert by_line[12] == [("", "This line has more values than the header has columns.")]

    download = client_of_user.get(f"/limits/import/jobs/{job.pk}/errors.csv")
    assert download.status_code == 200 and download["Content-Type"] == "text/csv; charset=utf-8"
    lines = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == ["line", "column", "message"]
    assert lines[1] == ["3", "policy_number", "Unknown policy KR-NOPE."]
    assert len(lines) == 1 + 10
    (summary,) = Notification.objects.filter(tenant=tenant)
    assert summary.subject == "Import of big.csv: requests created: 2; rows with errors: 10"
    assert "Line 3, policy_number: Unknown policy KR-NOPE." in summary.body


def test_all_or_nothing_creates_nothing_when_one_row_of_the_last_batch_is_wrong(tenant, user, policy, buyers):
    job = start(tenant, user, csv_bytes(*rows(9), "KR-BULK-001,PT,PT000000010,abc,EUR,90,B-10"),
                mode="all_or_nothing")
    run(job)
    job = fresh(job)
    assert (job.state, job.created, job.rows_with_errors, job.rows_done) == ("done", 0, 1, 10)
    assert not CreditLimit.objects.exists()
    assert [line for line, _c, _m in job_errors(job)] == [11]
    (summary,) = Notification.objects.filter(tenant=tenant)
    assert summary.subject == "Import of big.csv: nothing was created; rows with errors: 1"


def test_all_or_nothing_imports_a_clean_file(tenant, user, policy, buyers):
    job = start(tenant, user, csv_bytes(*rows(9)), mode="all_or_nothing")
    run(job)
    assert (fresh(job).created, fresh(job).checked) == (9, True)


def test_a_file_that_cannot_be_read_fails_the_job_with_nothing_created(tenant, user, policy, buyers):
    # Past the first 8 KiB the upload reads for the header: found by the worker, before its first write.
    content = csv_bytes(*rows(300)) + "KR-BULK-001,PT,PT000000006,40000,EUR,90,\xe9\n".encode("latin-1")
    assert len(content) > 10_000
    job = start(tenant, user, content)
    run(job)
    job = fresh(job)
    assert job.state == "failed" and "not UTF-8" in job.file_error
    assert not CreditLimit.objects.exists()
    assert job_errors(job) == [(None, "", job.file_error)]
    (summary,) = Notification.objects.filter(tenant=tenant)
    assert "nothing was created" in summary.subject


def test_a_wrong_header_is_refused_at_the_upload_nothing_stored(client_of_user, tenant, policy):
    file = io.BytesIO(("policy,amount\n" + "x,1\n" * 10).encode())
    file.name = "wrong.csv"
    response = client_of_user.post("/limits/import/", {"file": file, "mode": "valid_rows"})
    assert response.status_code == 200
    assert "Missing columns" in str(response.context["result"].errors[0].message)
    assert not LimitImportJob.objects.exists() and not OutboxMessage.objects.exists()


# Idempotent, resumable


def test_running_a_finished_job_again_does_nothing(tenant, user, policy, buyers):
    job = start(tenant, user, csv_bytes(*rows(10)))
    run(job)
    before = (CreditLimit.objects.count(), LimitDecision.objects.count(), Notification.objects.count(),
              LimitImportError.objects.count())
    assert run(job) is None
    assert (CreditLimit.objects.count(), LimitDecision.objects.count(), Notification.objects.count(),
            LimitImportError.objects.count()) == before


def test_a_job_killed_mid_way_resumes_after_its_last_committed_batch(tenant, user, policy, buyers, monkeypatch):
    job = start(tenant, user, csv_bytes(*rows(10), "KR-BULK-001,PT,PT000000011,abc,EUR,90,B-11"))
    real = runner.write_batch
    calls = []

    def dies_on_the_second_batch(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise SystemExit("worker killed")
        return real(**kwargs)

    monkeypatch.setattr(runner, "write_batch", dies_on_the_second_batch)
    with pytest.raises(SystemExit):
        run(job)
    crashed = fresh(job)
    assert (crashed.state, crashed.batches_done, crashed.rows_done, crashed.created) == ("running", 1, 4, 4)
    assert CreditLimit.objects.count() == 4  # the second batch rolled back whole

    run(job)
    job = fresh(job)
    assert (job.state, job.rows_done, job.created, job.decided, job.referred, job.rows_with_errors) == (
        "done", 11, 10, 7, 3, 1)
    assert CreditLimit.objects.count() == 10
    assert sorted(CreditLimit.objects.values_list("reference", flat=True)) == sorted(f"B-{n}" for n in range(1, 11))
    assert LimitImportError.objects.filter(job=job).count() == 1
    assert Notification.objects.filter(tenant=tenant).count() == 1


def test_the_stalled_sweep_sends_an_abandoned_job_again(tenant, user, policy, buyers):
    from datetime import timedelta

    from django.utils import timezone

    from limits.tasks import resume_stalled_limit_imports

    job = start(tenant, user, csv_bytes(*rows(5)))
    assert resume_stalled_limit_imports() == 0  # just queued: its hand-over may still come
    LimitImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    assert resume_stalled_limit_imports() == 1  # Celery is eager in tests: it ran
    assert fresh(job).state == "done" and CreditLimit.objects.count() == 5


# Queries: per batch, not per row


def _queries_for(tenant, user, count, *, number):
    in_force_policy(tenant, number)
    lines = [line.replace("KR-BULK-001", number).replace(",B-", f",{number}-") for line in rows(count)]
    job = start(tenant, user, csv_bytes(*lines))
    with CaptureQueriesContext(connection) as queries:
        run(job)
    assert fresh(job).created == count
    return len(queries)


def test_the_query_count_follows_the_batches_not_the_rows(tenant, user, buyers, settings):
    webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://erp.example/h", events=["limit.decided"])
    settings.LIMIT_IMPORT_BATCH_SIZE = 10
    _queries_for(tenant, user, 1, number="KR-WARM")  # the matrix enters the read cache
    one_batch = _queries_for(tenant, user, 10, number="KR-Q10")
    settings.LIMIT_IMPORT_BATCH_SIZE = 30
    assert _queries_for(tenant, user, 30, number="KR-Q30") == one_batch  # one batch three times as large
    settings.LIMIT_IMPORT_BATCH_SIZE = 10
    three_batches = _queries_for(tenant, user, 30, number="KR-Q3X")
    per_batch = (three_batches - one_batch) // 2
    assert three_batches == one_batch + 2 * per_batch
    # A batch: lock the job; policies and their terms versions, buyers by registration and which are related to
    # the insured (the exclusions), references, pending
    # requests; cover stops, limits in force; the limits, the exposure summary's upsert, two history inserts, the
    # decisions; the webhook (endpoints, insert, ids, outbox); the job's counters; savepoints around it. On
    # PostgreSQL the limits and decisions are each a COPY after their ids are reserved from the sequence
    # (core.imports.bulk): two more.
    assert per_batch == (25 if connection.vendor == "postgresql" else 23)
