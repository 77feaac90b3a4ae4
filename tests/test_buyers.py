"""Buyer registry: search, proposals, grades and merges; the insured's pages and the underwriters' admin.

One registry for every insured: a tenant sees confirmed buyers and its own pending proposals,
never another insured's proposal (it would tell whom that insured sells to).
"""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from accounts.roles import FINANCE
from buyers import services
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier
from buyers.selectors import buyers_visible_to, search_buyers
from core.exceptions import DomainError
from tests.buyer_factories import BuyerFactory, BuyerIdentifierFactory, PendingBuyerFactory
from tests.factories import member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


def names(qs):
    return [b.legal_name for b in qs]


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["muller", "MÜLLER", "Muller gmbh", "mÜll", "  müller   GmbH "])
def test_search_ignores_case_and_accents(tenant, muller, query):
    BuyerFactory(legal_name="Schmidt AG")
    assert names(search_buyers(tenant=tenant, query=query)) == ["Müller GmbH"]


@pytest.mark.parametrize("query", ["HRB123456", "hrb-123.456", "hrb 123 456", "123.456"])
def test_search_by_registration_number_compares_compacted(tenant, muller, query):
    assert names(search_buyers(tenant=tenant, query=query)) == ["Müller GmbH"]


@pytest.mark.parametrize("query", ["b-12.345", "B12345678", "esb-12345678", "ES B12.345.678"])
def test_search_by_punctuated_identifier_finds_the_compacted_number(tenant, iberia_proposal, query):
    assert names(search_buyers(tenant=tenant, query=query)) == ["Secreto Distribuciones S.L."]


def test_search_by_vat_number(tenant, muller):
    BuyerFactory(legal_name="Other GmbH", vat_number="DE999999999")
    assert names(search_buyers(tenant=tenant, query="de 811 111 111")) == ["Müller GmbH"]
    assert names(search_buyers(tenant=tenant, query="DE811111111")) == ["Müller GmbH"]


def test_search_by_another_typed_identifier(tenant, muller):
    BuyerIdentifierFactory(buyer=muller, type=BuyerIdentifier.Type.DUNS, value="31-562-1234")
    assert names(search_buyers(tenant=tenant, query="315621234")) == ["Müller GmbH"]


def test_every_word_must_match_and_country_narrows(tenant, muller):
    BuyerFactory(legal_name="Müller Frères SARL", country="FR", registration_number="552081317", vat_number="")
    assert names(search_buyers(tenant=tenant, query="muller")) == ["Müller Frères SARL", "Müller GmbH"]
    assert names(search_buyers(tenant=tenant, query="muller freres")) == ["Müller Frères SARL"]
    assert names(search_buyers(tenant=tenant, query="muller", country="de")) == ["Müller GmbH"]
    assert names(search_buyers(tenant=tenant, query="&")) == ["Müller Frères SARL", "Müller GmbH"]


def test_pending_proposal_is_visible_to_its_proposer_only(tenant, other_tenant, iberia_proposal):
    assert iberia_proposal in buyers_visible_to(tenant=tenant)
    assert iberia_proposal not in buyers_visible_to(tenant=other_tenant)
    assert not search_buyers(tenant=other_tenant, query="secreto").exists()
    assert iberia_proposal not in buyers_visible_to(tenant=None)


def test_pending_buyer_without_proposer_is_not_visible_without_a_tenant():
    buyer = PendingBuyerFactory(proposed_by_tenant=None)
    assert buyer not in buyers_visible_to(tenant=None)


# --- proposals -------------------------------------------------------------------------------


def test_proposal_waits_for_identification_with_its_identifiers(tenant, iberia_proposal):
    buyer = iberia_proposal
    assert buyer.status == Buyer.Status.PENDING
    assert buyer.proposed_by_tenant == tenant
    assert buyer.registration_number == "B12345678"
    assert set(buyer.identifiers.values_list("type", "value")) == {("national", "B12345678"), ("vat", "ESB12345678")}


def test_duplicate_registration_in_the_same_country_is_refused(tenant, muller):
    with pytest.raises(DomainError) as err:
        services.propose_buyer(tenant=tenant, legal_name="Mueller", country="de", registration_number="hrb-123 456")
    assert err.value.field == "registration_number"
    assert err.value.code == "duplicate_buyer"
    assert "Müller GmbH" in err.value.message
    assert err.value.buyer == muller
    assert Buyer.objects.count() == 1


