"""The GLEIF import for underwriters (issue 15, item 2): a golden copy uploaded in the admin or the insurer API
is stored as an import job, queued through the outbox and run in batches by the shared import machinery
(core.imports), the command's own matching code per batch. Progress and the result (counts, invalid LEIs and
conflicts with their lines) on the admin's page and in the API; the uploader is e-mailed when it ends; a .zip
is read as GLEIF publishes it; a killed job resumes; an insured (the outsider at hand) never reaches any of it.
"""

import csv
import io
import zipfile

import pytest
from django.core import mail
from rest_framework.test import APIClient

from buyers.gleif import jobs, runner
from buyers.gleif.models import GleifImportIssue, GleifImportJob
from buyers.models import Buyer
from core.models import OutboxMessage
from tests.buyer_factories import BuyerFactory, PendingBuyerFactory
from tests.factories import logged_in
from tests.insurer_uw_helpers import assert_only_underwriters
from tests.test_gleif_import import HEADER, bad_lei, lei, row

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

BASE = "/api/v1/insurer/gleif-imports/"


@pytest.fixture(autouse=True)
def _small_batches(settings):
    settings.GLEIF_IMPORT_BATCH_SIZE = 2


@pytest.fixture
def registry(other_tenant):
    return {
        "held": BuyerFactory(legal_name="Muller GmbH", lei=lei(1)),
        "numbered": BuyerFactory(legal_name="Schmidt AG", registration_number="HRB123456"),
        "proposal": PendingBuyerFactory(legal_name="Outsider's Proposal", registration_number="HRB999999",
                                        proposed_by_tenant=other_tenant),
    }


def golden(*rows) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def zipped(content: bytes, name="20261201-gleif-goldencopy-lei2-golden-copy.csv") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


FILE = [
    row(lei(1), "Müller & Söhne GmbH", "DE", "HRB000001"),  # line 2: renamed, statuses
    row(bad_lei(5), "Broken", "DE", ""),  # line 3: invalid
    row(lei(2), "Schmidt AG", "DE", "HRB 123456"),  # line 4: LEI added
    row(lei(6), "Schmidt AG", "DE", "HRB123456"),  # line 5: a second LEI for the same buyer: a conflict
    row(lei(3), "Renamed", "DE", "HRB999999"),  # line 6: the outsider's proposal: unmatched
    row(lei(4), "Stranger SA", "FR", "552100554"),  # line 7: unmatched
]


def start(user, content, **kwargs):
    started = jobs.start_gleif_import(requested_by=user, file=content, filename="golden.csv", **kwargs)
    assert started.job is not None, started.refused
    return started.job


def issues_of(job):
    return list(GleifImportIssue.objects.filter(job=job).order_by("line").values_list("line", "column"))


