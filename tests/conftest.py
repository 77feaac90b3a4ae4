import pytest
from django.test import Client
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import CLAIMS_HANDLER, TENANT_ROLES, UNDERWRITER
from tests.factories import PolicyFactory, TenantFactory, UserFactory, member


@pytest.fixture(autouse=True)
def _no_tenant_scope_in_test_code():
    """Test set-up and assertions run like a job: scopes disabled explicitly.

    Requests made through the test clients still go through the middleware,
    which enters the requesting tenant's scope, so isolation is exercised.
    """
    with scopes_disabled():
        yield


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


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


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def client_of_user(user):
    return _logged_in(user)


@pytest.fixture
def client_of_outsider(outsider):
    return _logged_in(outsider)


@pytest.fixture
def client_of_underwriter(underwriter):
    return _logged_in(underwriter)


def _token_client(tenant, roles):
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
