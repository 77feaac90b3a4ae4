"""Background limit imports, as the insured follows them: the progress page (HTMX), the errors file, the API
(POST a file -> 202 and the job, GET its status and errors), and who may see a job (no outsider, no finance).
"""

import io

import pytest

from core.models import Notification
from core.tenancy import tenant_scope
from limits.models import LimitImportJob
from tests import test_limit_import_jobs as jobs
from tests.factories import api_error, member
from tests.test_limit_import_jobs import csv_bytes, rows, run, start

# The job tests' fixtures: small batches, the policy and thirty graded buyers.
_small_batches, policy, buyers = jobs._small_batches, jobs.policy, jobs.buyers

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]


# The progress page (HTMX) and who may see a job


def test_the_progress_page_polls_until_the_job_is_done(client_of_user, tenant, user, policy, buyers):
    job = start(tenant, user, csv_bytes(*rows(6), "KR-BULK-001,PT,PT000000007,abc,EUR,90,B-7"))
    page = client_of_user.get(f"/limits/import/jobs/{job.pk}/")
    assert page.status_code == 200 and "<html" in page.content.decode()
    assert 'hx-trigger="every 2s"' in page.content.decode() and "htmx-2.min.js" in page.content.decode()
    assert page.context["progress"].percent == 0

    with tenant_scope(tenant):  # half-way: the first batch (4 rows) committed
        LimitImportJob.objects.filter(pk=job.pk).update(state="running", rows_total=7, rows_done=4,
                                                        rows_with_errors=0)
    partial = client_of_user.get(f"/limits/import/jobs/{job.pk}/", headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert "<html" not in html and 'id="import-progress"' in html and 'hx-get=' in html
    assert partial.context["progress"].percent == 57

    LimitImportJob.objects.filter(pk=job.pk).update(state="queued", rows_total=None, rows_done=0)
    run(job)
    done = client_of_user.get(f"/limits/import/jobs/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in done and "Done" in done  # finished: the page stops asking
    assert f"/limits/import/jobs/{job.pk}/errors.csv" in done  # one row with an error to download


def test_the_outsider_sees_no_job_and_no_errors(client_of_outsider, api_client_of_outsider, tenant, user, policy,
                                                buyers):
    job = start(tenant, user, csv_bytes(*rows(3), "KR-BULK-001,PT,PT000000004,abc,EUR,90,SECRET-4"))
    run(job)
    for path in (f"/limits/import/jobs/{job.pk}/", f"/limits/import/jobs/{job.pk}/errors.csv"):
        assert client_of_outsider.get(path).status_code == 404
    for path in (f"/api/v1/limit-imports/{job.pk}/", f"/api/v1/limit-imports/{job.pk}/errors/"):
        response = api_client_of_outsider.get(path)
        assert response.status_code == 404 and b"SECRET" not in response.content
    assert not Notification.objects.exclude(tenant=tenant).exists()


def test_finance_may_not_import_nor_follow_an_import(tenant, user, policy, buyers):
    from accounts.roles import FINANCE
    from tests.factories import logged_in

    job = start(tenant, user, csv_bytes(*rows(3)))
    finance = logged_in(member(tenant, [FINANCE]))
    assert finance.get(f"/limits/import/jobs/{job.pk}/").status_code == 403
    assert finance.get(f"/limits/import/jobs/{job.pk}/errors.csv").status_code == 403


# The API: POST a file -> 202 and the job, GET its status and errors, the webhook when done


def _post(client, content, mode="valid_rows", name="erp.csv"):
    file = io.BytesIO(content)
    file.name = name
    return client.post("/api/v1/limit-imports/", {"file": file, "mode": mode}, format="multipart")


def test_the_api_accepts_a_file_as_a_job_and_reports_it(api_client, tenant, policy, buyers,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        response = _post(api_client, csv_bytes(*rows(2), "KR-BULK-001,PT,PT000000003,abc,EUR,90,B-3"))
    assert response.status_code == 202, response.content
    job = LimitImportJob.objects.get()
    assert response["Location"] == f"/api/v1/limit-imports/{job.pk}/"
    assert response.json()["state"] == "queued" and response.json()["rows"] is None

    run(job)
    status = api_client.get(f"/api/v1/limit-imports/{job.pk}/").json()
    assert {k: status[k] for k in ("state", "rows", "rows_done", "created", "decided", "referred",
                                   "rows_with_errors")} == {
        "state": "done", "rows": 3, "rows_done": 3, "created": 2, "decided": 2, "referred": 0, "rows_with_errors": 1}
    errors = api_client.get(status["errors_url"])
    assert errors.status_code == 200 and errors["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(errors.streaming_content).decode("utf-8-sig").splitlines()
    assert body[0] == "line,column,message" and body[1].startswith("4,amount,")


def test_the_api_refuses_an_unreadable_file_on_its_field(api_client, policy):
    code, errors = api_error(_post(api_client, b"policy,amount\n1,2\n"))
    assert "Missing columns" in errors["/file"][0]
    assert not LimitImportJob.objects.exists()
    code, errors = api_error(api_client.post("/api/v1/limit-imports/", {"mode": "valid_rows"}, format="multipart"))
    assert "/file" in errors


def test_the_api_needs_the_credit_role(tenant, policy):
    from accounts.roles import FINANCE
    from tests.conftest import _token_client

    finance = _token_client(tenant, [FINANCE])
    assert _post(finance, csv_bytes(*rows(1))).status_code == 403
    assert not LimitImportJob.objects.exists()
