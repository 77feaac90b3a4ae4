"""The claims handler's review page in the admin: checklist, calculation, decisions, payment."""

from datetime import date

import pytest
from django.test import Client

from claims.claims import services as claims
from claims.claims.models import Claim, ClaimTransition, DocumentKind
from tests.claim_helpers import approve_limit, complete_claim, file_protracted_default, late_payer
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]


@pytest.fixture
def handler_client(claims_handler):
    client = Client()
    client.force_login(claims_handler)
    return client


@pytest.fixture
def overdue(tenant, policy, underwriter):
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    return declare(tenant=tenant, policy=policy, buyer=buyer, invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])


def review(client, claim, **data):
    return client.post(f"/admin/claims/claim/{claim.pk}/review/", data)


def test_review_page_shows_checklist_and_calculation(handler_client, tenant, overdue, finance):
    claim = file_protracted_default(tenant=tenant, overdue=overdue, by=finance)
    # A draft is the insured's file in preparation: the insurer sees it once submitted.
    assert handler_client.get(f"/admin/claims/claim/{claim.pk}/review/").status_code == 404
    claims.submit_claim(claim=claim, submitted_by=finance, today=claim.date_of_loss)
    page = handler_client.get(f"/admin/claims/claim/{claim.pk}/review/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Proof of delivery" in text and "€9,000.00" in text  # the live calculation: 10,000 at 90%


def test_handler_approves_and_pays_in_the_admin(handler_client, tenant, overdue, finance, claims_handler):
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    assert review(handler_client, claim, action="approve").status_code == 302
    response = review(handler_client, claim, action="pay", amount="9000.00", paid_on=date.today().isoformat(),
                      payment_reference="SEPA-77")
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.state, claim.paid_amount, claim.payment_reference) == (Claim.State.PAID, 9000, "SEPA-77")


def test_override_without_reason_is_a_form_error_and_changes_nothing(handler_client, tenant, overdue, finance,
                                                                     claims_handler):
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    response = review(handler_client, claim, action="approve", amount="7000")
    assert response.status_code == 200 and "Give a reason" in response.content.decode()
    claim.refresh_from_db()
    assert claim.state == Claim.State.COMPLETE and claim.approved_indemnity is None


def test_request_documents_makes_the_file_incomplete(handler_client, tenant, overdue, finance, claims_handler):
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    review(handler_client, claim, action="request_documents", kinds=[DocumentKind.DEBT_ACKNOWLEDGEMENT],
           note="Signed by the buyer, please.")
    claim.refresh_from_db()
    assert claim.state == Claim.State.INCOMPLETE
    assert ClaimTransition.objects.filter(claim=claim, target="incomplete", by=claims_handler).exists()


def test_underwriter_cannot_decide_claims(client_of_underwriter, tenant, overdue, finance, claims_handler):
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    assert review(client_of_underwriter, claim, action="approve").status_code == 403
    claim.refresh_from_db()
    assert claim.state == Claim.State.COMPLETE


def test_handler_downloads_a_document(handler_client, tenant, overdue, finance):
    claim = file_protracted_default(tenant=tenant, overdue=overdue, by=finance)
    from tests.claim_helpers import PDF, pdf

    document = claims.upload_document(claim=claim, kind=DocumentKind.CONTRACT, uploaded=pdf("contract.pdf"),
                                      uploaded_by=finance)
    claims.submit_claim(claim=claim, submitted_by=finance, today=claim.date_of_loss)
    response = handler_client.get(f"/admin/claims/claim/{claim.pk}/documents/{document.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_claims_list_shows_late_payments(handler_client, tenant, overdue, finance, claims_handler):
    complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    assert handler_client.get("/admin/claims/claim/?payment=late").status_code == 200
    assert handler_client.get("/admin/claims/claim/?payment=due").status_code == 200


# The outsider: another insured's claim in the same queue

@pytest.fixture
def outsider_claim(other_tenant, outsider, outsider_policy, underwriter, claims_handler):
    buyer = late_payer("Their Late Payer S.p.A.")
    approve_limit(tenant=other_tenant, policy=outsider_policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(other_tenant, outsider_policy, buyer, [invoice(shipped=date(2026, 2, 1), amount=20_000)])
    return complete_claim(tenant=other_tenant, overdue=overdue, finance=outsider, handler=claims_handler)


def test_a_decision_on_one_tenants_claim_leaves_the_outsiders_claim_alone(
    handler_client, tenant, overdue, finance, claims_handler, outsider_claim
):
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    assert review(handler_client, claim, action="approve").status_code == 302
    claim.refresh_from_db()
    outsider_claim.refresh_from_db()
    assert claim.state == Claim.State.APPROVED
    assert (outsider_claim.state, outsider_claim.approved_indemnity) == (Claim.State.COMPLETE, None)
    assert not outsider_claim.transitions.filter(target=Claim.State.APPROVED).exists()


def test_the_outsider_cannot_open_the_review_page_of_the_tenants_claim(
    client_of_outsider, tenant, overdue, finance, claims_handler
):
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)
    response = client_of_outsider.get(f"/admin/claims/claim/{claim.pk}/review/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    claim.refresh_from_db()
    assert claim.state == Claim.State.COMPLETE