def test_same_registration_number_in_another_country_is_another_buyer(tenant, muller):
    buyer = services.propose_buyer(tenant=tenant, legal_name="Muller SA", country="FR", registration_number="HRB123456")
    assert buyer.pk != muller.pk


def test_duplicate_vat_number_is_refused(tenant, muller):
    with pytest.raises(DomainError) as err:
        services.propose_buyer(tenant=tenant, legal_name="Mueller", country="DE", vat_number="DE 811 111 111")
    assert err.value.field == "vat_number"


def test_duplicate_of_another_insureds_proposal_does_not_name_it(other_tenant, iberia_proposal):
    with pytest.raises(DomainError) as err:
        services.propose_buyer(tenant=other_tenant, legal_name="X", country="ES", registration_number="B12345678")
    assert "Secreto" not in err.value.message
    assert err.value.buyer is None


def test_number_of_a_merged_buyer_still_finds_the_survivor(tenant, muller):
    duplicate = BuyerFactory(legal_name="Mueller GmbH", registration_number="HRB 999", vat_number="")
    services.merge_buyers(source=duplicate, target=muller)
    with pytest.raises(DomainError) as err:
        services.propose_buyer(tenant=tenant, legal_name="M", country="DE", registration_number="HRB999")
    assert err.value.buyer == muller


@pytest.mark.parametrize(
    "kwargs,field",
    [
        ({"legal_name": " ", "country": "DE", "registration_number": "1"}, "legal_name"),
        ({"legal_name": "A", "country": "", "registration_number": "1"}, "country"),
        ({"legal_name": "A", "country": None, "registration_number": "1"}, "country"),
        ({"legal_name": "A", "country": "XX", "registration_number": "1"}, "country"),
        ({"legal_name": "A", "country": "DE"}, "registration_number"),
        ({"legal_name": "A", "country": "DE", "registration_number": "1", "lei": "X" * 30}, "lei"),
    ],
)
def test_bad_proposals_are_domain_errors_on_their_field(tenant, kwargs, field):
    with pytest.raises(DomainError) as err:
        services.propose_buyer(tenant=tenant, **kwargs)
    assert err.value.field == field
    assert not Buyer.objects.exists()


def test_database_keeps_registration_unique_per_country(muller):
    with pytest.raises(IntegrityError), transaction.atomic():
        Buyer.objects.create(legal_name="Bypass", country="DE", registration_number="HRB123456")


def test_database_allows_many_buyers_without_registration_number():
    # The unique registration number per country applies to numbers given, not to the empty one.
    first = Buyer.objects.create(legal_name="A", country="DE", vat_number="DE1")
    second = Buyer.objects.create(legal_name="B", country="DE", vat_number="DE2")
    assert first.registration_number == second.registration_number == ""
    assert set(Buyer.objects.filter(country="DE", registration_number="").values_list("pk", flat=True)) == {
        first.pk, second.pk,
    }


# --- grades ----------------------------------------------------------------------------------


@pytest.mark.parametrize("grade", [0, 11, -1, "5", 5.0, True, None])
def test_grade_outside_one_to_ten_is_refused_by_the_service(muller, grade):
    with pytest.raises(DomainError) as err:
        services.grade_buyer(buyer=muller, grade=grade)
    assert err.value.field == "grade"
    assert not BuyerGrade.objects.exists()


@pytest.mark.parametrize("grade", [0, 11])
def test_database_check_refuses_grade_outside_one_to_ten(muller, grade):
    with pytest.raises(IntegrityError), transaction.atomic():
        Buyer.objects.filter(pk=muller.pk).update(grade=grade)
    with pytest.raises(IntegrityError), transaction.atomic():
        BuyerGrade.objects.create(buyer=muller, grade=grade, graded_on=date(2026, 1, 1))