def test_an_upload_is_stored_as_a_job_queued_with_the_outbox(underwriter, registry,
                                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job = start(underwriter, golden(*FILE))
    assert job.state == GleifImportJob.State.QUEUED and job.file.name.startswith("imports/gleif/")
    message = OutboxMessage.objects.get(task_name=jobs.GLEIF_JOB_TASK)
    assert message.payload == {"job_id": job.pk}


def test_the_worker_applies_the_file_counts_and_lists_the_skipped_lines(underwriter, registry,
                                                                       django_capture_on_commit_callbacks):
    underwriter.email = "uw@insurer.example"
    underwriter.save()
    with django_capture_on_commit_callbacks(execute=True):
        job = runner.run_gleif_job(job_id=start(underwriter, golden(*FILE)).pk)
    held, numbered, proposal = (Buyer.objects.get(pk=registry[k].pk) for k in ("held", "numbered", "proposal"))
    assert (held.legal_name, held.lei_registration_status) == ("Müller & Söhne GmbH", "ISSUED")
    assert numbered.lei == lei(2) and proposal.lei == ""
    assert (job.state, job.rows_total, job.rows_done) == ("done", 6, 6)
    assert (job.buyers_updated, job.names_updated, job.leis_added, job.invalid_leis, job.conflicts,
            job.unmatched) == (2, 1, 1, 1, 1, 2)
    assert issues_of(job) == [(3, "lei"), (5, "lei")]
    assert job.rows_with_errors == 2
    assert len(mail.outbox) == 1 and "2 buyers updated, 1 LEIs added" in mail.outbox[0].subject
    assert runner.run_gleif_job(job_id=job.pk) is None  # finished: nothing happens again


def test_a_dry_run_counts_the_same_and_writes_nothing(underwriter, registry):
    job = runner.run_gleif_job(job_id=start(underwriter, golden(*FILE), dry_run=True).pk)
    assert (job.buyers_updated, job.leis_added, job.invalid_leis, job.conflicts) == (2, 1, 1, 1)
    assert Buyer.objects.get(pk=registry["numbered"].pk).lei == ""
    assert Buyer.objects.get(pk=registry["held"].pk).legal_name == "Muller GmbH"


def test_the_zip_gleif_publishes_is_read_as_its_csv(underwriter, registry):
    job = runner.run_gleif_job(job_id=start(underwriter, zipped(golden(*FILE))).pk)
    assert (job.state, job.rows_total, job.leis_added) == ("done", 6, 1)


@pytest.mark.parametrize(("content", "says"), [
    (b"LEI,Entity.LegalName\n5299,X\n", "Entity.LegalAddress.Country"),
    (zipped(b"a,b\n1,2\n", name="readme.txt"), ".zip file must hold exactly one .csv"),
])
def test_a_file_that_is_not_a_golden_copy_is_refused_at_the_upload(underwriter, content, says):
    started = jobs.start_gleif_import(requested_by=underwriter, file=content, filename="x.csv")
    assert started.job is None and says in started.refused
    assert not GleifImportJob.objects.exists()


def test_a_job_killed_mid_file_resumes_after_its_last_committed_batch(underwriter, registry, monkeypatch):
    job = start(underwriter, golden(*FILE))
    real = runner.GleifImport.import_batch
    calls = []

    def dies_on_the_second_batch(self, job, rows, scan):
        calls.append(min(rows))
        if len(calls) == 2:
            raise RuntimeError("worker killed")
        return real(self, job, rows, scan)

    monkeypatch.setattr(runner.GleifImport, "import_batch", dies_on_the_second_batch)
    with pytest.raises(RuntimeError):
        runner.run_gleif_job(job_id=job.pk)
    assert GleifImportJob.objects.get(pk=job.pk).batches_done == 1
    monkeypatch.setattr(runner.GleifImport, "import_batch", real)
    done = runner.run_gleif_job(job_id=job.pk)
    assert (done.state, done.buyers_updated, done.invalid_leis, done.conflicts) == ("done", 2, 1, 1)
    assert issues_of(done) == [(3, "lei"), (5, "lei")]  # the first batch's issue stored once


def test_the_admin_uploads_follows_and_downloads_the_issues(underwriter, registry, client, outsider,
                                                            django_capture_on_commit_callbacks):
    client.force_login(underwriter)
    assert client.get("/admin/buyers/gleifimportjob/upload/").status_code == 200
    upload = io.BytesIO(zipped(golden(*FILE)))
    upload.name = "golden-copy.csv.zip"
    with django_capture_on_commit_callbacks(execute=True):  # the outbox, then the job's task (eager)
        response = client.post("/admin/buyers/gleifimportjob/upload/", {"file": upload})
    job = GleifImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/buyers/gleifimportjob/{job.pk}/progress/"
    page = client.get(response["Location"])
    assert page.status_code == 200 and b"LEIs added" in page.content and b"Conflicts skipped" in page.content
    polled = client.get(response["Location"], HTTP_HX_REQUEST="true")
    assert b"<html" not in polled.content and b"hx-trigger" not in polled.content  # done: no more polling
    issues = b"".join(client.get(f"/admin/buyers/gleifimportjob/{job.pk}/issues.csv").streaming_content)
    lines = list(csv.reader(io.StringIO(issues.decode("utf-8-sig"))))
    assert [line[:2] for line in lines[1:]] == [["3", "lei"], ["5", "lei"]] and bad_lei(5) in lines[1][2]
    bad = io.BytesIO(b"name,country\nx,DE\n")
    bad.name = "wrong.csv"
    refused = client.post("/admin/buyers/gleifimportjob/upload/", {"file": bad})
    assert refused.status_code == 400 and b"are missing" in refused.content
    insured = logged_in(outsider)
    assert insured.get(f"/admin/buyers/gleifimportjob/{job.pk}/progress/").status_code in (302, 403)
    assert insured.get("/admin/buyers/gleifimportjob/upload/").status_code in (302, 403)


def _upload(client, content=None, **data):
    file = io.BytesIO(content or golden(*FILE))
    file.name = "golden.csv"
    return client.post(BASE, {"file": file, **data}, format="multipart")


def test_the_api_answers_202_with_the_job_then_its_status_and_issues(underwriter_api, registry,
                                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(underwriter_api)
    assert response.status_code == 202, response.content
    job = GleifImportJob.objects.get()
    assert response["Location"] == f"{BASE}{job.pk}/"
    status = underwriter_api.get(response["Location"]).json()
    assert (status["state"], status["rows"], status["buyers_updated"], status["leis_added"], status["invalid_leis"],
            status["conflicts"], status["unmatched"], status["dry_run"]) == ("done", 6, 2, 1, 1, 1, 2, False)
    issues = underwriter_api.get(status["issues_url"])
    assert issues.status_code == 200 and issues["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(b"".join(issues.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == ["line", "column", "message"] and [line[0] for line in lines[1:]] == ["3", "5"]
    assert underwriter_api.get(f"{BASE}{job.pk + 99}/").status_code == 404


def test_the_api_refuses_a_file_without_the_golden_copy_columns_on_its_field(underwriter_api):
    response = _upload(underwriter_api, b"legal_name,country\nX,DE\n")
    assert response.status_code == 400 and response.json()["errors"][0]["pointer"] == "/file"
    assert not GleifImportJob.objects.exists()


def test_only_underwriters_reach_the_gleif_import_endpoints(user, outsider, api_client, api_client_of_outsider,
                                                            claims_handler, underwriter):
    job = start(underwriter, golden(*FILE))
    calls = [("get", f"{BASE}{job.pk}/"), ("get", f"{BASE}{job.pk}/issues/"), ("post", BASE, {"dry_run": True})]
    assert_only_underwriters(calls, user=user, outsider=outsider, api_client=api_client,
                             api_client_of_outsider=api_client_of_outsider, claims_handler=claims_handler)
    assert _upload(api_client).status_code == 403
    assert _upload(APIClient()).status_code == 401
    assert GleifImportJob.objects.count() == 1
