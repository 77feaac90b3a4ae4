"""The policy's life in the insurer API (issue 10, item 9): loss payees (list, assign on a buyer or the whole
policy, release), a buyer's kind, and buyers related to an insured (list, record, end). Underwriters only:
anonymous callers and tenant tokens are refused; refusals point at their field and write nothing."""

import pytest
from rest_framework.test import APIClient

from buyers.models import Buyer
from buyers.relations import InsuredRelation
from core.models import Notification
from policies.loss_payees.models import LossPayee
from tests.factories import api_error, insurer_token_client

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

IBAN = "DE89370400440532013000"
LOSS_PAYEES = "/api/v1/insurer/policies/{}/loss-payees/"


def _assignment(**overrides):
    return {"bank_name": "Banco Financiador", "iban": IBAN, "contact_email": "finance@banco.example",
            "effective_from": "2026-03-01", "reason": "Financing agreement 2026-17", **overrides}


# --- Who may call --------------------------------------------------------------------------------------------

@pytest.fixture
def relation(tenant, buyer):
    return InsuredRelation.objects.create(tenant=tenant, buyer=buyer, note="Subsidiary")


@pytest.fixture
def payee(policy):
    return LossPayee.objects.create(tenant=policy.tenant, policy=policy, bank_name="Bank", iban=IBAN,
                                    contact_email="b@bank.example", effective_from=policy.start_date, reason="F")


def _routes(policy, buyer, payee, relation):
    return [("get", LOSS_PAYEES.format(policy.pk)), ("post", LOSS_PAYEES.format(policy.pk)),
            ("post", f"/api/v1/insurer/loss-payees/{payee.pk}/release/"),
            ("post", f"/api/v1/insurer/buyers/{buyer.pk}/kind/"),
            ("get", "/api/v1/insurer/insured-relations/"), ("post", "/api/v1/insurer/insured-relations/"),
            ("post", f"/api/v1/insurer/insured-relations/{relation.pk}/end/")]


def test_anonymous_callers_and_tenant_tokens_are_refused_and_change_nothing(api_client, policy, buyer, payee,
                                                                            relation):
    for client in (APIClient(), api_client):
        for method, path in _routes(policy, buyer, payee, relation):
            body = {"kind": "public_body", "reason": "x", "ended_on": "2026-06-30", "tenant": policy.tenant_id,
                    "buyer": buyer.pk, "note": "x", **_assignment()}
            response = getattr(client, method)(path, body, format="json")
            assert response.status_code in (401, 403), (path, response.status_code)
    assert LossPayee.objects.get(pk=payee.pk).ended_on is None
    assert Buyer.objects.get(pk=buyer.pk).kind == "company"
    assert InsuredRelation.objects.filter(pk=relation.pk).exists()
    assert InsuredRelation.objects.count() == 1 and LossPayee.objects.count() == 1


def test_a_claims_handler_token_may_not_assign_nor_change_a_kind(policy, buyer):
    client = insurer_token_client(["Claims handler"])
    assert client.post(LOSS_PAYEES.format(policy.pk), _assignment(), format="json").status_code == 403
    assert client.post(f"/api/v1/insurer/buyers/{buyer.pk}/kind/", {"kind": "public_body", "reason": "x"},
                       format="json").status_code == 403


# --- Loss payees ---------------------------------------------------------------------------------------------

