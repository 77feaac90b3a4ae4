"""The buyer registry through the insurer API (/api/v1/insurer/buyers/, country-risks/): underwriters list the
registry and its proposals, confirm, grade with date and reason, merge, and grade countries, through
buyers.services as the buyer admin does."""

from datetime import timedelta

import pytest
from django.utils import timezone

from buyers.models import Buyer, BuyerGrade, CountryRisk
from core.models import IdempotencyKey
from core.tenancy import tenant_scope
from limits.models import CreditLimit
from tests.buyer_factories import make_buyer
from tests.factories import api_error
from tests.insurer_uw_helpers import assert_only_underwriters
from tests.limit_factories import in_force_policy, make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

BASE = "/api/v1/insurer/buyers/"
RISKS = "/api/v1/insurer/country-risks/"
TODAY = timezone.localdate()


def url(buyer, action=""):
    return f"{BASE}{buyer.pk}/" + (f"{action}/" if action else "")


def proposal(tenant, name="Nuevo Cliente S.L.", number="B12345674"):
    from buyers import services

    with tenant_scope(tenant):
        return services.propose_buyer(tenant=tenant, legal_name=name, country="ES", registration_number=number)


def _buyer_state(buyer):
    buyer = Buyer.objects.get(pk=buyer.pk)
    return buyer.status, buyer.grade, buyer.grade_date, buyer.merged_into_id, buyer.grades.count()


def test_only_underwriters_reach_the_registry_endpoints(tenant, user, outsider, api_client, api_client_of_outsider,
                                                        claims_handler):
    pending = proposal(tenant)
    other = make_buyer(country="IT")
    calls = [
        ("get", BASE), ("get", url(pending)), ("post", url(pending, "confirm"), {"grade": 3}),
        ("post", url(pending, "grade"), {"grade": 3, "reason": "Accounts"}),
        ("post", url(pending, "merge"), {"into": other.pk}),
        ("get", RISKS), ("post", RISKS, {"country": "IT", "grade": 3}),
    ]
    before = (_buyer_state(pending), _buyer_state(other), CountryRisk.objects.count())
    assert_only_underwriters(calls, user=user, outsider=outsider, api_client=api_client,
                             api_client_of_outsider=api_client_of_outsider, claims_handler=claims_handler)
    assert (_buyer_state(pending), _buyer_state(other), CountryRisk.objects.count()) == before


def test_the_registry_lists_proposals_of_every_insured_oldest_first(underwriter_api, tenant, other_tenant):
    mine = proposal(tenant)
    theirs = proposal(other_tenant, "Otro Cliente S.A.", "A58818501")
    confirmed = make_buyer(country="IT")
    Buyer.objects.filter(pk=mine.pk).update(created_at=timezone.now() - timedelta(days=3))

    def ids(query=""):
        response = underwriter_api.get(BASE + query)
        assert response.status_code == 200, response.content
        return [r["id"] for r in response.json()["results"]]

    assert ids("?status=pending") == [mine.pk, theirs.pk]
    assert ids(f"?proposed_by={other_tenant.pk}") == [theirs.pk]
    assert ids("?country=it") == [confirmed.pk]
    assert ids("?q=otro cliente") == [theirs.pk]
    page = underwriter_api.get(BASE + "?status=pending&cursor=&page_size=1").json()
    assert [r["id"] for r in page["results"]] == [mine.pk] and page["next"]
    assert underwriter_api.get(BASE + "?status=sold").status_code == 400


def test_confirming_a_proposal_with_a_grade(underwriter_api, tenant):
    pending = proposal(tenant)
    response = underwriter_api.post(url(pending, "confirm"), {"grade": 4}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["grade"], body["proposed_by_tenant_id"]) == ("confirmed", 4, tenant.pk)
    grade = BuyerGrade.objects.get(buyer=pending)
    assert (grade.grade, grade.graded_by) == (4, underwriter_api.acting_user)


def test_a_bad_grade_on_confirmation_changes_nothing(underwriter_api, tenant):
    pending = proposal(tenant)
    before = _buyer_state(pending)
    response = underwriter_api.post(url(pending, "confirm"), {"grade": 11}, format="json")
    assert response.status_code == 400 and "/grade" in api_error(response)[1]
    assert _buyer_state(pending) == before


def test_grading_with_date_and_reason_is_kept_in_the_history(underwriter_api):
    buyer = make_buyer(grade=3)
    day = TODAY - timedelta(days=2)
    response = underwriter_api.post(url(buyer, "grade"), {"grade": 8, "graded_on": day.isoformat(),
                                                          "reason": "Payment incidents."}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["grade"], body["grade_date"]) == (8, day.isoformat())
    assert body["grades"][0] == {**body["grades"][0], "grade": 8, "previous_grade": 3, "reason": "Payment incidents."}
    assert BuyerGrade.objects.get(buyer=buyer).graded_by == underwriter_api.acting_user


