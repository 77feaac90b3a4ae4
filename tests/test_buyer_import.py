"""The insurer's buyer import (issue 11, item 4): a CSV of buyers stored as a job and imported in batches.

Deduplicated by identifiers (an existing buyer is updated, an identifier repeated in the file is a row error),
row errors on their line, resume after a crash mid-file, the query count per batch the same whatever the
batch size, the admin's progress page, the insurer API (202 + Location, status, errors; underwriters only).
An insured (the outsider at hand) never reaches any of it.
"""

import csv
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from buyers.imports import jobs, runner
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier, BuyerImportError, BuyerImportJob
from buyers.normalize import normalize
from core.models import OutboxMessage
from tests.factories import logged_in
from tests.insurer_uw_helpers import assert_only_underwriters

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

HEADER = "legal_name,country,registration_number,vat_number,lei,city,sector_nace,grade"
BASE = "/api/v1/insurer/buyer-imports/"


@pytest.fixture(autouse=True)
def _small_batches(settings):
    settings.BUYER_IMPORT_BATCH_SIZE = 4


def csv_bytes(*lines) -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def rows(count, *, first=1):
    return [f"Buyer {n} Ltd,GB,GB-REG-{n:05d},,,London,46.90,{1 + n % 7}" for n in range(first, first + count)]


def start(user, content, mode="valid_rows"):
    started = jobs.start_buyer_import(requested_by=user, file=content, mode=mode, filename="buyers.csv")
    assert started.job is not None, started.refused
    return started.job


def fresh(job):
    return BuyerImportJob.objects.get(pk=job.pk)


def errors_of(job):
    return list(BuyerImportError.objects.filter(job=job).order_by("line", "pk").values_list("line", "column"))


