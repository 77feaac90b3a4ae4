"""Real-browser tests (marker `browser`): Debian's Chromium driven by Playwright against pytest-django's live server.

One browser for the whole session (pytest-playwright's `browser`), a fresh context per user in each test, so a
journey has the credit manager, the underwriter and finance side by side with their own sessions. The database is
transactional (the live server's thread must see what the test writes); tests/conftest.py puts the migrations'
rows back after each flush. A failing test leaves a screenshot of every page it had open under
test-results/ (pytest-playwright's `--screenshot only-on-failure`, set below unless given on the command line).

Run them with `.venv/bin/python -m pytest -m browser` (the default run leaves them out: they need Chromium).
"""

import os
import shutil

import pytest

from tests.browser.kit import CHROMIUM_ARGS


def pytest_configure(config):
    if config.getoption("--screenshot", default=None) == "off":
        config.option.screenshot = "only-on-failure"


def _chromium() -> str:
    path = os.environ.get("KREDO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        pytest.skip(f"no Chromium at {path}: apt-get install -y chromium (or set KREDO_CHROMIUM)")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium (a browser download does not work here), headless, nothing phoning home."""
    return {**browser_type_launch_args, "executable_path": _chromium(), "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session", autouse=True)
def _sync_database_calls_beside_playwright():
    """Playwright's sync API keeps an asyncio loop on the test's thread; Django then refuses ORM calls there (the
    test database's creation, the test's set-up and assertions) as if they came from async code. They are plain
    synchronous code. For the session: the test database is created once, after the browser started."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(live_server, new_context):
    """The live server (it serves the static files too) and a way to open a browser as someone."""
    from tests.browser.kit import Site

    return Site(live_server.url, new_context)