@pytest.mark.parametrize("payload, pointer", [
    ({"grade": 0, "reason": "x"}, "/grade"),
    ({"grade": 11, "reason": "x"}, "/grade"),
    ({"grade": 3}, "/reason"),
    ({"grade": 3, "reason": "x", "graded_on": "1800-01-01"}, "/graded_on"),
    ({"grade": "three", "reason": "x"}, "/grade"),
])
def test_bad_grades_change_nothing(underwriter_api, payload, pointer):
    buyer = make_buyer(grade=3)
    before = _buyer_state(buyer)
    response = underwriter_api.post(url(buyer, "grade"), payload, format="json")
    assert response.status_code == 400 and pointer in api_error(response)[1], api_error(response)
    assert _buyer_state(buyer) == before


def test_a_repeated_key_grades_once(underwriter_api):
    buyer = make_buyer(grade=3)
    body = {"grade": 5, "reason": "Accounts 2025."}
    first = underwriter_api.post(url(buyer, "grade"), body, format="json", HTTP_IDEMPOTENCY_KEY="grade-1")
    again = underwriter_api.post(url(buyer, "grade"), body, format="json", HTTP_IDEMPOTENCY_KEY="grade-1")
    assert first.status_code == again.status_code == 200 and again["Idempotent-Replayed"] == "true"
    assert BuyerGrade.objects.filter(buyer=buyer).count() == 1
    assert IdempotencyKey.objects.get(key="grade-1").tenant_id is None


def test_a_merge_moves_the_limits_to_the_buyer_that_stays(underwriter_api, tenant):
    policy = in_force_policy(tenant, "KR-MERGE-1")
    duplicate, survivor = make_buyer(country="IT"), make_buyer(country="IT")
    limit = make_limit(policy, duplicate)
    response = underwriter_api.post(url(duplicate, "merge"), {"into": survivor.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["id"] == survivor.pk
    assert CreditLimit.objects.get(pk=limit.pk).buyer_id == survivor.pk
    assert _buyer_state(duplicate)[0::3] == (Buyer.Status.MERGED, survivor.pk)


def test_a_clashing_merge_is_refused_and_moves_nothing(underwriter_api, tenant):
    policy = in_force_policy(tenant, "KR-MERGE-2")
    duplicate, survivor = make_buyer(country="IT"), make_buyer(country="IT")
    mine, theirs = make_limit(policy, duplicate), make_limit(policy, survivor)
    response = underwriter_api.post(url(duplicate, "merge"), {"into": survivor.pk}, format="json")
    assert response.status_code == 400, response.content
    assert CreditLimit.objects.get(pk=mine.pk).buyer_id == duplicate.pk
    assert CreditLimit.objects.get(pk=theirs.pk).buyer_id == survivor.pk
    assert _buyer_state(duplicate)[0] == Buyer.Status.CONFIRMED


@pytest.mark.parametrize("into", ["self", "missing", "merged", "text"])
def test_a_merge_into_a_wrong_buyer_is_400_on_into(underwriter_api, into):
    buyer = make_buyer()
    merged = make_buyer(status=Buyer.Status.MERGED, merged_into=make_buyer())
    target = {"self": buyer.pk, "missing": buyer.pk + 999, "merged": merged.pk, "text": "twelve"}[into]
    response = underwriter_api.post(url(buyer, "merge"), {"into": target}, format="json")
    assert response.status_code == 400 and "/into" in api_error(response)[1], api_error(response)
    assert _buyer_state(buyer)[0] == Buyer.Status.CONFIRMED
    assert underwriter_api.post(f"{BASE}{buyer.pk + 999}/merge/", {"into": buyer.pk},
                                format="json").status_code == 404


def test_country_risks_are_read_and_graded(underwriter_api):
    response = underwriter_api.post(RISKS, {"country": "it", "grade": 3, "note": "OECD review."}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {"country": "IT", "grade": 3, "graded_on": TODAY.isoformat(), "note": "OECD review."}
    again = underwriter_api.post(RISKS, {"country": "IT", "grade": 5}, format="json")
    assert again.status_code == 200 and CountryRisk.objects.get(country="IT").grade == 5
    assert [r["country"] for r in underwriter_api.get(RISKS).json()] == ["IT"]
    for payload, pointer in (({"country": "XX", "grade": 3}, "/country"), ({"country": "IT", "grade": 8}, "/grade"),
                             ({"country": "IT"}, "/grade")):
        refused = underwriter_api.post(RISKS, payload, format="json")
        assert refused.status_code == 400 and pointer in api_error(refused)[1], api_error(refused)
    assert CountryRisk.objects.get(country="IT").grade == 5
