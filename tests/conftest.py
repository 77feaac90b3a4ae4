"""Fixtures of the whole suite, and how tenant scopes apply to a test.

Scopes are enabled in tests as in production: a query on a tenant-owned model raises
`ScopeError` unless a scope is active. The rule:

- Set-up works anywhere: the factories and helpers of tests/factories.py, buyer_factories.py and
  claim_helpers.py create rows with scopes disabled (like a job), or call a service inside the scope
  of the tenant it acts for. A fixture never relies on a scope active around it.
- Service and selector tests run their body in the tenant's scope: request `in_tenant_scope`
  (or put `pytestmark = pytest.mark.usefixtures("in_tenant_scope")` in the module), so a selector
  that forgets its tenant or a service that reads another tenant's row fails.
- Tests of what runs unscoped in production (Celery jobs, management commands, the admin, the
  insurer side) mark themselves `@pytest.mark.unscoped` (or `pytestmark = pytest.mark.unscoped`):
  their set-up, body and teardown run in `scopes_disabled()`.
- Tests through the test clients need no scope for the request (the middleware enters the
  requesting tenant's scope); their assertions on the ORM do: request `in_tenant_scope`, or wrap
  them in `tenant_scope(...)` / `scopes_disabled()` (core.tenancy).
- A test with neither runs with scopes enabled and no scope: any tenant-owned query raises. A test
  that a Celery task or a command enters its own scope requests `no_scope` to get exactly that body
  inside a scoped or unscoped module.
"""

import importlib
from contextlib import contextmanager, nullcontext

import pytest
from django_scopes import scopes_disabled
from django_scopes.state import state as scope_state
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import CLAIMS_HANDLER, FINANCE, TENANT_ROLES, UNDERWRITER
from core.tenancy import tenant_scope
from tests.buyer_factories import iberia_proposal, muller  # noqa: F401  (fixtures)
from tests.factories import PolicyFactory, TenantFactory, UserFactory, insurer_token_client, logged_in, member
from tests.webhook_factories import endpoint, loopback_allowed, outsider_endpoint, receiver  # noqa: F401  (fixtures)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "unscoped: the test runs like a job (set-up, body and teardown in scopes_disabled())"
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back after a test, cached reads
    (core.readcache: exchange rates, the automatic-decision matrix) would outlive it."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _migration_data_after_a_flush(request):
    """A transactional test starts with what the migrations wrote (the default automatic-decision matrix), as
    every other test does: the transactional test before it flushed every table when it ended, so without this
    a test's outcome would depend on the order the tests run in."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps as django_apps

    forwards = importlib.import_module("limits.migrations.0002_default_auto_decision_matrix").forwards
    with scopes_disabled():
        forwards(django_apps, None)


@pytest.fixture(autouse=True)
def _unscoped_when_marked(request):
    """`@pytest.mark.unscoped` tests run like a Celery job or the admin: scopes disabled explicitly."""
    with scopes_disabled() if request.node.get_closest_marker("unscoped") else nullcontext():
        yield


@pytest.fixture
def in_tenant_scope(tenant):
    """The test body runs in `tenant`'s scope, as the middleware runs the insured's requests.

    Only the body: fixtures are set up before the scope is entered (set-up never relies on an
    ambient scope), see `pytest_runtest_call` below. Returns the tenant.
    """
    return tenant


@pytest.fixture
def no_scope():
    """The test body runs with scopes enabled and no scope at all, as a Celery worker or a command starts.

    For tests that an entry point enters its scope itself; wins over `in_tenant_scope` and `unscoped`.
    """


@contextmanager
def _without_any_scope():
    token = scope_state.set({})
    try:
        yield
    finally:
        scope_state.reset(token)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    if "no_scope" in item.fixturenames:
        body_scope = _without_any_scope()
    elif "in_tenant_scope" in item.fixturenames and not item.get_closest_marker("unscoped"):
        body_scope = tenant_scope(item.funcargs["in_tenant_scope"])
    else:
        body_scope = nullcontext()
    with body_scope:
        yield


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request in Spanish (or a user's preference) activates it for
    the thread, and Django leaves it active after the response."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_hashing(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Uploaded claim documents land in the test's own folder, never in the project's media/.
    settings.MEDIA_ROOT = tmp_path / "media"
    # The whole suite comes from one address: API throttles stay on, with budgets no test reaches
    # (tests/test_throttling.py lowers them to prove the 429).
    settings.API_THROTTLE_RATES = {"token": "100000/min", "ip": "100000/min"}


@pytest.fixture
def media(settings):
    """Where this test's uploads are stored."""
    return settings.MEDIA_ROOT