def test_an_underwriter_assigns_on_a_buyer_and_the_whole_policy_lists_and_releases(underwriter_api, policy, buyer,
                                                                                 outsider_policy):
    on_buyer = underwriter_api.post(LOSS_PAYEES.format(policy.pk), _assignment(buyer=buyer.pk), format="json")
    assert on_buyer.status_code == 201, on_buyer.json()
    assert on_buyer.json()["buyer_id"] == buyer.pk and on_buyer.json()["tenant_id"] == policy.tenant_id
    whole = underwriter_api.post(LOSS_PAYEES.format(policy.pk), _assignment(bank_name="Other Bank"), format="json")
    assert whole.status_code == 201 and whole.json()["buyer_id"] is None
    listed = underwriter_api.get(LOSS_PAYEES.format(policy.pk))
    assert listed.status_code == 200
    assert {row["bank_name"] for row in listed.json()} == {"Banco Financiador", "Other Bank"}
    assert underwriter_api.get(LOSS_PAYEES.format(outsider_policy.pk)).json() == []
    # The insured is told of the assignment.
    assert Notification.objects.filter(tenant=policy.tenant, code="loss_payee.assigned").count() == 2
    released = underwriter_api.post(f"/api/v1/insurer/loss-payees/{on_buyer.json()['id']}/release/",
                                    {"ended_on": "2026-06-30", "reason": "Repaid"}, format="json")
    assert released.status_code == 200, released.json()
    assert released.json()["ended_on"] == "2026-06-30"
    assert LossPayee.objects.get(pk=on_buyer.json()["id"]).release_reason == "Repaid"
    again = underwriter_api.post(f"/api/v1/insurer/loss-payees/{on_buyer.json()['id']}/release/",
                                 {"ended_on": "2026-06-30", "reason": "Repaid"}, format="json")
    assert again.status_code == 400 and api_error(again)[0] == "loss_payee_ended"


@pytest.mark.parametrize("overrides, pointer", [
    ({"iban": "DE89370400440532013001"}, "/iban"),
    ({"bic": "NOTABIC!"}, "/bic"),
    ({"effective_from": "2027-03-01"}, "/effective_from"),
    ({"contact_email": "not an address"}, "/contact_email"),
    ({"language": "fr"}, "/language"),
    ({"buyer": 999999}, "/buyer"),
    ({"reason": ""}, "/reason"),
])
def test_a_bad_assignment_points_at_its_field_and_writes_nothing(underwriter_api, policy, overrides, pointer):
    response = underwriter_api.post(LOSS_PAYEES.format(policy.pk), _assignment(**overrides), format="json")
    assert response.status_code == 400 and pointer in api_error(response)[1], api_error(response)
    assert not LossPayee.objects.exists()
    assert not Notification.objects.filter(code="loss_payee.assigned").exists()


def test_a_second_running_assignment_on_the_policy_is_refused(underwriter_api, policy, payee):
    response = underwriter_api.post(LOSS_PAYEES.format(policy.pk), _assignment(), format="json")
    assert response.status_code == 400 and "/policy" in api_error(response)[1]
    assert LossPayee.objects.count() == 1


def test_a_release_before_the_start_points_at_ended_on(underwriter_api, payee):
    response = underwriter_api.post(f"/api/v1/insurer/loss-payees/{payee.pk}/release/",
                                    {"ended_on": "2025-12-31", "reason": "Repaid"}, format="json")
    assert response.status_code == 400 and "/ended_on" in api_error(response)[1]
    assert LossPayee.objects.get(pk=payee.pk).ended_on is None


def test_unknown_policy_and_assignment_are_404(underwriter_api):
    assert underwriter_api.get(LOSS_PAYEES.format(999999)).status_code == 404
    assert underwriter_api.post("/api/v1/insurer/loss-payees/999999/release/",
                                {"ended_on": "2026-06-30", "reason": "x"}, format="json").status_code == 404


# --- A buyer's kind ------------------------------------------------------------------------------------------

