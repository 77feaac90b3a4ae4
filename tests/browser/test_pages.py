"""Every main page on a phone (390 px wide): nothing scrolls sideways (nor at 1280 px), and axe-core finds no
critical or serious accessibility violation, on the tenant's pages, the public pages and the insurer's admin screens alike.

The demo (`seed_demo`) gives every page something to show. All problems of all pages are reported at once.
With KREDO_SCREENSHOTS=1 the run also writes the current screenshots of the main pages to docs/screenshots/.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.roles import TENANT_ROLES
from tests.browser import main_pages
from tests.browser.kit import DESKTOP, PHONE, horizontal_overflow, serious_axe_violations, visible_text
from tests.factories import TenantFactory, UserFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def demo():
    call_command("seed_demo", verbosity=0)
    return main_pages.demo_objects()


def _problems(site, page, pages, taken: set) -> list[str]:
    problems = []
    for name, path in pages:
        site.go(page, path)
        if (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"{path}: {overflow}px wider than a 390px screen")
        page.set_viewport_size(DESKTOP)
        if (overflow := horizontal_overflow(page)) > 0:
            problems.append(f"{path}: {overflow}px wider than a 1280px screen")
        page.set_viewport_size(PHONE)
        problems += [f"{path}: {violation}" for violation in serious_axe_violations(page)]
        if os.environ.get("KREDO_SCREENSHOTS") and name in main_pages.SCREENSHOTS and name not in taken:
            taken.add(name)
            _screenshot(page, name)
    return problems


def _screenshot(page, name):
    """The page on a phone and on a desktop, as the README shows them."""
    slug = name.replace(":", "-").replace("_", "-")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{slug}-phone.png")
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SCREENSHOTS / f"{slug}-desktop.png")
    page.set_viewport_size(PHONE)


def test_every_main_page_fits_a_phone_and_passes_axe(site, demo):
    insured = member(demo["tenant"], TENANT_ROLES, first_name="Ana", last_name="García Fernández")
    staff = UserFactory(is_staff=True, is_superuser=True)
    taken: set[str] = set()

    anonymous = site.open(viewport=PHONE)
    problems = _problems(site, anonymous, main_pages.public_pages(), taken)

    page = site.open_as(insured, viewport=PHONE)
    problems += _problems(site, page, main_pages.tenant_pages(demo), taken)
    admin = site.open_as(staff, viewport=PHONE, admin=True)
    problems += _problems(site, admin, main_pages.admin_pages(demo), taken)
    assert not problems, "\n".join(problems)


def test_the_menu_button_opens_the_top_bar_on_a_phone(site, tenant, outsider):
    insured = member(tenant, TENANT_ROLES)
    page = site.open_as(insured, viewport=PHONE)
    menu = page.get_by_role("button", name="Menu")
    limits = page.get_by_role("navigation").get_by_role("link", name="Limits", exact=True)
    logout = page.get_by_role("button", name="Log out")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not logout.is_visible() and not limits.is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert logout.is_visible() and limits.is_visible() and horizontal_overflow(page) == 0
    limits.click()
    page.wait_for_url("**/limits/")
    # On a desktop the links are there without the button.
    page.set_viewport_size(DESKTOP)
    assert limits.is_visible() and logout.is_visible() and not menu.is_visible()


def test_a_user_of_another_tenant_reaches_none_of_its_pages_by_url(site, demo):
    """Journey (c): the outsider types the URLs of Iberia's policy, limits, overdue, claim, statements and a
    document: each is refused (403 or 404) and shows nothing of Iberia; the lists show none of its rows."""
    outsider = member(TenantFactory(legal_name="Outsider Trading Ltd", country="DE"), TENANT_ROLES)
    page = site.open_as(outsider)
    for path in main_pages.tenant_object_pages(demo):
        response = page.goto(site.url + path)
        assert response.status in (403, 404), f"{path}: {response.status}"
        assert "Iberia" not in visible_text(page), path
    object_pages = main_pages.tenant_object_pages(demo)
    for _name, path in main_pages.tenant_pages(demo):
        if path not in object_pages:
            page.goto(site.url + path)
            text = visible_text(page)
            assert "Iberia" not in text and "DEMO-CL-1" not in text, path
    # And the insurer's admin is not theirs either: the admin sends them to its login page.
    page.goto(site.url + "/admin/limits/creditlimit/")
    assert "/admin/login/" in page.url
