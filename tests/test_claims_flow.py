"""The whole compensation flow, as its users live it: a finance user declares an overdue, files the claim once
the waiting period has ended, uploads the documents and submits; a claims handler completes, approves and pays
it in the admin; finance sees it paid. Once in the browser, once through the API alone. The today is pinned to
each step's day."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import FINANCE
from claims.claims.models import Claim
from claims.overdues.models import Overdue
from tests.claim_helpers import PDF, approve_limit, late_payer
from tests.factories import logged_in, member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

SHIPPED, DUE = date(2026, 1, 15), date(2026, 3, 16)
NOTIFIED = date(2026, 4, 15)  # 30 days after the due date: in time
WAITING_ENDS = date(2026, 8, 13)  # due date + 150 days (example 7's rule)


@pytest.fixture
def buyer(tenant, policy, underwriter):
    buyer = late_payer("Impagos Ibéricos SA", country="PT")
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    return buyer


def handler_pays(claims_handler, claim, today, day):
    today(day)
    admin = logged_in(claims_handler)
    url = f"/admin/claims/claim/{claim.pk}/review/"
    assert admin.post(url, {"action": "confirm_complete"}).status_code == 302
    assert admin.post(url, {"action": "approve"}).status_code == 302
    assert admin.post(url, {"action": "pay", "amount": "9000.00", "paid_on": day.isoformat(),
                            "payment_reference": "SEPA-2026-77"}).status_code == 302


def test_the_browser_flow(tenant, policy, buyer, claims_handler, today, outsider):
    finance = logged_in(member(tenant, [FINANCE]))
    today(NOTIFIED)
    response = finance.post("/overdues/new/", {
        "policy": policy.pk, "buyer": buyer.pk, "reference": "OD-77", "mode": "notify",
        "invoices-TOTAL_FORMS": "1", "invoices-INITIAL_FORMS": "0", "invoices-MIN_NUM_FORMS": "1",
        "invoices-MAX_NUM_FORMS": "200", "invoices-0-number": "FA-2026-001",
        "invoices-0-invoice_date": SHIPPED.isoformat(), "invoices-0-shipment_date": SHIPPED.isoformat(),
        "invoices-0-due_date": DUE.isoformat(), "invoices-0-amount": "10000", "invoices-0-outstanding": "10000",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    overdue = Overdue.objects.get(reference="OD-77")
    assert overdue.state == Overdue.State.OPEN and not overdue.invoices.get().notified_late

    # One day before the waiting period ends the claim is refused, and nothing is written.
    today(date(2026, 8, 12))
    early = finance.post("/claims/new/", {"overdue": overdue.pk, "cause": "protracted_default"})
    assert early.status_code == 400 and "2026-08-13" in early.content.decode()
    assert not Claim.objects.exists()

    today(WAITING_ENDS)
    assert finance.post("/claims/new/", {"overdue": overdue.pk, "cause": "protracted_default",
                                         "reference": "CL-77"}).status_code == 302
    claim = Claim.objects.get(reference="CL-77")
    for kind in claim.required_documents:
        upload = finance.post(f"/claims/{claim.pk}/documents/",
                              {"kind": kind, "file": SimpleUploadedFile(f"{kind}.pdf", PDF)})
        assert upload.status_code == 302
    assert finance.post(f"/claims/{claim.pk}/submit/").status_code == 302

    handler_pays(claims_handler, claim, today, date(2026, 8, 20))
    page = finance.get(f"/claims/{claim.pk}/").content.decode()
    claim.refresh_from_db()
    assert claim.state == Claim.State.PAID and claim.paid_amount == Decimal("9000.00")
    assert "SEPA-2026-77" in page or "9000.00" in page
    assert logged_in(outsider).get(f"/claims/{claim.pk}/").status_code == 404


def test_the_api_flow(tenant, policy, buyer, claims_handler, today, api_client_of_outsider):
    _token, key = account_services.create_api_token(tenant=tenant, created_by=None, name="ERP", roles=[FINANCE])
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    money = {"amount": "10000.00", "currency": "EUR"}

    today(NOTIFIED)
    created = api.post("/api/v1/overdues/", {"policy": policy.pk, "buyer": buyer.pk, "reference": "OD-API", "invoices": [
        {"number": "FA-1", "invoice_date": SHIPPED.isoformat(), "shipment_date": SHIPPED.isoformat(),
         "due_date": DUE.isoformat(), "amount": money, "outstanding": money}]}, format="json",
        HTTP_IDEMPOTENCY_KEY="od-1")
    assert created.status_code == 201, created.json()
    overdue_id = created.json()["id"]

    today(date(2026, 8, 12))
    early = api.post("/api/v1/claims/", {"overdue": overdue_id, "cause": "protracted_default"}, format="json")
    assert early.status_code == 400 and not Claim.objects.exists()

    today(WAITING_ENDS)
    filed = api.post("/api/v1/claims/", {"overdue": overdue_id, "cause": "protracted_default", "reference": "CL-API"},
                     format="json", HTTP_IDEMPOTENCY_KEY="cl-1")
    assert filed.status_code == 201, filed.json()
    claim_id = filed.json()["id"]
    for kind in Claim.objects.get(pk=claim_id).required_documents:
        upload = api.post(f"/api/v1/claims/{claim_id}/documents/",
                          {"kind": kind, "file": SimpleUploadedFile(f"{kind}.pdf", PDF)}, format="multipart")
        assert upload.status_code == 201, upload.json()
    assert api.post(f"/api/v1/claims/{claim_id}/submit/", format="json").status_code == 200

    handler_pays(claims_handler, Claim.objects.get(pk=claim_id), today, date(2026, 8, 20))
    detail = api.get(f"/api/v1/claims/{claim_id}/").json()
    assert detail["state"] == "paid"
    assert detail["paid_amount"] == {"amount": "9000.00", "currency": "EUR"}
    assert api_client_of_outsider.get(f"/api/v1/claims/{claim_id}/").status_code == 404