def test_an_upload_is_stored_as_a_job_queued_with_the_outbox(underwriter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job = start(underwriter, csv_bytes(*rows(3)))
    assert OutboxMessage.objects.filter(task_name=jobs.IMPORT_JOB_TASK, payload={"job_id": job.pk}).exists()
    assert job.file.name.startswith("imports/buyers/") and "buyers.csv" not in job.file.name


def test_the_worker_creates_confirmed_buyers_with_search_text_identifiers_grades_and_history(
        underwriter, django_capture_on_commit_callbacks):
    job = start(underwriter, csv_bytes(*rows(10), "Müller & Söhne GmbH,DE,HRB 12345,,,Köln,,"))
    with django_capture_on_commit_callbacks(execute=True):
        runner.run_import_job(job_id=job.pk)
    job = fresh(job)
    assert (job.state, job.rows_total, job.rows_done, job.created, job.updated, job.rows_with_errors) == (
        "done", 11, 11, 11, 0, 0)
    muller = Buyer.objects.get(registration_number="HRB12345")
    reference = Buyer(legal_name=muller.legal_name, registration_number="HRB12345", country="DE")
    reference.fill_search_fields()
    assert muller.search_text == reference.search_text and normalize("Müller") in muller.search_text
    assert muller.status == "confirmed" and muller.city == "Köln"
    assert BuyerIdentifier.objects.filter(buyer=muller, type="national", country="DE", value="HRB12345").exists()
    assert BuyerGrade.objects.filter(buyer__legal_name="Buyer 3 Ltd", grade=4, previous_grade=None,
                                     graded_by=underwriter).count() == 1
    assert Buyer.history.filter(history_type="+").count() == 11
    assert BuyerIdentifier.history.filter(history_type="+").count() == 11
    # The insurer side has no webhooks: the uploader gets one e-mail.
    assert [message.to for message in mail.outbox] == [[underwriter.email]]
    assert "11 created" in mail.outbox[0].subject


def test_a_row_naming_an_existing_buyer_updates_it_instead_of_a_duplicate(underwriter):
    by_field = Buyer.objects.create(legal_name="Old Name Ltd", country="GB", registration_number="GB-REG-00001",
                                    status="pending", grade=5)
    by_typed = Buyer.objects.create(legal_name="Typed Ltd", country="GB", registration_number="OTHER-9")
    BuyerIdentifier.objects.create(buyer=by_typed, type="vat", country="GB", value="GB999999973")
    job = start(underwriter, csv_bytes("New Name Ltd,GB,GB-REG-00001,,,Leeds,,2",
                                       "Typed Again,GB,,GB 999 999 973,,,,",
                                       "Fresh Ltd,GB,GB-REG-00003,,,,,"))
    runner.run_import_job(job_id=job.pk)
    job = fresh(job)
    assert (job.created, job.updated, job.rows_with_errors) == (1, 2, 0)
    assert Buyer.objects.filter(country="GB").count() == 3
    by_field.refresh_from_db()
    assert (by_field.legal_name, by_field.city, by_field.grade, by_field.status) == ("New Name Ltd", "Leeds", 2,
                                                                                     "confirmed")
    assert "new name ltd" in by_field.search_text
    assert BuyerGrade.objects.get(buyer=by_field).previous_grade == 5
    by_typed.refresh_from_db()
    assert (by_typed.legal_name, by_typed.vat_number) == ("Typed Again", "GB999999973")
    assert BuyerIdentifier.objects.filter(value="GB999999973").count() == 1  # held already: not twice
    assert Buyer.history.filter(history_type="~").count() == 2


def test_an_identifier_repeated_in_the_file_is_an_error_on_the_later_row(underwriter):
    job = start(underwriter, csv_bytes(*rows(5), "Same Again,GB,GB-REG-00002,,,,,", *rows(2, first=6)))
    runner.run_import_job(job_id=job.pk)
    job = fresh(job)
    assert (job.created, job.rows_with_errors) == (7, 1)
    error = BuyerImportError.objects.get(job=job)
    assert (error.line, error.column) == (7, "registration_number") and "line 3" in error.message
    assert Buyer.objects.filter(registration_number="GBREG00002", legal_name="Buyer 2 Ltd").count() == 1


def test_bad_rows_are_reported_on_their_line_and_column_the_rest_imported(underwriter):
    job = start(underwriter, csv_bytes(
        *rows(2),
        "Bad Nif S.L.,ES,B12345678,,,,,",  # line 4: the CIF's control character is wrong
        "Nowhere Ltd,XX,REG-1,,,,,",  # line 5: no such country
        ",GB,GB-REG-09999,,,,,",  # line 6: no name
        "No Id Ltd,GB,,,,,,",  # line 7: nothing to identify it by
        "Bad Lei Ltd,GB,,,ABC,,,",  # line 8
        "Bad Grade Ltd,GB,GB-REG-08888,,,,,11",  # line 9
        *rows(1, first=3),
    ))
    runner.run_import_job(job_id=job.pk)
    job = fresh(job)
    assert (job.created, job.rows_with_errors, job.rows_done) == (3, 6, 9)
    assert errors_of(job) == [(4, "registration_number"), (5, "country"), (6, "legal_name"),
                              (7, "registration_number"), (8, "lei"), (9, "grade")]


def test_identifiers_of_two_different_buyers_on_one_row_are_an_error(underwriter):
    Buyer.objects.create(legal_name="One", country="GB", registration_number="R1")
    Buyer.objects.create(legal_name="Two", country="GB", registration_number="R2", vat_number="GB123")
    job = start(underwriter, csv_bytes("Both,GB,R1,GB123,,,,"))
    runner.run_import_job(job_id=job.pk)
    assert errors_of(job) == [(2, "vat_number")] and fresh(job).created == 0


def test_all_or_nothing_writes_nothing_when_the_last_batch_has_a_bad_row(underwriter):
    job = start(underwriter, csv_bytes(*rows(9), ",GB,GB-REG-07777,,,,,"), mode="all_or_nothing")
    runner.run_import_job(job_id=job.pk)
    job = fresh(job)
    assert (job.state, job.created, job.rows_with_errors) == ("done", 0, 1)
    assert not Buyer.objects.exists()


def test_a_wrong_header_is_refused_at_the_upload_nothing_stored(underwriter):
    started = jobs.start_buyer_import(requested_by=underwriter, file=b"name,land\nA,GB\n", filename="x.csv")
    assert started.job is None and "legal_name" in started.refused
    assert not BuyerImportJob.objects.exists()


def test_a_job_killed_mid_file_resumes_after_its_last_committed_batch(underwriter, monkeypatch):
    job = start(underwriter, csv_bytes(*rows(10)))
    real, calls = runner.write_batch, []

    def dies_on_the_second_batch(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise SystemExit("worker killed")
        return real(**kwargs)

    monkeypatch.setattr(runner, "write_batch", dies_on_the_second_batch)
    with pytest.raises(SystemExit):
        runner.run_import_job(job_id=job.pk)
    crashed = fresh(job)
    assert (crashed.state, crashed.batches_done, crashed.rows_done, crashed.created) == ("running", 1, 4, 4)
    assert Buyer.objects.count() == 4
    runner.run_import_job(job_id=job.pk)
    job = fresh(job)
    assert (job.state, job.rows_done, job.created, job.updated) == ("done", 10, 10, 0)
    assert Buyer.objects.count() == 10 and Buyer.history.count() == 10
    assert runner.run_import_job(job_id=job.pk) is None  # finished: a second run does nothing
    assert Buyer.objects.count() == 10


def _queries_for(user, count, *, first):
    job = start(user, csv_bytes(*rows(count, first=first)))
    with CaptureQueriesContext(connection) as queries:
        runner.run_import_job(job_id=job.pk)
    assert fresh(job).created == count
    return len(queries)


def test_the_query_count_follows_the_batches_not_the_rows(underwriter, settings):
    settings.BUYER_IMPORT_BATCH_SIZE = 10
    one_batch = _queries_for(underwriter, 10, first=1)
    settings.BUYER_IMPORT_BATCH_SIZE = 30
    assert _queries_for(underwriter, 30, first=100) == one_batch  # one batch three times as large
    settings.BUYER_IMPORT_BATCH_SIZE = 10
    three_batches = _queries_for(underwriter, 30, first=200)
    per_batch = (three_batches - one_batch) // 2
    assert three_batches == one_batch + 2 * per_batch
    # A batch: savepoint in and out, lock the job; buyers by their fields, typed identifiers; insert buyers,
    # identifiers, grades; history of buyers and identifiers; the job's counters. On PostgreSQL each insert is
    # a COPY after the ids it takes are reserved from the sequence (core.imports.bulk): one more query each.
    assert per_batch == (14 if connection.vendor == "postgresql" else 11)


# The admin's pages


def test_the_admin_uploads_follows_and_downloads_the_errors(underwriter, client, outsider,
                                                            django_capture_on_commit_callbacks):
    client.force_login(underwriter)
    upload = io.BytesIO(csv_bytes(*rows(2), ",GB,X-1,,,,,"))
    upload.name = "buyers.csv"
    with django_capture_on_commit_callbacks(execute=True):  # the outbox, then the job's task (eager)
        response = client.post("/admin/buyers/buyerimportjob/upload/", {"file": upload, "mode": "valid_rows"})
    job = BuyerImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/buyers/buyerimportjob/{job.pk}/progress/"
    page = client.get(response["Location"])  # Celery is eager in tests: the job ran
    assert page.status_code == 200 and b"Rows with errors" in page.content
    polled = client.get(response["Location"], HTTP_HX_REQUEST="true")
    assert b"<html" not in polled.content and b'id="import-progress"' in polled.content
    assert b"hx-trigger" not in polled.content  # done: the page stops asking
    errors = b"".join(client.get(f"/admin/buyers/buyerimportjob/{job.pk}/errors.csv").streaming_content)
    assert list(csv.reader(io.StringIO(errors.decode("utf-8-sig"))))[1][:2] == ["4", "legal_name"]
    insured = logged_in(outsider)
    assert insured.get(f"/admin/buyers/buyerimportjob/{job.pk}/progress/").status_code in (302, 403)


# The insurer API


def _upload(client, content=None, **extra):
    file = io.BytesIO(content or csv_bytes(*rows(5)))
    file.name = "buyers.csv"
    return client.post(BASE, {"file": file, "mode": "valid_rows"}, format="multipart", **extra)


def test_the_api_answers_202_with_the_job_then_its_status_and_errors(underwriter_api,
                                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(underwriter_api, csv_bytes(*rows(3), "No Country Ltd,,R-9,,,,,"))
    assert response.status_code == 202, response.content
    job = BuyerImportJob.objects.get()
    assert response["Location"] == f"{BASE}{job.pk}/" and response.json()["id"] == job.pk
    status = underwriter_api.get(response["Location"]).json()
    assert (status["state"], status["rows"], status["created"], status["updated"], status["rows_with_errors"]) == (
        "done", 4, 3, 0, 1)
    errors = underwriter_api.get(status["errors_url"])
    assert errors.status_code == 200 and errors["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(b"".join(errors.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == ["line", "column", "message"] and lines[1][:2] == ["5", "country"]
    assert underwriter_api.get(f"{BASE}{job.pk + 99}/").status_code == 404


def test_the_api_refuses_an_unreadable_file_on_its_field(underwriter_api):
    response = _upload(underwriter_api, b"\xff\xfe\x00bad")
    assert response.status_code == 400 and response.json()["errors"][0]["pointer"] == "/file"
    assert not BuyerImportJob.objects.exists()


def test_only_underwriters_reach_the_buyer_import_endpoints(user, outsider, api_client, api_client_of_outsider,
                                                            claims_handler, underwriter):
    job = start(underwriter, csv_bytes(*rows(1)))
    calls = [("get", f"{BASE}{job.pk}/"), ("get", f"{BASE}{job.pk}/errors/"), ("post", BASE, {"mode": "valid_rows"})]
    assert_only_underwriters(calls, user=user, outsider=outsider, api_client=api_client,
                             api_client_of_outsider=api_client_of_outsider, claims_handler=claims_handler)
    assert _upload(api_client).status_code == 403
    assert _upload(APIClient()).status_code == 401
    assert BuyerImportJob.objects.count() == 1
