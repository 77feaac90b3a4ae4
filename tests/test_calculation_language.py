"""The claim calculation explains itself in the reader's language (issue 9 item 3): its notes and
explanation are stored as codes and parameters and rendered on the page, in the admin and in the API
(Accept-Language). Another insured's claim is reached by no one here.
"""

import pytest
from django_scopes import scopes_disabled

from claims.claims import services as claims
from claims.claims.calculation import calculation_for_display
from claims.claims.models import Claim
from tests.claim_helpers import complete_claim_on
from tests.factories import PolicyFactory, logged_in

CAPPED = {
    "en": "capped at the €50,000.00 of the limit still available",
    "es": "limitado a los 50.000,00\xa0€ del límite aún disponibles",
    "zh-hans": "以限额剩余可用的 €50,000.00 为上限",
}
TOTAL = {"es": "45.000,00\xa0€", "zh-hans": "€45,000.00"}


@pytest.fixture
def capped_claim(tenant, finance, claims_handler, underwriter, media):
    """60,000 EUR unpaid under a 50,000 limit: the line is capped, the indemnity 45,000 at 90%."""
    return complete_claim_on(tenant, PolicyFactory(tenant=tenant), finance, claims_handler, underwriter,
                             unpaid=60_000)


@pytest.fixture
def outsider_claim(other_tenant, claims_handler, underwriter, media):
    from accounts.roles import FINANCE
    from tests.factories import member

    return complete_claim_on(other_tenant, PolicyFactory(tenant=other_tenant), member(other_tenant, [FINANCE]),
                             claims_handler, underwriter)


def test_the_stored_calculation_keeps_codes_and_exact_amounts(capped_claim, claims_handler):
    with scopes_disabled():
        claim = claims.approve_claim(claim=capped_claim, approved_by=claims_handler)
    (line,) = claim.calculation["lines"]
    assert line["notes"] == [{"code": "indemnity.capped_by_limit",
                              "params": {"amount": {"money": {"amount": "50000.00", "currency": "EUR"}}}}]
    assert claim.calculation["explanation"][-1]["code"] == "indemnity.total"


@pytest.mark.parametrize("language", ["es", "zh-hans"])
def test_the_api_explains_the_calculation_in_the_requests_language(language, capped_claim, api_client,
                                                                    outsider_claim):
    body = api_client.get(f"/api/v1/claims/{capped_claim.pk}/", HTTP_ACCEPT_LANGUAGE=language).json()
    (line,) = body["calculation"]["lines"]
    assert line["notes"] == [CAPPED[language]]
    assert TOTAL[language] in body["calculation"]["explanation"][-1]
    assert api_client.get(f"/api/v1/claims/{outsider_claim.pk}/").status_code == 404


@pytest.mark.parametrize("language", ["es", "zh-hans"])
def test_the_page_and_the_admin_explain_it_in_the_readers_language(language, capped_claim, finance,
                                                                   client_of_outsider, claims_handler):
    page = logged_in(finance).get(f"/claims/{capped_claim.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert CAPPED[language] in page.content.decode()
    assert TOTAL[language] in page.content.decode()  # the indemnity shown through |money in the reader's locale
    admin = logged_in(claims_handler).get(f"/admin/claims/claim/{capped_claim.pk}/review/",
                                          HTTP_ACCEPT_LANGUAGE=language)
    assert admin.status_code == 200 and CAPPED[language] in admin.content.decode()
    assert client_of_outsider.get(f"/claims/{capped_claim.pk}/").status_code == 404


def test_a_snapshot_stored_before_codes_shows_its_text_as_written(capped_claim, claims_handler):
    with scopes_disabled():
        claim = claims.approve_claim(claim=capped_claim, approved_by=claims_handler)
        old = {**claim.calculation, "explanation": ["Indemnity 45000.00 EUR (rounded once, half up)."],
               "lines": [{**claim.calculation["lines"][0], "notes": ["capped at the 50000.00 of the limit"]}]}
        Claim.objects.filter(pk=claim.pk).update(calculation=old)
        claim.refresh_from_db()
        shown, stored = calculation_for_display(claim)
    assert stored and shown["explanation"] == ["Indemnity 45000.00 EUR (rounded once, half up)."]
    assert shown["lines"][0]["notes"] == ["capped at the 50000.00 of the limit"]
