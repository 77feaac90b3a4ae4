"""Buyer registry through the API: search, detail, proposals with Idempotency-Key; the outsider sees nothing."""

import pytest
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import FINANCE
from buyers import services
from buyers.models import Buyer, BuyerIdentifier
from tests.buyer_factories import BuyerFactory, BuyerIdentifierFactory
from tests.factories import api_error, api_problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

LIST = "/api/v1/buyers/"

PROPOSAL = {
    "legal_name": "Nuevo Cliente S.A.", "country": "ES", "registration_number": "A-98.765.431",
    "vat_number": "ESA98765431", "sector_nace": "46.90", "address": "Calle Mayor 1", "city": "Madrid",
    "postal_code": "28001",
}


@pytest.fixture
def muller(db):
    return BuyerFactory(legal_name="Müller GmbH", country="DE", registration_number="HRB 123.456",
                        vat_number="DE811111111", grade=3, identifiers=True)


@pytest.fixture
def iberia_proposal(tenant):
    return services.propose_buyer(tenant=tenant, legal_name="Secreto Distribuciones S.L.", country="ES",
                                  registration_number="B-12.345.678")


def _names(response):
    return [b["legal_name"] for b in response.json()["results"]]


def test_search_returns_the_buyer_with_its_identifiers(api_client, muller):
    response = api_client.get(LIST, {"q": "muller"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    buyer = body["results"][0]
    assert set(buyer) == {
        "id", "legal_name", "trading_name", "country", "registration_number", "vat_number", "lei", "sector_nace",
        "address", "city", "postal_code", "grade", "grade_date", "status", "kind", "identifiers",
    }
    assert (buyer["id"], buyer["country"], buyer["registration_number"], buyer["grade"], buyer["status"]) == (
        muller.pk, "DE", "HRB123456", 3, "confirmed"
    )
    assert sorted(buyer["identifiers"], key=lambda i: i["type"]) == [
        {"type": "national", "issuer": "", "country": "DE", "value": "HRB123456"},
        {"type": "vat", "issuer": "", "country": "DE", "value": "DE811111111"},
    ]


@pytest.mark.parametrize("query", ["MÜLLER gmbh", "hrb-123 456", "de.811.111.111"])
def test_search_by_name_registration_or_vat(api_client, muller, query):
    BuyerFactory(legal_name="Schmidt AG")
    assert _names(api_client.get(LIST, {"q": query})) == ["Müller GmbH"]


def test_search_filters_by_country(api_client, muller):
    BuyerFactory(legal_name="Müller SARL", country="FR")
    assert _names(api_client.get(LIST, {"q": "muller", "country": "fr"})) == ["Müller SARL"]
    assert _names(api_client.get(LIST, {"q": "muller"})) == ["Müller GmbH", "Müller SARL"]


def test_unknown_country_filter_is_a_400(api_client):
    response = api_client.get(LIST, {"country": "ZZ"})
    assert response.status_code == 400
    assert "/country" in api_error(response)[1]


def test_detail(api_client, muller):
    response = api_client.get(f"{LIST}{muller.pk}/")
    assert response.status_code == 200
    assert response.json()["legal_name"] == "Müller GmbH"
    assert api_client.get(f"{LIST}999999/").status_code == 404


def test_outsider_cannot_see_anothers_pending_proposal(api_client, api_client_of_outsider, iberia_proposal):
    assert api_client.get(f"{LIST}{iberia_proposal.pk}/").json()["status"] == "pending"
    assert _names(api_client.get(LIST, {"q": "secreto"})) == ["Secreto Distribuciones S.L."]
    assert api_client_of_outsider.get(f"{LIST}{iberia_proposal.pk}/").status_code == 404
    for query in ("secreto", "B12345678", ""):
        assert _names(api_client_of_outsider.get(LIST, {"q": query})) == []


def test_merged_buyers_are_not_listed(api_client, muller):
    duplicate = BuyerFactory(legal_name="Mueller GmbH")
    services.merge_buyers(source=duplicate, target=muller)
    assert _names(api_client.get(LIST)) == ["Müller GmbH"]
    assert api_client.get(f"{LIST}{duplicate.pk}/").status_code == 404


def test_propose_creates_a_pending_buyer(api_client, tenant):
    response = api_client.post(LIST, PROPOSAL, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    buyer = Buyer.objects.get()
    assert body["id"] == buyer.pk
    assert (body["status"], body["registration_number"], body["country"]) == ("pending", "A98765431", "ES")
    assert {i["type"] for i in body["identifiers"]} == {"national", "vat"}
    assert buyer.proposed_by_tenant == tenant


def test_duplicate_proposal_is_a_400_on_the_field(api_client, muller):
    response = api_client.post(LIST, {**PROPOSAL, "country": "DE", "registration_number": "hrb 123456",
                                      "vat_number": ""}, format="json")
    assert response.status_code == 400
    code, errors = api_error(response)
    assert code == "duplicate_buyer"
    assert "Müller GmbH" in errors["/registration_number"][0]
    assert Buyer.objects.count() == 1


def test_duplicate_of_anothers_proposal_does_not_name_it(api_client_of_outsider, iberia_proposal):
    response = api_client_of_outsider.post(LIST, {**PROPOSAL, "registration_number": "B12345678",
                                                  "vat_number": ""}, format="json")
    assert response.status_code == 400
    assert "Secreto" not in response.content.decode()


@pytest.mark.parametrize(
    "change,field",
    [
        ({"legal_name": None}, "legal_name"),
        ({"legal_name": "   "}, "legal_name"),
        ({"country": "XX"}, "country"),
        ({"country": None}, "country"),
        ({"registration_number": "", "vat_number": ""}, "registration_number"),
        ({"lei": "L" * 25}, "lei"),
        ({"registration_number": ["not", "a", "string"]}, "registration_number"),
    ],
)
def test_bad_proposal_uses_the_error_shape(api_client, change, field):
    data = {k: v for k, v in {**PROPOSAL, **change}.items() if v is not None}
    response = api_client.post(LIST, data, format="json")
    assert response.status_code == 400
    assert set(api_problem(response)) == {"type", "title", "status", "detail", "instance", "code", "errors"}
    assert f"/{field}" in api_error(response)[1]
    assert not Buyer.objects.exists()


def test_idempotency_key_replays_the_first_response(api_client):
    headers = {"HTTP_IDEMPOTENCY_KEY": "prop-001"}
    first = api_client.post(LIST, PROPOSAL, format="json", **headers)
    second = api_client.post(LIST, PROPOSAL, format="json", **headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Buyer.objects.count() == 1


def test_idempotency_key_with_another_body_is_a_422(api_client):
    headers = {"HTTP_IDEMPOTENCY_KEY": "prop-002"}
    assert api_client.post(LIST, PROPOSAL, format="json", **headers).status_code == 201
    response = api_client.post(LIST, {**PROPOSAL, "legal_name": "Otro"}, format="json", **headers)
    assert response.status_code == 422
    assert api_error(response)[0] == "idempotency_key_reused"
    assert Buyer.objects.count() == 1


def test_tenants_use_the_same_key_independently(api_client, api_client_of_outsider, tenant, other_tenant):
    headers = {"HTTP_IDEMPOTENCY_KEY": "shared-key"}
    mine = api_client.post(LIST, PROPOSAL, format="json", **headers)
    theirs = api_client_of_outsider.post(LIST, {**PROPOSAL, "country": "PT", "registration_number": "509999999",
                                                "vat_number": ""}, format="json", **headers)
    assert mine.status_code == theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs
    assert mine.json()["id"] != theirs.json()["id"]
    assert Buyer.objects.get(pk=theirs.json()["id"]).proposed_by_tenant == other_tenant


def test_failed_proposal_is_not_remembered_under_its_key(api_client):
    headers = {"HTTP_IDEMPOTENCY_KEY": "prop-003"}
    assert api_client.post(LIST, {**PROPOSAL, "country": "XX"}, format="json", **headers).status_code == 400
    assert api_client.post(LIST, {**PROPOSAL, "country": "XX"}, format="json", **headers).status_code == 400


def test_list_query_count_does_not_grow_with_rows(api_client, django_assert_num_queries):
    def make(n):
        for _ in range(n):
            buyer = BuyerFactory(identifiers=True)
            BuyerIdentifierFactory(buyer=buyer, type=BuyerIdentifier.Type.DUNS)

    # Token, permissions, identifier holders of the term, count, page, identifiers (one prefetch): the same
    # with 3 rows as with 40.
    make(3)
    with django_assert_num_queries(8):  # and the token's first use, recorded once
        assert api_client.get(LIST, {"q": "gmbh"}).json()["count"] == 3
    make(37)
    with django_assert_num_queries(7):
        body = api_client.get(LIST, {"q": "gmbh", "page_size": 100}).json()
    assert body["count"] == 40
    assert all(len(b["identifiers"]) == 3 for b in body["results"])


def _token_client(tenant, roles):
    _token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="ro", roles=roles)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    return client


def test_permissions(tenant, muller):
    assert APIClient().get(LIST).status_code in (401, 403)
    finance = _token_client(tenant, [FINANCE])
    assert finance.get(LIST).status_code == 403
    assert finance.get(f"{LIST}{muller.pk}/").status_code == 403
    assert finance.post(LIST, PROPOSAL, format="json").status_code == 403
    assert not Buyer.objects.filter(legal_name=PROPOSAL["legal_name"]).exists()


def test_schema_documents_buyers():
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert {"/api/v1/buyers/", "/api/v1/buyers/{id}/"} <= set(schema["paths"])
    post = schema["paths"]["/api/v1/buyers/"]["post"]
    assert post["tags"] == ["buyers"]
    assert post["requestBody"]["content"]["application/json"]["examples"]
