"""Searching limits by buyer (name or identifier, case and accents ignored) or reference: the
selector, the list page and the API's `q`; another insured's limits on the same buyer never show."""


import pytest

from buyers.models import Buyer
from core.tenancy import tenant_scope
from limits.models import CreditLimit
from limits.selectors import search_limits
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory
from tests.limit_factories import make_limit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


@pytest.fixture
def book(policy, outsider_policy):
    muller = make_buyer("Müller Maschinenbau GmbH", registration_number="HRB123456", vat_number="DE811111111")
    societe = make_buyer("Société Générale d'Équipement SARL", "FR", registration_number="552081317")
    other = make_buyer("Nordlicht Handel AG", registration_number="HRB999999")
    return {
        "muller": make_limit(policy, muller, reference="CL-2026-0042"),
        "societe": make_limit(policy, societe, reference="CL-2026-0043", state=CreditLimit.State.PENDING),
        "other": make_limit(policy, other, reference="ORDER-7"),
        # The outsider insures the same buyer: never in the tenant's results, whatever the query.
        "outsider": make_limit(outsider_policy, muller, reference="CL-2026-0042-OUT"),
    }


def found(tenant, q, state=None):
    return set(search_limits(tenant=tenant, q=q, state=state).values_list("pk", flat=True))


@pytest.mark.parametrize("q", ["muller", "MÜLLER", "Muller maschinenbau", "hrb 123456", "DE 811.111.111"])
def test_buyer_name_or_identifier_matches_ignoring_case_accents_and_separators(tenant, book, q):
    assert found(tenant, q) == {book["muller"].pk}


def test_accented_query_finds_the_accented_name(tenant, book):
    assert found(tenant, "societe generale equipement") == {book["societe"].pk}
    assert found(tenant, "Équipement") == {book["societe"].pk}


def test_reference_matches_in_part_and_case_insensitively(tenant, book):
    assert found(tenant, "cl-2026") == {book["muller"].pk, book["societe"].pk}
    assert found(tenant, "order-7") == {book["other"].pk}


def test_state_and_empty_query(tenant, book):
    assert found(tenant, "") == {book["muller"].pk, book["societe"].pk, book["other"].pk}
    assert found(tenant, "cl-2026", state=CreditLimit.State.PENDING) == {book["societe"].pk}


def test_the_outsider_finds_only_their_own_limit(other_tenant, book):
    with tenant_scope(other_tenant):
        assert found(other_tenant, "muller") == {book["outsider"].pk}
        assert found(other_tenant, "CL-2026-0043") == set()
        assert found(other_tenant, "nordlicht") == set()


def test_results_are_newest_first(tenant, book):
    assert list(search_limits(tenant=tenant, q="cl-2026").values_list("pk", flat=True)) == [
        book["societe"].pk, book["muller"].pk,
    ]


# The list page and the API


def test_list_page_searches_with_the_selector(client_of_user, client_of_outsider, book):
    page = client_of_user.get("/limits/", {"q": "muller"})
    assert page.status_code == 200
    assert [limit.pk for limit in page.context["limits"]] == [book["muller"].pk]
    outsider_page = client_of_outsider.get("/limits/", {"q": "muller"})
    assert [limit.pk for limit in outsider_page.context["limits"]] == [book["outsider"].pk]
    assert "CL-2026-0042-OUT" not in page.content.decode()


def test_api_q_filter_searches_with_the_selector(api_client, api_client_of_outsider, book):
    body = api_client.get("/api/v1/limits/", {"q": "Müller"}).json()
    assert [row["id"] for row in body["results"]] == [book["muller"].pk]
    assert api_client.get("/api/v1/limits/", {"q": "cl-2026", "state": "pending"}).json()["count"] == 1
    outsider = api_client_of_outsider.get("/api/v1/limits/", {"q": "muller"}).json()
    assert [row["id"] for row in outsider["results"]] == [book["outsider"].pk]


def test_search_query_count_is_constant(client_of_user, api_client, tenant, django_assert_num_queries):
    def add(n):
        for _ in range(n):
            number = Buyer.objects.count()
            make_limit(PolicyFactory(tenant=tenant), make_buyer(f"Müller Nr {number} GmbH", registration_number=f"HRB{number:06d}"))

    add(3)
    # Two of them resolve the search first (identifier holders, matching buyers) so the list query uses indexes.
    with django_assert_num_queries(10) as page_few:
        assert client_of_user.get("/limits/", {"q": "muller"}).status_code == 200
    with django_assert_num_queries(8):  # and the token's first use, recorded once
        assert api_client.get("/api/v1/limits/", {"q": "muller"}).json()["count"] == 3
    add(30)
    with django_assert_num_queries(len(page_few.captured_queries)):
        assert client_of_user.get("/limits/", {"q": "muller"}).status_code == 200
    with django_assert_num_queries(7):
        assert api_client.get("/api/v1/limits/", {"q": "muller"}).json()["count"] == 33