def test_an_underwriter_sets_a_buyers_kind_and_the_history_keeps_who_and_why(underwriter_api, buyer):
    response = underwriter_api.post(f"/api/v1/insurer/buyers/{buyer.pk}/kind/",
                                    {"kind": "public_body", "reason": "A municipal company."}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["kind"] == "public_body"
    latest = Buyer.history.filter(id=buyer.pk).order_by("-history_id").first()
    assert latest.kind == "public_body" and latest.history_change_reason == "A municipal company."
    assert latest.history_user == underwriter_api.acting_user


@pytest.mark.parametrize("payload, pointer", [({"kind": "martian", "reason": "x"}, "/kind"),
                                              ({"kind": "public_body", "reason": ""}, "/reason"),
                                              ({"reason": "x"}, "/kind")])
def test_a_bad_kind_points_at_its_field_and_changes_nothing(underwriter_api, buyer, payload, pointer):
    response = underwriter_api.post(f"/api/v1/insurer/buyers/{buyer.pk}/kind/", payload, format="json")
    assert response.status_code == 400 and pointer in api_error(response)[1], api_error(response)
    assert Buyer.objects.get(pk=buyer.pk).kind == "company"


# --- Buyers related to an insured ----------------------------------------------------------------------------

def test_an_underwriter_records_lists_and_ends_a_relation(underwriter_api, tenant, other_tenant, buyer):
    recorded = underwriter_api.post("/api/v1/insurer/insured-relations/",
                                    {"tenant": tenant.pk, "buyer": buyer.pk, "note": "Subsidiary (60%)"},
                                    format="json")
    assert recorded.status_code == 201, recorded.json()
    relation_id = recorded.json()["id"]
    assert InsuredRelation.objects.get(pk=relation_id).recorded_by == underwriter_api.acting_user
    InsuredRelation.objects.create(tenant=other_tenant, buyer=buyer, note="Parent")
    mine = underwriter_api.get(f"/api/v1/insurer/insured-relations/?tenant={tenant.pk}").json()["results"]
    assert [row["id"] for row in mine] == [relation_id] and mine[0]["buyer"] == buyer.legal_name
    assert underwriter_api.get("/api/v1/insurer/insured-relations/").json()["count"] == 2
    twice = underwriter_api.post("/api/v1/insurer/insured-relations/",
                                 {"tenant": tenant.pk, "buyer": buyer.pk, "note": "Again"}, format="json")
    assert twice.status_code == 400 and "/buyer" in api_error(twice)[1]
    ended = underwriter_api.post(f"/api/v1/insurer/insured-relations/{relation_id}/end/", {"reason": "Sold"},
                                 format="json")
    assert ended.status_code == 204
    assert not InsuredRelation.objects.filter(pk=relation_id).exists()
    gone = InsuredRelation.history.filter(id=relation_id, history_type="-").get()
    assert gone.history_change_reason == "Sold" and gone.history_user == underwriter_api.acting_user
    assert underwriter_api.post(f"/api/v1/insurer/insured-relations/{relation_id}/end/", {"reason": "Sold"},
                                format="json").status_code == 404


@pytest.mark.parametrize("payload, pointer", [
    ({"buyer": 999999, "note": "x"}, "/buyer"),
    ({"tenant": 999999, "note": "x"}, "/tenant"),
    ({"note": ""}, "/note"),
    ({"note": "x" * 201}, "/note"),
])
def test_a_bad_relation_points_at_its_field_and_writes_nothing(underwriter_api, tenant, buyer, payload, pointer):
    body = {"tenant": tenant.pk, "buyer": buyer.pk, **payload}
    response = underwriter_api.post("/api/v1/insurer/insured-relations/", body, format="json")
    assert response.status_code == 400 and pointer in api_error(response)[1], api_error(response)
    assert not InsuredRelation.objects.exists()


def test_ending_needs_a_reason(underwriter_api, relation):
    response = underwriter_api.post(f"/api/v1/insurer/insured-relations/{relation.pk}/end/", {"reason": ""},
                                    format="json")
    assert response.status_code == 400 and "/reason" in api_error(response)[1]
    assert InsuredRelation.objects.filter(pk=relation.pk).exists()


def test_a_relation_recorded_through_the_api_excludes_the_buyer_from_the_insureds_cover(underwriter_api, tenant,
                                                                                      buyer):
    from buyers.relations import related_buyer_ids

    underwriter_api.post("/api/v1/insurer/insured-relations/", {"tenant": tenant.pk, "buyer": buyer.pk,
                                                                "note": "Subsidiary"}, format="json")
    assert related_buyer_ids(tenant_id=tenant.pk, buyer_ids=[buyer.pk]) == {buyer.pk}
    relation = InsuredRelation.objects.get()
    underwriter_api.post(f"/api/v1/insurer/insured-relations/{relation.pk}/end/", {"reason": "Sold"}, format="json")
    assert related_buyer_ids(tenant_id=tenant.pk, buyer_ids=[buyer.pk]) == set()
