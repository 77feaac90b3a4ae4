"""Journey (a), in a real browser, once in Spanish and once in Chinese: a credit manager finds a buyer and requests
a limit; an underwriter decides it partly, with reasons, in the admin; the credit manager reads the decision, the
reasons and the notification in their language. Everyone's browser sends their language, as a person's does.
An outsider of another tenant, signed in beside them, sees neither the limit nor the notification."""

from datetime import date

import pytest

from accounts.roles import CREDIT_MANAGER
from tests.browser.kit import shown_money, translated, visible_text
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUYER = "Müller Maschinenbau GmbH"
NOTE = "Grade 5: 50,000 of the 80,000 asked, reviewed after the next accounts."


@pytest.fixture
def world(tenant, other_tenant, underwriter, today):
    today(date(2026, 3, 2))
    PolicyFactory(tenant=tenant, number="KR-ES-2026-001")  # the only policy: preselected on the request
    # Grade 5: the automatic-decision matrix approves at most 20,000 EUR, so 80,000 waits for an underwriter.
    make_buyer(BUYER, "DE", grade=5)
    return {"credit": member(tenant, [CREDIT_MANAGER]), "outsider": member(other_tenant, [CREDIT_MANAGER]),
            "underwriter": underwriter}


def request_limit(site, page, language):
    page.get_by_role("link", name=translated(language, "Buyers")).click()
    page.fill("input[name=q]", "muller")  # accents and case do not matter
    page.get_by_role("button", name=translated(language, "Search")).click()
    page.get_by_role("link", name=BUYER).click()
    page.get_by_role("button", name=translated(language, "Request a limit")).click()
    page.fill("input[name=amount]", "80000")
    page.fill("input[name=terms_days]", "60")
    page.fill("input[name=reference]", "LR-77")
    page.get_by_role("button", name=translated(language, "Send the request")).click()
    page.wait_for_url("**/limits/*/")
    return page.url


def decide_partly(site, page):
    site.go(page, "/admin/limits/creditlimit/queue/")
    page.locator("tr", has_text=BUYER).locator("a[href$='/decide/']").click()
    page.check("input[name=kind][value=partially_approved]")
    page.fill("input[name=amount]", "50000")
    page.check("input[name=reason_codes][value=buyer_grade]")
    page.check("input[name=reason_codes][value=insufficient_financials]")
    page.fill("textarea[name=note]", NOTE)
    page.click("input[type=submit]")
    page.wait_for_url("**/queue/")


@pytest.mark.parametrize("language", ["es", "zh-hans"])
def test_a_limit_requested_decided_partly_and_read_in_the_readers_language(site, world, language):
    credit = site.open_as(world["credit"], language=language)
    limit_url = request_limit(site, credit, language)
    assert translated(language, "Pending (with an underwriter)") in visible_text(credit)

    underwriter = site.open_as(world["underwriter"], language=language, admin=True)
    decide_partly(site, underwriter)

    credit.get_by_role("link", name=translated(language, "Notifications")).click()
    notification = credit.locator("tr", has_text=BUYER)
    assert notification.count() == 1
    assert shown_money(50_000, "EUR", language) in visible_text(notification)
    notification.get_by_role("link").click()
    assert credit.url == limit_url
    page = visible_text(credit)
    for words in ("Partially approved", "Buyer grade", "Insufficient financial information", "In force"):
        assert translated(language, words) in page, words
    assert NOTE in page and shown_money(50_000, "EUR", language) in page

    outsider = site.open_as(world["outsider"], language=language)
    assert outsider.goto(limit_url).status == 404
    site.go(outsider, "/account/notifications/")
    assert BUYER not in visible_text(outsider)