def test_each_grade_is_kept_in_the_history(muller, underwriter):
    services.grade_buyer(buyer=muller, grade=3, graded_by=underwriter, reason="accounts 2025", graded_on=date(2026, 1, 5))
    buyer = services.grade_buyer(buyer=muller, grade=8, graded_by=underwriter, reason="payment defaults",
                                 graded_on=date(2026, 3, 1))
    assert (buyer.grade, buyer.grade_date) == (8, date(2026, 3, 1))
    history = list(muller.grades.values_list("grade", "previous_grade", "reason", "graded_by"))
    assert history == [(8, 3, "payment defaults", underwriter.pk), (3, None, "accounts 2025", underwriter.pk)]


def test_confirming_with_a_grade_records_it(tenant, iberia_proposal):
    buyer = services.confirm_buyer(buyer=iberia_proposal, grade=4)
    assert (buyer.status, buyer.grade) == (Buyer.Status.CONFIRMED, 4)
    assert buyer.grades.count() == 1


def test_country_risk_grade_is_one_to_seven():
    with pytest.raises(DomainError):
        services.set_country_risk(country="AR", grade=8)
    assert services.set_country_risk(country="ar", grade=6).country.code == "AR"


# --- merges ----------------------------------------------------------------------------------


def test_merge_moves_identifiers_and_grades_and_marks_the_source_merged(tenant, muller, underwriter):
    duplicate = BuyerFactory(legal_name="Mueller GmbH", registration_number="HRB 777", vat_number="DE222222222",
                             identifiers=True)
    BuyerIdentifierFactory(buyer=duplicate, type=BuyerIdentifier.Type.DUNS, value="123456789")
    services.grade_buyer(buyer=duplicate, grade=5, reason="old grade")

    target = services.merge_buyers(source=duplicate, target=muller, merged_by=underwriter)

    duplicate.refresh_from_db()
    assert duplicate.status == Buyer.Status.MERGED
    assert duplicate.merged_into == target == muller
    assert set(muller.identifiers.values_list("value", flat=True)) == {
        "HRB123456", "DE811111111", "HRB777", "DE222222222", "123456789"
    }
    assert not duplicate.identifiers.exists()
    assert list(muller.grades.values_list("grade", flat=True)) == [5]
    assert names(search_buyers(tenant=tenant, query="mueller")) == []
    assert names(search_buyers(tenant=tenant, query="HRB777")) == ["Müller GmbH"]


def test_merge_confirms_a_pending_target(tenant, iberia_proposal, muller):
    services.merge_buyers(source=muller, target=iberia_proposal)
    iberia_proposal.refresh_from_db()
    assert iberia_proposal.status == Buyer.Status.CONFIRMED


def test_merge_refuses_itself_and_merged_buyers(muller):
    other = BuyerFactory()
    with pytest.raises(DomainError):
        services.merge_buyers(source=muller, target=muller)
    services.merge_buyers(source=other, target=muller)
    with pytest.raises(DomainError):
        services.merge_buyers(source=other, target=muller)
    with pytest.raises(DomainError):
        services.grade_buyer(buyer=other, grade=3)


# --- the insured's pages ---------------------------------------------------------------------


