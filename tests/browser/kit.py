"""What the browser tests share: signing in as a person does, the phone-width check, axe-core, translated words."""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import translation

from tests.factories import PASSWORD

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
# Served to each page from the live server's own origin by a Playwright route: the pages' CSP (script-src 'self')
# stays on, so axe sees the pages exactly as a person gets them.
AXE_PATH = "/__browser_tests__/axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The browser's language as a person's browser sends it; Kredo answers in es or zh-hans.
LOCALES = {"en": "en-GB", "es": "es-ES", "zh-hans": "zh-CN"}


@dataclass
class Site:
    url: str
    new_context: object

    def open(self, *, language="en", viewport=None):
        """A new browser (own cookies) in `language`, signed in as nobody."""
        context = self.new_context(locale=LOCALES[language], viewport=viewport or DESKTOP)
        context.route(f"**{AXE_PATH}", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    def open_as(self, user, *, language="en", viewport=None, admin=False, password=PASSWORD):
        """A new browser in `language`, signed in as `user` through the login form, as a person does."""
        page = self.open(language=language, viewport=viewport)
        page.goto(self.url + ("/admin/login/" if admin else "/login/"))
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        page.click("[type=submit]")
        page.wait_for_url(lambda url: "/login/" not in url)
        return page

    def go(self, page, path):
        """Opens `path`; fails on an error status or a redirect elsewhere (to the login page, say)."""
        response = page.goto(self.url + path)
        assert response is not None and response.status < 400, f"{path}: {response and response.status}"
        assert urlsplit(page.url).path == urlsplit(path).path, f"{path} went to {page.url}"
        return response


def translated(language: str, message: str) -> str:
    """`message` in `language` from Kredo's catalogues; fails when it is not translated there (the test would then
    prove nothing about the language)."""
    with translation.override(language):
        text = translation.gettext(message)
    if language != "en":
        assert text != message, f"{message!r} has no {language} translation"
    return text


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def serious_axe_violations(page) -> list[str]:
    """axe-core's critical and serious violations on the page, one line each (rule, impact, first targets)."""
    origin = urlsplit(page.url)
    page.add_script_tag(url=f"{origin.scheme}://{origin.netloc}{AXE_PATH}")
    violations = page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ["violations"]});
          return result.violations.filter(v => ["critical", "serious"].includes(v.impact)).map(v =>
            `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`);
        }"""
    )
    return violations


def shown_money(amount, currency: str, language: str) -> str:
    """Money as the page writes it for a reader of `language` (core.formatting), spaces as `visible_text` has them."""
    from moneyed import Money

    from core.formatting import format_money

    return re.sub(r"\s+", " ", format_money(Money(amount, currency), language))


def visible_text(page_or_locator) -> str:
    """The text of a page (or of one part of it) as shown, spaces collapsed (for "the reader sees X")."""
    is_page = hasattr(page_or_locator, "goto")
    text = page_or_locator.inner_text("body") if is_page else page_or_locator.inner_text()
    return re.sub(r"\s+", " ", text)
