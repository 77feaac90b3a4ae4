"""Claims through the API: filing (idempotent), submitting, documents, the outsider, the list, payment seen by the insured.

Dates are relative to today so that today falls in the filing window of a protracted default:
invoice shipped today-220, due today-160; the window opens at due+150 (today-10) and closes at due+240 (today+80).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN
from claims.claims import services as claims
from claims.claims.models import Cause, Claim, ClaimDocument
from tests.claim_helpers import PDF, approve_limit, late_payer
from tests.factories import PolicyFactory, api_error, eur
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

LIST = "/api/v1/claims/"
# The services count days in the project time zone: so do the tests.
TODAY = timezone.localdate()


def detail_url(claim_id):
    return f"{LIST}{claim_id}/"


@pytest.fixture
def running_policy(tenant):
    return PolicyFactory(tenant=tenant, start_date=TODAY - timedelta(days=330), end_date=TODAY + timedelta(days=30))


def overdue_on(tenant, policy, underwriter, *, due=TODAY - timedelta(days=160), amount=10_000, limit=50_000):
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=limit, underwriter=underwriter,
                  effective=policy.start_date + timedelta(days=1))
    return declare(tenant=tenant, policy=policy, buyer=buyer, notified_on=due + timedelta(days=30),
                   invoices=[invoice(shipped=due - timedelta(days=60), due=due, amount=amount)])


@pytest.fixture
def overdue(tenant, running_policy, underwriter):
    return overdue_on(tenant, running_policy, underwriter)


def file_claim(client, overdue, /, key=None, **extra):
    body = {"overdue": overdue.pk, "cause": Cause.PROTRACTED_DEFAULT, "reference": "CLM-1", **extra}
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(LIST, body, format="json", **headers)


def upload(client, claim_id, name="contract.pdf", content=PDF, kind="contract", **headers):
    return client.post(f"{detail_url(claim_id)}documents/", {"kind": kind, "file": SimpleUploadedFile(name, content)},
                       format="multipart", **headers)


def token_client(tenant, roles):
    _token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="roles", roles=roles)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    return client


def stored_files(media_root):
    return [p for p in media_root.rglob("*") if p.is_file()]


# --- Filing ------------------------------------------------------------------


def test_filing_a_claim_answers_with_the_draft_and_a_replayed_key_files_nothing_more(api_client, overdue):
    first = file_claim(api_client, overdue, key="claim-001")
    assert first.status_code == 201, first.json()
    body = first.json()
    assert body["state"] == "draft" and body["cause"] == "protracted_default" and body["reference"] == "CLM-1"
    assert body["date_of_loss"] == (TODAY - timedelta(days=10)).isoformat()  # end of the waiting period
    assert [item["kind"] for item in body["checklist"]] == ["contract", "invoices", "proof_of_delivery", "dunning"]
    assert body["transitions"][0]["target"] == "draft"
    # No snapshot yet: the detail shows the live calculation, example 1 (10,000 at 90%).
    assert body["calculation"]["snapshot"] is False
    assert body["calculation"]["indemnity"] == {"amount": "9000.00", "currency": "EUR"}

    replay = file_claim(api_client, overdue, key="claim-001")
    assert replay.status_code == 201 and replay["Idempotent-Replayed"] == "true"
    assert replay.json()["id"] == body["id"]
    assert Claim.objects.count() == 1


def test_filing_with_submit_files_the_claim_with_the_insurer_at_once(api_client, overdue):
    response = file_claim(api_client, overdue, submit=True)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["state"] == "submitted" and body["filed_on"] == TODAY.isoformat()
    assert body["calculated_indemnity"] == {"amount": "9000.00", "currency": "EUR"}
    # Until the claim is decided the calculation is made from the file as it stands (claims.claims.calculation).
    assert body["calculation"]["snapshot"] is False
    assert [(t["source"], t["target"]) for t in body["transitions"]] == [("", "draft"), ("draft", "submitted")]


def test_a_claim_before_the_waiting_period_ends_is_refused_and_nothing_is_filed(api_client, tenant, running_policy,
                                                                                underwriter):
    early = overdue_on(tenant, running_policy, underwriter, due=TODAY - timedelta(days=100))
    response = file_claim(api_client, early, key="early-1", submit=True)
    assert response.status_code == 400
    code, errors = api_error(response)
    assert code == "too_early"
    opens = (TODAY + timedelta(days=50)).isoformat()
    assert errors["/overdue"] == [f"A claim for protracted default can be filed from {opens}, when the "
                                          f"waiting period ends."]
    assert not Claim.objects.exists()


@pytest.mark.parametrize("extra,field", [({"cause": "fire"}, "cause"), ({"cause": "insolvency"}, "event_date"),
                                         ({"overdue": "x"}, "overdue"), ({"event_date": "31/12/2025"}, "event_date")])
def test_bad_input_is_a_field_error_and_files_nothing(api_client, overdue, extra, field):
    response = file_claim(api_client, overdue, **extra)
    assert response.status_code == 400
    assert f"/{field}" in api_error(response)[1]
    assert not Claim.objects.exists()


def test_one_live_claim_per_overdue(api_client, overdue):
    assert file_claim(api_client, overdue).status_code == 201
    response = file_claim(api_client, overdue)
    assert response.status_code == 400 and "already open" in api_error(response)[1]["/overdue"][0]
    assert Claim.objects.count() == 1


# --- Submit and withdraw -----------------------------------------------------


def test_submit_moves_a_draft_once_and_a_second_submit_is_refused(api_client, overdue):
    claim_id = file_claim(api_client, overdue).json()["id"]
    url = f"{detail_url(claim_id)}submit/"
    response = api_client.post(url, HTTP_IDEMPOTENCY_KEY="submit-1")
    assert response.status_code == 200 and response.json()["state"] == "submitted"
    assert api_client.post(url, HTTP_IDEMPOTENCY_KEY="submit-1").json()["state"] == "submitted"  # replayed
    again = api_client.post(url, HTTP_IDEMPOTENCY_KEY="submit-2")
    assert again.status_code == 400 and api_error(again)[0] == "invalid_state"
    assert Claim.objects.get().transitions.count() == 2


def test_withdraw_keeps_the_reason_in_the_audit_trail(api_client, overdue):
    claim_id = file_claim(api_client, overdue, submit=True).json()["id"]
    response = api_client.post(f"{detail_url(claim_id)}withdraw/", {"reason": "The buyer paid."}, format="json",
                               HTTP_IDEMPOTENCY_KEY="wd-1")
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "withdrawn"
    assert body["transitions"][-1] == {**body["transitions"][-1], "target": "withdrawn", "note": "The buyer paid."}


# --- Documents ---------------------------------------------------------------


def test_upload_a_pdf_and_download_it(api_client, overdue, media):
    claim_id = file_claim(api_client, overdue).json()["id"]
    response = upload(api_client, claim_id, name="Contrato firmado.pdf")
    assert response.status_code == 201, response.json()
    document = response.json()
    assert document["kind"] == "contract" and document["name"] == "Contrato firmado.pdf"
    assert document["size"] == len(PDF) and document["content_type"] == "application/pdf"
    assert document["download_url"].endswith(f"/api/v1/claims/{claim_id}/documents/{document['id']}/")

    body = api_client.get(detail_url(claim_id)).json()
    assert [d["id"] for d in body["documents"]] == [document["id"]]
    assert next(i for i in body["checklist"] if i["kind"] == "contract")["satisfied"] is True

    download = api_client.get(document["download_url"], HTTP_ACCEPT="application/pdf")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "Contrato firmado.pdf" in download["Content-Disposition"]
    assert len(stored_files(media)) == 1


@pytest.mark.parametrize("name,content,message", [("virus.exe", b"MZ\x90\x00", "not accepted"),
                                                  ("fake.pdf", b"MZ\x90\x00 not a pdf", "not a .pdf file")])
def test_wrong_type_is_refused_on_the_file_field_and_nothing_is_stored(api_client, overdue, media, name, content,
                                                                        message):
    claim_id = file_claim(api_client, overdue).json()["id"]
    response = upload(api_client, claim_id, name=name, content=content)
    assert response.status_code == 400
    assert message in api_error(response)[1]["/file"][0]
    assert not ClaimDocument.objects.exists() and stored_files(media) == []


def test_too_large_upload_is_refused_and_nothing_is_stored(api_client, overdue, media, settings):
    settings.CLAIM_DOCUMENT_MAX_BYTES = 100
    claim_id = file_claim(api_client, overdue).json()["id"]
    response = upload(api_client, claim_id, content=PDF + b"x" * 200)
    assert response.status_code == 400
    assert "largest accepted" in api_error(response)[1]["/file"][0]
    assert not ClaimDocument.objects.exists() and stored_files(media) == []


def test_missing_file_or_unknown_kind_are_field_errors(api_client, overdue):
    claim_id = file_claim(api_client, overdue).json()["id"]
    response = api_client.post(f"{detail_url(claim_id)}documents/", {"kind": "contract"}, format="multipart")
    assert response.status_code == 400 and "/file" in api_error(response)[1]
    response = upload(api_client, claim_id, kind="selfie")
    assert response.status_code == 400 and "/kind" in api_error(response)[1]
    assert not ClaimDocument.objects.exists()


# --- The outsider and permissions -----------------------------------------------


def test_the_outsider_sees_nothing_and_cannot_act_on_the_claim(api_client, api_client_of_outsider, overdue, media):
    claim_id = file_claim(api_client, overdue).json()["id"]
    document_id = upload(api_client, claim_id).json()["id"]
    url = detail_url(claim_id)
    assert api_client_of_outsider.get(url).status_code == 404
    assert api_client_of_outsider.get(f"{url}calculation/").status_code == 404
    assert api_client_of_outsider.get(f"{url}documents/{document_id}/").status_code == 404
    assert upload(api_client_of_outsider, claim_id).status_code == 404
    assert api_client_of_outsider.post(f"{url}submit/").status_code == 404
    assert api_client_of_outsider.post(f"{url}withdraw/", {}, format="json").status_code == 404
    assert api_client_of_outsider.get(LIST).json()["count"] == 0
    # A document id of another claim (even the tenant's own) is not found under this claim.
    assert api_client.get(f"{detail_url(claim_id + 1000)}documents/{document_id}/").status_code == 404
    assert Claim.objects.get().state == Claim.State.DRAFT and ClaimDocument.objects.count() == 1


def test_the_outsider_cannot_claim_on_the_tenants_overdue(api_client_of_outsider, overdue):
    response = file_claim(api_client_of_outsider, overdue, submit=True)
    assert response.status_code == 400
    assert api_error(response)[1]["/overdue"] == ["Unknown overdue."]
    assert not Claim.objects.exists()


def test_reading_needs_view_claim_and_filing_needs_file_claim(tenant, overdue):
    admin = token_client(tenant, [TENANT_ADMIN])  # sees claims, does not file them
    assert admin.get(LIST).status_code == 200
    assert file_claim(admin, overdue).status_code == 403
    credit_manager = token_client(tenant, [CREDIT_MANAGER])
    assert credit_manager.get(LIST).status_code == 403
    assert not Claim.objects.exists()


# --- The list ----------------------------------------------------------------


def test_list_filters_and_its_query_count_does_not_grow_with_rows(api_client, tenant, running_policy, user,
                                                                   django_assert_num_queries):
    def make(n):
        for _ in range(n):
            buyer = late_payer()
            due = TODAY - timedelta(days=160)
            overdue = declare(tenant=tenant, policy=running_policy, buyer=buyer, notified_on=due + timedelta(days=30),
                              invoices=[invoice(shipped=due - timedelta(days=60), due=due, amount=1_000)])
            claims.file_claim(tenant=tenant, filed_by=user, overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)

    # Token, its last use, permissions (2), count, page, invoices (one prefetch): 7 with 3 rows or 30.
    make(3)
    with django_assert_num_queries(8):
        assert api_client.get(LIST).json()["count"] == 3
    make(27)
    with django_assert_num_queries(7):  # its last use was recorded on the first request
        body = api_client.get(LIST, {"page_size": 100}).json()
    assert body["count"] == 30
    # Drafts show the last day to file them (due + 240 days).
    assert body["results"][0]["next_deadline"]["on"] == (TODAY + timedelta(days=80)).isoformat()

    first = Claim.objects.order_by("pk").first()
    claims.submit_claim(claim=first, submitted_by=user)
    assert [c["id"] for c in api_client.get(LIST, {"state": "submitted"}).json()["results"]] == [first.pk]
    assert api_client.get(LIST, {"buyer": first.buyer_id}).json()["count"] == 1
    assert api_client.get(LIST, {"overdue": first.overdue_id}).json()["count"] == 1
    assert api_client.get(LIST, {"policy": running_policy.pk, "cause": "insolvency"}).json()["count"] == 0
    assert api_client.get(LIST, {"state": "lost"}).status_code == 400
    assert api_client.get(LIST, {"buyer": "abc"}).status_code == 400
    assert api_client.get(LIST, {"policy": "1.5"}).status_code in (200, 400)


# --- The insurer's side, seen through the API -------------------------------------


def test_the_claims_handlers_approval_and_payment_are_seen_as_paid(api_client, overdue, claims_handler):
    claim_id = file_claim(api_client, overdue).json()["id"]
    for kind in ("contract", "invoices", "proof_of_delivery", "dunning"):
        assert upload(api_client, claim_id, name=f"{kind}.pdf", kind=kind).status_code == 201
    assert api_client.post(f"{detail_url(claim_id)}submit/").json()["state"] == "submitted"

    claim = Claim.objects.get(pk=claim_id)
    claims.confirm_complete(claim=claim, confirmed_by=claims_handler)
    claims.approve_claim(claim=claim, approved_by=claims_handler)
    claims.record_claim_payment(claim=claim, amount=eur(9_000), paid_on=TODAY, recorded_by=claims_handler,
                                reference="PAY-1")

    body = api_client.get(detail_url(claim_id)).json()
    assert body["state"] == "paid" and body["state_label"] == "Paid"
    assert body["approved_indemnity"] == body["paid_amount"] == {"amount": "9000.00", "currency": "EUR"}
    assert body["paid_on"] == TODAY.isoformat() and body["payment_reference"] == "PAY-1"
    assert body["payment_due_on"] == (TODAY + timedelta(days=30)).isoformat()
    assert [(t["target"], t["by_insurer"]) for t in body["transitions"]] == [
        ("draft", False), ("submitted", False), ("complete", True), ("approved", True), ("paid", True)]
    assert all(item["satisfied"] for item in body["checklist"])
    assert body["calculation"]["snapshot"] is True

    calculation = api_client.get(f"{detail_url(claim_id)}calculation/").json()
    assert calculation == body["calculation"]
    line = calculation["lines"][0]
    assert line["covered"] == {"amount": "10000.00", "currency": "EUR"} and line["percentage_of_cover"] == "90.00"
    assert Decimal(calculation["indemnity"]["amount"]) == Decimal("9000")

    # A paid claim takes no more documents.
    late = upload(api_client, claim_id, name="late.pdf")
    assert late.status_code == 400 and api_error(late)[0] == "invalid_state"


def test_a_requested_document_uploaded_through_the_api_completes_the_file(api_client, overdue, claims_handler):
    claim_id = file_claim(api_client, overdue).json()["id"]
    for kind in ("contract", "invoices", "proof_of_delivery", "dunning"):
        upload(api_client, claim_id, name=f"{kind}.pdf", kind=kind)
    api_client.post(f"{detail_url(claim_id)}submit/")
    claims.request_documents(claim=Claim.objects.get(pk=claim_id), kinds=["debt_acknowledgement"],
                             note="Signed by the buyer, please.", requested_by=claims_handler)

    body = api_client.get(detail_url(claim_id)).json()
    assert body["state"] == "incomplete"
    assert [(r["kind"], r["note"], r["fulfilled_at"]) for r in body["document_requests"]] == [
        ("debt_acknowledgement", "Signed by the buyer, please.", None)]
    assert next(i for i in body["checklist"] if i["kind"] == "debt_acknowledgement")["requested"] is True

    assert upload(api_client, claim_id, name="ack.pdf", kind="debt_acknowledgement").status_code == 201
    body = api_client.get(detail_url(claim_id)).json()
    # The upload that satisfies the checklist completes the file and starts the 30-day payment clock.
    assert body["state"] == "complete" and body["complete_on"] == TODAY.isoformat()
    assert body["payment_due_on"] == (TODAY + timedelta(days=30)).isoformat()
    assert body["document_requests"][0]["fulfilled_at"] is not None


def test_an_upload_retried_with_its_key_stores_one_document(api_client, overdue, media, settings):
    # Larger than the size Django reads as one body: the key's fingerprint hashes the parsed parts instead.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    claim_id = file_claim(api_client, overdue).json()["id"]
    content = PDF + b"%" * 4096
    first = upload(api_client, claim_id, content=content, HTTP_IDEMPOTENCY_KEY="up-1")
    again = upload(api_client, claim_id, content=content, HTTP_IDEMPOTENCY_KEY="up-1")
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true" and again.json()["id"] == first.json()["id"]
    assert ClaimDocument.objects.count() == 1 and len(stored_files(media)) == 1
    other = upload(api_client, claim_id, content=content + b"x", HTTP_IDEMPOTENCY_KEY="up-1")
    assert other.status_code == 422