def test_search_page_finds_buyers_ignoring_accents(client_of_user, muller, iberia_proposal):
    response = client_of_user.get("/buyers/", {"q": "muller"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Müller GmbH" in body
    assert f"/buyers/{muller.pk}/" in body
    assert "Secreto" not in body


def test_search_page_shows_own_proposal_as_pending_identification(client_of_user, iberia_proposal):
    response = client_of_user.get("/buyers/", {"q": "secreto"})
    body = response.content.decode()
    assert "Secreto Distribuciones" in body
    assert "pending identification" in body


def test_search_page_is_paginated_and_keeps_the_query(client_of_user):
    for n in range(30):
        BuyerFactory(legal_name=f"Alpha {n:02d} GmbH", country="AT")
    BuyerFactory(legal_name="Alpha Beta SA", country="FR")
    first = client_of_user.get("/buyers/", {"q": "alpha", "country": "AT"})
    assert first.context["page_obj"].paginator.count == 30
    assert "q=alpha" in first.content.decode() and "page=2" in first.content.decode()
    second = client_of_user.get("/buyers/", {"q": "alpha", "country": "AT", "page": 2})
    assert names(second.context["buyers"]) == [f"Alpha {n:02d} GmbH" for n in range(25, 30)]


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page": "99"}])
def test_bad_page_is_a_404_not_a_500(client_of_user, muller, params):
    assert client_of_user.get("/buyers/", params).status_code == 404


def test_unknown_country_filter_is_a_form_error(client_of_user, muller):
    response = client_of_user.get("/buyers/", {"country": "ZZ"})
    assert response.status_code == 200
    assert response.context["form"].errors["country"]
    assert list(response.context["buyers"]) == []


def test_detail_shows_identity_and_a_request_limit_button(client_of_user, muller):
    BuyerIdentifierFactory(buyer=muller, type=BuyerIdentifier.Type.DUNS, value="315621234")
    response = client_of_user.get(f"/buyers/{muller.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "HRB123456" in body and "DE811111111" in body and "315621234" in body
    assert 'action="/limits/request/"' in body and f'name="buyer" value="{muller.pk}"' in body


def test_outsider_cannot_see_anothers_pending_proposal(client_of_outsider, client_of_user, iberia_proposal):
    assert client_of_user.get(f"/buyers/{iberia_proposal.pk}/").status_code == 200
    assert client_of_outsider.get(f"/buyers/{iberia_proposal.pk}/").status_code == 404
    for query in ("secreto", "B12345678", ""):
        assert "Secreto" not in client_of_outsider.get("/buyers/", {"q": query}).content.decode()


def test_merged_buyer_page_is_gone(client_of_user, muller):
    duplicate = BuyerFactory(legal_name="Mueller GmbH")
    services.merge_buyers(source=duplicate, target=muller)
    assert client_of_user.get(f"/buyers/{duplicate.pk}/").status_code == 404


def test_buyer_pages_need_a_tenant_user_with_the_permission(client, tenant, muller, underwriter):
    assert client.get("/buyers/").status_code == 302  # to the login page
    client.force_login(member(tenant, [FINANCE]))
    assert client.get("/buyers/").status_code == 403
    assert client.get("/buyers/propose/").status_code == 403
    client.force_login(underwriter)  # insurer staff use the admin
    assert client.get(f"/buyers/{muller.pk}/").status_code == 403


PROPOSAL = {
    "legal_name": "Nuevo Cliente S.A.", "country": "ES", "registration_number": "A-98.765.431",
    "vat_number": "ESA98765431", "lei": "", "sector_nace": "46.90", "address": "Calle Mayor 1", "city": "Madrid",
    "postal_code": "28001",
}


def test_propose_page_creates_a_pending_buyer(client_of_user, tenant):
    assert client_of_user.get("/buyers/propose/", {"legal_name": "Nuevo"}).status_code == 200
    response = client_of_user.post("/buyers/propose/", PROPOSAL)
    buyer = Buyer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/buyers/{buyer.pk}/"
    assert (buyer.status, buyer.proposed_by_tenant, buyer.registration_number) == (
        Buyer.Status.PENDING, tenant, "A98765431"
    )


def test_propose_page_shows_a_duplicate_as_a_form_error_pointing_to_the_buyer(client_of_user, muller):
    response = client_of_user.post("/buyers/propose/", {**PROPOSAL, "country": "DE", "registration_number": "HRB123456",
                                                        "vat_number": ""})
    assert response.status_code == 400
    errors = response.context["form"].errors["registration_number"]
    assert "already in the registry (Müller GmbH)" in errors[0]
    assert f'href="/buyers/{muller.pk}/"' in response.content.decode()
    assert Buyer.objects.count() == 1


def test_propose_page_duplicate_of_anothers_proposal_gives_no_link(client_of_outsider, iberia_proposal):
    response = client_of_outsider.post("/buyers/propose/", {**PROPOSAL, "registration_number": "B12345678",
                                                            "vat_number": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["registration_number"]
    body = response.content.decode()
    assert "Secreto" not in body and f"/buyers/{iberia_proposal.pk}/" not in body


@pytest.mark.parametrize("change", [{"country": "XX"}, {"legal_name": ""}, {"registration_number": "", "vat_number": ""},
                                    {"lei": "L" * 25}])
def test_propose_page_bad_input_is_a_form_error(client_of_user, change):
    response = client_of_user.post("/buyers/propose/", {**PROPOSAL, **change})
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not Buyer.objects.exists()


def test_nav_links_to_the_registry(client_of_user):
    assert 'href="/buyers/"' in client_of_user.get("/policies/").content.decode()