@pytest.fixture
def finance(tenant):
    """The insured's finance user (files claims, declares turnover)."""
    return member(tenant, [FINANCE])


@pytest.fixture
def client_of_finance(finance):
    return logged_in(finance)


@pytest.fixture
def tenant(db):
    return TenantFactory(legal_name="Iberia Export S.L.")


@pytest.fixture
def other_tenant(db):
    return TenantFactory(legal_name="Outsider Trading Ltd", country="DE")


@pytest.fixture
def user(tenant):
    """The insured's user, with every tenant role."""
    return member(tenant, TENANT_ROLES)


@pytest.fixture
def outsider(other_tenant):
    """A user of another tenant, with every tenant role: must see nothing of `tenant`."""
    return member(other_tenant, TENANT_ROLES)


@pytest.fixture
def underwriter(db):
    return UserFactory(is_staff=True, roles=[UNDERWRITER])


@pytest.fixture
def claims_handler(db):
    return UserFactory(is_staff=True, roles=[CLAIMS_HANDLER])


@pytest.fixture(params=["session", "token"])
def handler_api(request, claims_handler):
    """The insurer API as a claims handler: in a session, and again with an insurer token (each test runs twice)."""
    if request.param == "session":
        client = logged_in(claims_handler, client_class=APIClient)
        client.acting_user = claims_handler
        return client
    client = insurer_token_client([CLAIMS_HANDLER])
    client.acting_user = client.token.service_user
    return client


@pytest.fixture(params=["session", "token"])
def underwriter_api(request, underwriter):
    """The insurer API as an underwriter: in a session, and again with an insurer token (each test runs twice)."""
    if request.param == "session":
        client = logged_in(underwriter, client_class=APIClient)
        client.acting_user = underwriter
        return client
    client = insurer_token_client([UNDERWRITER])
    client.acting_user = client.token.service_user
    return client


@pytest.fixture
def client_of_user(user):
    return logged_in(user)


@pytest.fixture
def client_of_outsider(outsider):
    return logged_in(outsider)


@pytest.fixture
def client_of_underwriter(underwriter):
    return logged_in(underwriter)


def _token_client(tenant, roles):
    with tenant_scope(tenant):
        token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="test", roles=roles)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    client.token = token
    return client


@pytest.fixture
def api_client(tenant):
    return _token_client(tenant, TENANT_ROLES)


@pytest.fixture
def api_client_of_outsider(other_tenant):
    return _token_client(other_tenant, TENANT_ROLES)


@pytest.fixture
def policy(tenant):
    return PolicyFactory(tenant=tenant, number="KR-TEST-001")


@pytest.fixture
def outsider_policy(other_tenant):
    return PolicyFactory(tenant=other_tenant, number="KR-OUT-001")


@pytest.fixture
def today(monkeypatch):
    """Pin 'today' (timezone.localdate: the notification date of a page or API call, a job's day) to a chosen day."""
    from django.utils import timezone

    def pin(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return pin


@pytest.fixture
def buyer(db):
    """A confirmed buyer of grade 3; modules that need another define their own `buyer`."""
    from buyers.models import Buyer

    return Buyer.objects.create(legal_name="Late Payer S.p.A.", country="IT", registration_number="IT123",
                                grade=3, status="confirmed")


@pytest.fixture
def limit(tenant, policy, buyer):
    """A 50,000 EUR limit of `tenant` on `buyer`, requested and approved automatically on 2 January 2026."""
    from datetime import date

    from moneyed import Money

    from limits import services as limit_services

    with tenant_scope(tenant):
        return limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                            amount=Money(50_000, "EUR"), terms_days=60, today=date(2026, 1, 2)).limit
