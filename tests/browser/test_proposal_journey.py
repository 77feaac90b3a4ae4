"""Journey: a tenant admin with no policy applies for cover on a phone; an underwriter quotes and offers it in the
admin; the insured reads the quote, accepts it and the policy is issued, its schedule downloadable. Once in Spanish
and once in Chinese. An outsider signed in beside them reaches neither the quote nor the policy."""

from datetime import date, timedelta

import pytest

from accounts.roles import TENANT_ADMIN
from tests.browser.kit import PHONE, translated, visible_text
from tests.factories import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUYER = "Cliente Nuevo Lda"


@pytest.fixture
def world(tenant, other_tenant, underwriter):
    return {"insured": member(tenant, [TENANT_ADMIN]), "outsider": member(other_tenant, [TENANT_ADMIN]),
            "underwriter": underwriter}


def apply(site, page, language):
    site.go(page, "/policies/proposals/new/")
    page.fill("input[name=desired_start_date]", (date.today() + timedelta(days=7)).isoformat())
    page.select_option("select[name=turnovers-0-country]", "IT")
    page.fill("input[name=turnovers-0-expected_turnover]", "1500000")
    page.fill("input[name=buyers-0-legal_name]", BUYER)
    page.select_option("select[name=buyers-0-country]", "PT")
    page.fill("input[name=buyers-0-requested_amount]", "60000")
    for row in range(3):
        page.fill(f"input[name=losses-{row}-turnover]", "1200000")
        page.fill(f"input[name=losses-{row}-losses_count]", "0")
        page.fill(f"input[name=losses-{row}-losses_amount]", "0")
    page.get_by_role("button", name=translated(language, "Submit the proposal")).click()
    page.wait_for_url("**/policies/proposals/*/")


def quote_and_offer(site, page):
    site.go(page, "/admin/policies/proposal/")
    page.locator("a.button[href*='/admin/policies/quote/add/']").first.click()
    page.fill("input[name=valid_until]", (date.today() + timedelta(days=14)).isoformat())
    page.fill("input[name=start_date]", (date.today() + timedelta(days=7)).isoformat())
    page.fill("input[name=premium_rate_percent]", "0.35")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/policies/quote/")
    page.locator("input[name=_selected_action]").first.check()
    page.select_option("select[name=action]", "offer_selected")
    page.click("button[name=index]")
    page.wait_for_url("**/admin/policies/quote/")


@pytest.mark.parametrize("language", ["es", "zh-hans"])
def test_a_proposal_quoted_accepted_and_issued(site, world, language):
    insured = site.open_as(world["insured"], language=language, viewport=PHONE)
    apply(site, insured, language)
    assert translated(language, "An underwriter is preparing your quote.") in visible_text(insured)

    underwriter = site.open_as(world["underwriter"], language=language, admin=True)
    quote_and_offer(site, underwriter)

    insured.reload()
    insured.locator("a[href*='/policies/proposals/quotes/']").first.click()
    quote_url = insured.url
    assert ("0,35 %" if language == "es" else "0.35 %") in visible_text(insured)  # the reader's decimal sign
    insured.get_by_role("button", name=translated(language, "Accept the quote")).click()
    insured.wait_for_url("**/policies/*/")
    policy_url = insured.url
    page = visible_text(insured)
    assert "KR-ES-" in page and translated(language, "Policy schedule (PDF)") in page
    with insured.expect_download() as download:
        insured.get_by_role("link", name=translated(language, "Policy schedule (PDF)")).click()
    assert open(download.value.path(), "rb").read(4) == b"%PDF"

    outsider = site.open_as(world["outsider"], language=language)
    assert outsider.goto(quote_url).status == 404
    assert outsider.goto(policy_url).status == 404
