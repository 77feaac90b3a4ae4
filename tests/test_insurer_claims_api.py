"""Claims handlers' decisions through the insurer API (/api/v1/insurer/claims/): the queue across insureds, the
review, and request-documents, confirm-complete, approve, pay, reject, as the admin review page does them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.roles import CLAIMS_HANDLER, UNDERWRITER
from claims.claims import services as claims
from claims.claims.models import Claim, ClaimTransition, DocumentKind
from core.models import IdempotencyKey
from tests.claim_helpers import approve_limit, file_protracted_default, late_payer, pdf, upload_checklist
from tests.factories import PolicyFactory, api_error, insurer_token_client, logged_in, money_json
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

BASE = "/api/v1/insurer/claims/"
# The services count days in the project time zone: so do the tests.
TODAY = timezone.localdate()
DECISIONS = ("request-documents", "confirm-complete", "approve", "pay", "reject")


def url(claim, action=""):
    return f"{BASE}{claim.pk}/" + (f"{action}/" if action else "")


def submitted_claim(tenant, finance, underwriter, *, amount=10_000) -> Claim:
    """Protracted default on a running policy: invoice due today-160, so the filing window is open today."""
    policy = PolicyFactory(tenant=tenant, start_date=TODAY - timedelta(days=330), end_date=TODAY + timedelta(days=30))
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter,
                  effective=policy.start_date + timedelta(days=1))
    due = TODAY - timedelta(days=160)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, notified_on=due + timedelta(days=30),
                      invoices=[invoice(shipped=due - timedelta(days=60), due=due, amount=amount)])
    claim = file_protracted_default(tenant=tenant, overdue=overdue, by=finance)
    upload_checklist(claim, finance)
    return claims.submit_claim(claim=claim, submitted_by=finance, today=claim.date_of_loss)


@pytest.fixture
def claim(tenant, finance, underwriter):
    return submitted_claim(tenant, finance, underwriter)


@pytest.fixture
def complete(claim, claims_handler):
    return claims.confirm_complete(claim=claim, confirmed_by=claims_handler)


def _unchanged(claim) -> bool:
    before = (claim.state, claim.approved_indemnity, claim.paid_amount, claim.transitions.count())
    claim = Claim.objects.get(pk=claim.pk)
    return (claim.state, claim.approved_indemnity, claim.paid_amount, claim.transitions.count()) == before


# --- From submitted to paid --------------------------------------------------


def test_handler_takes_a_claim_from_submitted_to_paid(handler_api, claim, tenant):
    detail = handler_api.get(url(claim))
    assert detail.status_code == 200, detail.content
    body = detail.json()
    assert (body["state"], body["tenant_id"], body["tenant"]) == ("submitted", tenant.pk, tenant.legal_name)
    assert all(item["satisfied"] for item in body["checklist"]) and body["documents"]
    assert body["documents"][0]["download_url"].endswith(f"{BASE}{claim.pk}/documents/{body['documents'][0]['id']}/")
    assert body["live_calculation"]["indemnity"] == money_json("9000.00") and not body["live_calculation"]["snapshot"]

    response = handler_api.post(url(claim, "confirm-complete"), format="json")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "complete" and response.json()["payment_due_on"]

    response = handler_api.post(url(claim, "approve"), {}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "approved" and body["approved_indemnity"] == money_json("9000.00")
    assert body["live_calculation"] is None and body["calculation"]["indemnity"] == money_json("9000.00")

    response = handler_api.post(url(claim, "pay"), {"amount": money_json("9000.00"), "paid_on": TODAY.isoformat(),
                                                    "reference": "PAY-1"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["paid_amount"], body["payment_reference"]) == ("paid", money_json("9000.00"), "PAY-1")
    assert [t["target"] for t in body["transitions"]] == ["draft", "submitted", "complete", "approved", "paid"]
    assert all(t["by_insurer"] for t in body["transitions"][2:])
    moved_by = set(ClaimTransition.objects.filter(claim=claim, target__in=["complete", "approved", "paid"])
                   .values_list("by", flat=True))
    assert moved_by == {handler_api.acting_user.pk}


def test_requested_documents_make_the_file_incomplete_until_uploaded(handler_api, claim, finance):
    response = handler_api.post(url(claim, "request-documents"),
                                {"kinds": [DocumentKind.DEBT_ACKNOWLEDGEMENT], "note": "Since the due date."}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "incomplete"
    assert [(r["kind"], r["note"]) for r in body["document_requests"]] == [(DocumentKind.DEBT_ACKNOWLEDGEMENT, "Since the due date.")]
    assert any(item["requested"] and not item["satisfied"] for item in body["checklist"])
    # The request is still open: the file cannot be confirmed complete.
    refused = handler_api.post(url(claim, "confirm-complete"), format="json")
    assert refused.status_code == 400 and api_error(refused)[0] == "incomplete"
    claims.upload_document(claim=claim, kind=DocumentKind.DEBT_ACKNOWLEDGEMENT, uploaded=pdf(), uploaded_by=finance)
    assert handler_api.get(url(claim)).json()["state"] == "complete"


def test_reject_needs_a_reason_the_insured_sees(handler_api, claim, api_client):
    refused = handler_api.post(url(claim, "reject"), {"reason": "  "}, format="json")
    assert refused.status_code == 400 and "/reason" in api_error(refused)[1]
    assert _unchanged(claim)
    response = handler_api.post(url(claim, "reject"), {"reason": "Shipped before the limit."}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "rejected"
    assert api_client.get(f"/api/v1/claims/{claim.pk}/").json()["rejection_reason"] == "Shipped before the limit."


# --- Refusals: 400 with field messages, nothing changed ----------------------


def test_override_without_reason_is_refused_and_changes_nothing(handler_api, complete):
    response = handler_api.post(url(complete, "approve"), {"amount": money_json("8500.00")}, format="json")
    assert response.status_code == 400
    assert "/override_reason" in api_error(response)[1]
    assert _unchanged(complete) and complete.state == Claim.State.COMPLETE


def test_override_with_reason_is_approved(handler_api, complete):
    response = handler_api.post(url(complete, "approve"), {"amount": money_json("8500.00"), "override_reason": "Credit note"},
                                format="json")
    assert response.status_code == 200, response.content
    assert response.json()["approved_indemnity"] == money_json("8500.00")
    assert response.json()["override_reason"] == "Credit note"


@pytest.mark.parametrize("amount", ["8999.99", "9000.01"])
def test_paying_another_amount_than_approved_is_refused(handler_api, complete, claims_handler, amount):
    approved = claims.approve_claim(claim=complete, approved_by=claims_handler)
    response = handler_api.post(url(approved, "pay"), {"amount": money_json(amount), "paid_on": TODAY.isoformat()},
                                format="json")
    assert response.status_code == 400 and "/amount" in api_error(response)[1]
    assert _unchanged(approved) and approved.state == Claim.State.APPROVED


@pytest.mark.parametrize("action,payload,field", [
    ("approve", {"amount": {"amount": "9000.00", "currency": "USD"}, "override_reason": "x"}, "amount"),
    ("approve", {"amount": {"amount": 9000.0, "currency": "EUR"}}, "amount"),
    ("approve", {"amount": money_json("1e20"), "override_reason": "x"}, "amount"),
    ("pay", {"amount": money_json("9000.00"), "paid_on": "not a date"}, "paid_on"),
    ("pay", {"amount": money_json("9000.00"), "paid_on": TODAY.isoformat()}, None),  # not approved yet: the whole request
    ("request-documents", {"kinds": []}, "kinds"),
    ("request-documents", {"kinds": ["passport"]}, "kinds/0"),  # the list's first item
    ("reject", {}, "reason"),
])
def test_bad_decisions_are_refused_and_change_nothing(handler_api, complete, action, payload, field):
    response = handler_api.post(url(complete, action), payload, format="json")
    assert response.status_code == 400, response.content
    assert (f"/{field}" if field else "") in api_error(response)[1]
    assert _unchanged(complete)


def test_unknown_claim_is_404(handler_api, claim):
    assert handler_api.get(url(Claim(pk=claim.pk + 999))).status_code == 404
    assert handler_api.post(url(Claim(pk=claim.pk + 999), "approve"), {}, format="json").status_code == 404


# --- Idempotency -------------------------------------------------------------


def test_approve_replays_with_the_same_key(handler_api, complete):
    first = handler_api.post(url(complete, "approve"), {}, format="json", HTTP_IDEMPOTENCY_KEY="approve-1")
    again = handler_api.post(url(complete, "approve"), {}, format="json", HTTP_IDEMPOTENCY_KEY="approve-1")
    assert first.status_code == again.status_code == 200, again.content
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert ClaimTransition.objects.filter(claim=complete, target="approved").count() == 1
    # Stored under the claim's tenant, like the recoveries' keys.
    assert IdempotencyKey.objects.get(key="approve-1").tenant_id == complete.tenant_id
    other = handler_api.post(url(complete, "approve"), {"amount": money_json("1.00"), "override_reason": "x"},
                             format="json", HTTP_IDEMPOTENCY_KEY="approve-1")
    assert other.status_code == 422


def test_a_refused_decision_does_not_burn_the_key(handler_api, complete):
    key = {"HTTP_IDEMPOTENCY_KEY": "approve-2"}
    assert handler_api.post(url(complete, "approve"), {"amount": money_json("8500.00")}, format="json",
                            **key).status_code == 400
    fixed = handler_api.post(url(complete, "approve"), {"amount": money_json("8500.00"), "override_reason": "Credit note"},
                             format="json", **key)
    assert fixed.status_code == 200 and "Idempotent-Replayed" not in fixed


# --- Who may come in ---------------------------------------------------------


def _decide_all(client, claim) -> list[int]:
    payloads = {"request-documents": {"kinds": ["debt_acknowledgement"]}, "approve": {}, "reject": {"reason": "No"},
                "pay": {"amount": money_json("9000.00"), "paid_on": TODAY.isoformat()}, "confirm-complete": {}}
    return [client.post(url(claim, action), payloads[action], format="json").status_code for action in DECISIONS]


@pytest.mark.parametrize("how", ["session", "token"])
def test_underwriter_may_read_but_not_decide(how, underwriter, complete):
    client = logged_in(underwriter, client_class=APIClient) if how == "session" else insurer_token_client([UNDERWRITER])
    assert client.get(BASE).status_code == 200
    assert client.get(url(complete)).status_code == 200
    assert _decide_all(client, complete) == [403] * len(DECISIONS)
    assert _unchanged(complete)


def test_tenant_users_and_tokens_are_refused(user, outsider, api_client, api_client_of_outsider, complete):
    for client in (logged_in(user, client_class=APIClient), logged_in(outsider, client_class=APIClient), api_client, api_client_of_outsider):
        assert client.get(BASE).status_code == 403
        assert client.get(url(complete)).status_code == 403
        assert _decide_all(client, complete) == [403] * len(DECISIONS)
    assert _unchanged(complete)


def test_insurer_token_is_refused_on_the_tenants_claims_endpoints(complete):
    client = insurer_token_client([CLAIMS_HANDLER])
    for path in ("/api/v1/claims/", f"/api/v1/claims/{complete.pk}/", f"/api/v1/claims/{complete.pk}/calculation/"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert "results" not in response.json() and "state" not in response.json()
    assert client.post(f"/api/v1/claims/{complete.pk}/withdraw/", {}, format="json").status_code == 401
    assert _unchanged(complete)


def test_anonymous_is_401(complete):
    assert APIClient().get(BASE).status_code == 401
    assert APIClient().post(url(complete, "approve"), {}, format="json").status_code == 401


def test_document_is_downloaded_from_the_insurer_api(handler_api, claim):
    document = claim.documents.first()
    response = handler_api.get(f"{url(claim)}documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert handler_api.get(f"{url(claim)}documents/{document.pk + 999}/").status_code == 404


# --- The queue ---------------------------------------------------------------


def test_queue_across_tenants_oldest_payment_due_first_and_filters(handler_api, tenant, other_tenant, finance,
                                                                   outsider, underwriter, claims_handler):
    mine = submitted_claim(tenant, finance, underwriter)
    theirs = submitted_claim(other_tenant, outsider, underwriter)
    later = submitted_claim(tenant, finance, underwriter)
    for c in (mine, theirs, later):
        claims.confirm_complete(claim=c, confirmed_by=claims_handler)
    Claim.objects.filter(pk=theirs.pk).update(payment_due_on=TODAY - timedelta(days=5))
    Claim.objects.filter(pk=mine.pk).update(payment_due_on=TODAY - timedelta(days=1))
    Claim.objects.filter(pk=later.pk).update(payment_due_on=TODAY + timedelta(days=30))
    waiting = submitted_claim(tenant, finance, underwriter)  # no payment clock: last

    rows = handler_api.get(BASE).json()["results"]
    assert [r["id"] for r in rows] == [theirs.pk, mine.pk, later.pk, waiting.pk]
    assert [r["payment_late"] for r in rows] == [True, True, False, False]
    assert rows[0]["tenant"] == other_tenant.legal_name

    def ids(query):
        return [r["id"] for r in handler_api.get(BASE + query).json()["results"]]

    assert ids("?payment_late=true") == [theirs.pk, mine.pk]
    assert ids("?payment_late=false") == [later.pk, waiting.pk]
    assert ids(f"?tenant={other_tenant.pk}") == [theirs.pk]
    assert ids("?state=submitted") == [waiting.pk]
    assert handler_api.get(BASE + "?state=sold").status_code == 400


def test_queue_query_count_does_not_grow_with_claims(handler_api, tenant, other_tenant, finance, outsider,
                                                     underwriter, django_assert_num_queries):
    for _ in range(2):
        submitted_claim(tenant, finance, underwriter)
    # Session or token, permissions (2), count, page, invoices and the policies' terms versions (a prefetch each):
    # 8 or 9, with 2 rows or 22.
    with django_assert_num_queries(8 if hasattr(handler_api, "token") else 9):
        assert handler_api.get(BASE).json()["count"] == 2
    for _ in range(10):
        submitted_claim(tenant, finance, underwriter)
        submitted_claim(other_tenant, outsider, underwriter)
    with django_assert_num_queries(7 if hasattr(handler_api, "token") else 9):
        assert handler_api.get(BASE).json()["count"] == 22


def test_detail_query_count_does_not_grow_with_documents(handler_api, claim, finance, django_assert_num_queries):
    # The checklist and the calculation read the documents, requests and invoices the detail prefetched, and the
    # calculation the policy's insurance periods (the claim's period: the oldest shipment's).
    with django_assert_num_queries(23 if hasattr(handler_api, "token") else 24):
        assert handler_api.get(url(claim)).status_code == 200
    for n in range(10):
        claims.upload_document(claim=claim, kind=DocumentKind.OTHER, uploaded=pdf(f"other-{n}.pdf"),
                               uploaded_by=finance)
    with django_assert_num_queries(22 if hasattr(handler_api, "token") else 24):
        assert len(handler_api.get(url(claim)).json()["documents"]) == len(claim.required_documents) + 10


def test_a_draft_is_not_shown_to_the_insurer(handler_api, tenant, finance, underwriter):
    submitted = submitted_claim(tenant, finance, underwriter)
    draft = submitted_claim(tenant, finance, underwriter)
    Claim.objects.filter(pk=draft.pk).update(state=Claim.State.DRAFT, filed_on=None)
    assert handler_api.get(url(draft)).status_code == 404
    assert handler_api.post(url(draft, "confirm-complete"), format="json").status_code == 404
    listed = [row["id"] for row in handler_api.get(BASE).json()["results"]]
    assert submitted.pk in listed and draft.pk not in listed
