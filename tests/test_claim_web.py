"""Claims in the browser: finance files, uploads and submits; errors are form errors; outsiders see nothing.

Dates hang off today, so the real today falls inside the filing window: invoice due
160 days ago -> the waiting period (150 days) ended 10 days ago, the 240-day deadline is in 80 days.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN
from claims.claims import services as services_claims
from claims.claims.models import Cause, Claim, ClaimDocument, DocumentKind
from core.tenancy import tenant_scope
from tests.claim_helpers import PDF, approve_limit, complete_claim, late_payer, pdf
from tests.factories import PolicyFactory, eur, logged_in, member
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

TODAY = date.today()


@pytest.fixture
def client_of_finance(finance):
    return logged_in(finance)


@pytest.fixture
def claim_policy(tenant):
    return PolicyFactory(tenant=tenant, number="KR-CLAIM-1", start_date=TODAY - timedelta(days=330),
                         end_date=TODAY + timedelta(days=30))


def _overdue_due_160_days_ago(tenant, policy, underwriter, buyer_name="Late Payer S.p.A."):
    buyer = late_payer(name=buyer_name)
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter,
                  effective=policy.start_date + timedelta(days=1))
    due = TODAY - timedelta(days=160)
    return declare(tenant=tenant, policy=policy, buyer=buyer, notified_on=due + timedelta(days=30),
                   invoices=[invoice("F-100", shipped=TODAY - timedelta(days=220), due=due, amount=10_000)])


@pytest.fixture
def overdue(tenant, claim_policy, underwriter):
    return _overdue_due_160_days_ago(tenant, claim_policy, underwriter)


@pytest.fixture
def draft(tenant, finance, overdue):
    with tenant_scope(tenant):
        return services_claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue,
                                          cause=Cause.PROTRACTED_DEFAULT, reference="CLM-1")


def _stored_files(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


# The whole flow, as finance sees it


def test_finance_files_a_claim_uploads_the_documents_and_submits_it(client_of_finance, overdue, media):
    listing = client_of_finance.get("/claims/")
    assert listing.status_code == 200
    assert f"/claims/new/?overdue={overdue.pk}" in listing.content.decode()

    form = client_of_finance.get(f"/claims/new/?overdue={overdue.pk}")
    assert form.status_code == 200 and "Late Payer" in form.content.decode()

    response = client_of_finance.post("/claims/new/", {"overdue": overdue.pk, "cause": Cause.PROTRACTED_DEFAULT,
                                                       "reference": "CLM-WEB"})
    claim = Claim.objects.get(reference="CLM-WEB")
    assert response.status_code == 302 and response.url == f"/claims/{claim.pk}/"
    assert claim.state == Claim.State.DRAFT
    # Protracted default: the date of loss is the end of the waiting period (domain.md, Claims).
    assert claim.date_of_loss == TODAY - timedelta(days=10)

    detail = client_of_finance.get(f"/claims/{claim.pk}/")
    page = detail.content.decode()
    assert detail.status_code == 200
    assert 'enctype="multipart/form-data"' in page
    assert "€9,000.00" in page  # live estimate: 10,000 unpaid at 90% cover (example 1)
    claim.refresh_from_db()
    assert claim.calculation == {}  # the live calculation is for display only

    for kind in claim.required_documents:
        upload = client_of_finance.post(f"/claims/{claim.pk}/documents/",
                                        {"kind": kind, "file": SimpleUploadedFile(f"{kind}.pdf", PDF)})
        assert upload.status_code == 302
    assert ClaimDocument.objects.filter(claim=claim).count() == len(claim.required_documents)
    assert len(_stored_files(media)) == len(claim.required_documents)

    document = ClaimDocument.objects.filter(claim=claim).first()
    download = client_of_finance.get(f"/claims/{claim.pk}/documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert document.original_name in download["Content-Disposition"]

    submit = client_of_finance.post(f"/claims/{claim.pk}/submit/")
    assert submit.status_code == 302
    claim.refresh_from_db()
    assert claim.state == Claim.State.SUBMITTED and claim.filed_on == TODAY
    assert claim.calculated_indemnity == Decimal("9000.00")
    page = client_of_finance.get(f"/claims/{claim.pk}/").content.decode()
    assert "submitted to the insurer" in page and "F-100" in page


def test_the_list_shows_the_claim_and_filters_by_state(client_of_finance, draft):
    page = client_of_finance.get("/claims/").content.decode()
    assert "CLM-1" in page and "file the claim by" in page
    assert "CLM-1" not in client_of_finance.get("/claims/?state=paid").content.decode()
    assert "CLM-1" in client_of_finance.get("/claims/?state=draft").content.decode()
    assert client_of_finance.get("/claims/?state=nonsense").status_code == 200


# Bad input is a form error and stores nothing


@pytest.mark.parametrize("name,content,message", [
    ("invoice.exe", b"MZ\x90\x00binary", "are not accepted"),
    ("invoice.pdf", b"MZ\x90\x00renamed executable", "is not a .pdf file"),
])
def test_a_wrong_file_type_is_a_form_error_and_nothing_is_stored(client_of_finance, draft, media, name, content,
                                                                   message):
    response = client_of_finance.post(f"/claims/{draft.pk}/documents/",
                                      {"kind": DocumentKind.INVOICES, "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ClaimDocument.objects.exists()
    assert _stored_files(media) == []


def test_a_file_too_large_is_a_form_error(client_of_finance, draft, media, settings):
    settings.CLAIM_DOCUMENT_MAX_BYTES = 10
    response = client_of_finance.post(f"/claims/{draft.pk}/documents/",
                                      {"kind": DocumentKind.INVOICES, "file": SimpleUploadedFile("big.pdf", PDF)})
    assert response.status_code == 400 and "the largest accepted is" in response.content.decode()
    assert not ClaimDocument.objects.exists() and _stored_files(media) == []


def test_a_missing_file_is_a_form_error(client_of_finance, draft):
    response = client_of_finance.post(f"/claims/{draft.pk}/documents/", {"kind": DocumentKind.INVOICES})
    assert response.status_code == 400 and not ClaimDocument.objects.exists()


def test_filing_before_the_waiting_period_ends_is_a_form_error(client_of_finance, tenant, claim_policy):
    due = TODAY - timedelta(days=20)
    fresh = declare(tenant=tenant, policy=claim_policy, buyer=late_payer(name="Fresh Debtor GmbH"),
                    notified_on=TODAY - timedelta(days=5),
                    invoices=[invoice("F-7", shipped=due - timedelta(days=60), due=due, amount=5_000)])
    listing = client_of_finance.get("/claims/")
    [row] = listing.context["overdue_rows"]
    assert row["window"].opens == due + timedelta(days=150) and not row["open"]
    assert "opens on" in listing.content.decode()
    assert f"/claims/new/?overdue={fresh.pk}" in listing.content.decode()  # insolvency may be filed at once

    response = client_of_finance.post("/claims/new/", {"overdue": fresh.pk, "cause": Cause.PROTRACTED_DEFAULT})
    assert response.status_code == 400
    assert f"can be filed from {(due + timedelta(days=150)).isoformat()}" in response.content.decode()
    assert not Claim.objects.exists()


def test_an_insolvency_needs_its_date(client_of_finance, overdue):
    response = client_of_finance.post("/claims/new/", {"overdue": overdue.pk, "cause": Cause.INSOLVENCY})
    assert response.status_code == 400
    assert response.context["form"].errors["event_date"]
    assert not Claim.objects.exists()


@pytest.mark.parametrize("event_date,message", [
    ((TODAY + timedelta(days=3)).isoformat(), "cannot be in the future"),
    ("not-a-date", "Enter a valid date"),
])
def test_a_bad_event_date_is_a_form_error(client_of_finance, overdue, event_date, message):
    response = client_of_finance.post("/claims/new/", {"overdue": overdue.pk, "cause": Cause.INSOLVENCY,
                                                       "event_date": event_date})
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors["event_date"])
    assert not Claim.objects.exists()


def test_an_insolvency_is_filed_with_its_date_as_date_of_loss(client_of_finance, overdue):
    event = TODAY - timedelta(days=40)
    response = client_of_finance.post("/claims/new/", {"overdue": overdue.pk, "cause": Cause.INSOLVENCY,
                                                       "event_date": event.isoformat()})
    assert response.status_code == 302
    assert Claim.objects.get().date_of_loss == event


def test_a_second_claim_on_the_same_overdue_is_refused(client_of_finance, draft, overdue):
    # The overdue is no longer offered: a live claim is open on it.
    response = client_of_finance.post("/claims/new/", {"overdue": overdue.pk, "cause": Cause.PROTRACTED_DEFAULT})
    assert response.status_code == 400 and Claim.objects.count() == 1
    page = client_of_finance.get(f"/claims/new/?overdue={overdue.pk}")
    assert page.status_code == 200 and "not open to a claim" in page.content.decode()


# Buttons: POST only, errors as messages, never a 500


def test_withdraw_with_a_reason_then_again_is_a_message(client_of_finance, draft):
    response = client_of_finance.post(f"/claims/{draft.pk}/withdraw/", {"reason": "Buyer paid in full."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == Claim.State.WITHDRAWN
    assert draft.transitions.last().note == "Buyer paid in full."
    again = client_of_finance.post(f"/claims/{draft.pk}/withdraw/", {"reason": ""}, follow=True)
    assert again.status_code == 200 and "cannot be moved this way" in again.content.decode()


def test_submitting_twice_is_a_message(client_of_finance, draft):
    client_of_finance.post(f"/claims/{draft.pk}/submit/")
    again = client_of_finance.post(f"/claims/{draft.pk}/submit/", follow=True)
    assert again.status_code == 200 and "cannot be moved this way" in again.content.decode()


def test_uploading_to_a_withdrawn_claim_is_a_form_error(client_of_finance, draft, finance, media):
    services_claims.withdraw_claim(claim=draft, withdrawn_by=finance)
    response = client_of_finance.post(f"/claims/{draft.pk}/documents/", {"kind": DocumentKind.INVOICES, "file": pdf()})
    assert response.status_code == 400 and not ClaimDocument.objects.exists() and _stored_files(media) == []


def test_buttons_are_post_only_and_need_csrf(finance, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(finance)
    assert client.get(f"/claims/{draft.pk}/submit/").status_code == 405
    assert client.get(f"/claims/{draft.pk}/withdraw/").status_code == 405
    assert client.post(f"/claims/{draft.pk}/submit/").status_code == 403
    draft.refresh_from_db()
    assert draft.state == Claim.State.DRAFT


# Tenancy and roles


def test_outsider_gets_404_on_detail_download_and_actions(client_of_outsider, draft, finance, media):
    document = services_claims.upload_document(claim=draft, kind=DocumentKind.INVOICES, uploaded=pdf(),
                                               uploaded_by=finance)
    assert client_of_outsider.get(f"/claims/{draft.pk}/").status_code == 404
    assert client_of_outsider.get(f"/claims/{draft.pk}/documents/{document.pk}/").status_code == 404
    assert client_of_outsider.post(f"/claims/{draft.pk}/submit/").status_code == 404
    assert client_of_outsider.post(f"/claims/{draft.pk}/withdraw/").status_code == 404
    assert client_of_outsider.post(f"/claims/{draft.pk}/documents/",
                                   {"kind": DocumentKind.INVOICES, "file": pdf()}).status_code == 404
    assert "CLM-1" not in client_of_outsider.get("/claims/").content.decode()
    draft.refresh_from_db()
    assert draft.state == Claim.State.DRAFT and ClaimDocument.objects.count() == 1


def test_outsider_cannot_file_on_the_tenants_overdue(client_of_outsider, overdue):
    assert client_of_outsider.get(f"/claims/new/?overdue={overdue.pk}").status_code == 404
    assert "Late Payer" not in client_of_outsider.get("/claims/").content.decode()
    response = client_of_outsider.post("/claims/new/", {"overdue": overdue.pk, "cause": Cause.PROTRACTED_DEFAULT})
    assert response.status_code == 400 and not Claim.objects.exists()


def test_a_document_of_another_claim_is_not_served_under_this_one(client_of_finance, tenant, draft, finance, media,
                                                                 claim_policy, underwriter):
    other_overdue = _overdue_due_160_days_ago(tenant, claim_policy, underwriter, buyer_name="Second Debtor")
    other = services_claims.file_claim(tenant=tenant, filed_by=finance, overdue=other_overdue,
                                       cause=Cause.PROTRACTED_DEFAULT)
    document = services_claims.upload_document(claim=other, kind=DocumentKind.INVOICES, uploaded=pdf(),
                                               uploaded_by=finance)
    assert client_of_finance.get(f"/claims/{draft.pk}/documents/{document.pk}/").status_code == 404
    assert client_of_finance.get(f"/claims/{other.pk}/documents/{document.pk}/").status_code == 200


def test_a_document_whose_file_is_gone_is_a_404(client_of_finance, draft, finance, media):
    document = services_claims.upload_document(claim=draft, kind=DocumentKind.INVOICES, uploaded=pdf(),
                                               uploaded_by=finance)
    document.file.storage.delete(document.file.name)
    assert client_of_finance.get(f"/claims/{draft.pk}/documents/{document.pk}/").status_code == 404


def test_uploaded_files_are_not_served_from_media_url(client_of_finance, draft, finance, media):
    document = services_claims.upload_document(claim=draft, kind=DocumentKind.INVOICES, uploaded=pdf(),
                                               uploaded_by=finance)
    assert client_of_finance.get(f"/media/{document.file.name}").status_code == 404


def test_a_credit_manager_without_claim_permissions_gets_403(tenant, draft, overdue):
    client = logged_in(member(tenant, [CREDIT_MANAGER]))
    assert client.get("/claims/").status_code == 403
    assert client.get(f"/claims/{draft.pk}/").status_code == 403
    assert client.get(f"/claims/new/?overdue={overdue.pk}").status_code == 403


def test_a_tenant_admin_sees_claims_but_cannot_act(tenant, draft, media):
    client = logged_in(member(tenant, [TENANT_ADMIN]))
    page = client.get(f"/claims/{draft.pk}/")
    assert page.status_code == 200 and "Submit to the insurer" not in page.content.decode()
    assert client.post(f"/claims/{draft.pk}/submit/").status_code == 403
    assert client.post(f"/claims/{draft.pk}/documents/", {"kind": DocumentKind.INVOICES, "file": pdf()}
                       ).status_code == 403
    assert client.get("/claims/new/").status_code == 403


def test_anonymous_is_sent_to_login(client, draft):
    response = client.get("/claims/")
    assert response.status_code == 302 and "/login/" in response.url


# The list's query count does not grow with the rows


def test_list_query_count_is_pinned(client_of_finance, tenant, finance, claim_policy, django_assert_num_queries):
    due = TODAY - timedelta(days=160)
    for n in range(30):
        overdue = declare(tenant=tenant, policy=claim_policy, buyer=late_payer(name=f"Debtor {n}"),
                          notified_on=due + timedelta(days=30),
                          invoices=[invoice(f"F-{n}", shipped=due - timedelta(days=60), due=due, amount=1_000 + n)])
        if n % 3:  # a third stay open to claims, listed above the claims
            services_claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue,
                                       cause=Cause.PROTRACTED_DEFAULT, reference=f"CLM-{n}")
    with django_assert_num_queries(13):
        response = client_of_finance.get("/claims/")
    page = response.content.decode()
    assert response.status_code == 200 and "CLM-29" in page and "Debtor 0" in page


def test_the_detail_shows_requests_approval_override_payment_and_the_audit_trail(
        client_of_finance, tenant, finance, claims_handler, overdue, media):
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    services_claims.request_documents(claim=claim, kinds=[DocumentKind.OTHER], note="Signed delivery notes for March",
                                      requested_by=claims_handler)
    page = client_of_finance.get(f"/claims/{claim.pk}/").content.decode()
    assert "Signed delivery notes for March" in page and "requested" in page

    upload = client_of_finance.post(f"/claims/{claim.pk}/documents/", {"kind": DocumentKind.OTHER, "file": pdf()})
    assert upload.status_code == 302
    claim.refresh_from_db()
    assert claim.state == Claim.State.COMPLETE  # the upload met the last request

    services_claims.approve_claim(claim=claim, approved_by=claims_handler, amount=eur(8_500),
                                  override_reason="Buyer's set-off of 500 accepted.")
    services_claims.record_claim_payment(claim=claim, amount=eur(8_500), paid_on=TODAY, recorded_by=claims_handler,
                                         reference="PAY-42")
    response = client_of_finance.get(f"/claims/{claim.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "€8,500.00" in page and "Buyer&#x27;s set-off of 500 accepted." in page and "PAY-42" in page
    assert "€9,000.00" in page  # the stored calculation, beside the approved amount
    assert [row["target"] for row in response.context["transitions"]] == [
        "Draft", "Submitted", "Complete", "Incomplete: documents missing", "Complete", "Approved", "Paid"]
    assert "Submit to the insurer" not in page and 'name="reason"' not in page
    assert list(client_of_finance.get("/claims/?state=paid").context["claims"]) == [claim]
