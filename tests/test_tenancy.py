"""Row-level tenancy fails closed, and the outsider sees nothing."""

import pytest
from django_scopes import scope
from django_scopes.exceptions import ScopeError

from accounts.roles import CREDIT_MANAGER
from core.tenancy import no_tenant_scope, tenant_scope
from policies.models import Policy
from tests.factories import api_error, member

pytestmark = pytest.mark.django_db  # each test enters the scope it checks


def test_query_on_tenant_owned_model_without_scope_raises(policy):
    with scope(_enabled=True):
        with pytest.raises(ScopeError):
            list(Policy.objects.all())


def test_no_tenant_scope_sees_nothing(policy):
    with no_tenant_scope():
        assert list(Policy.objects.all()) == []


def test_tenant_scope_sees_only_that_tenant(policy, outsider_policy, tenant):
    with tenant_scope(tenant):
        assert list(Policy.objects.all()) == [policy]


def test_anonymous_is_sent_to_login(client, policy):
    response = client.get(f"/policies/{policy.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_anonymous_api_gets_401_in_error_shape(policy):
    from rest_framework.test import APIClient

    response = APIClient().get("/api/v1/policies/")
    assert response.status_code == 401
    assert api_error(response)[0] == "not_authenticated"


def test_invalid_api_token_gets_401(policy):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    response = client.get("/api/v1/policies/")
    assert response.status_code == 401
    assert api_error(response)[0] == "authentication_failed"


def test_revoked_token_is_refused(api_client, policy):
    from accounts.services import revoke_api_token

    assert api_client.get("/api/v1/policies/").status_code == 200
    revoke_api_token(token=api_client.token)
    assert api_client.get("/api/v1/policies/").status_code == 401


def test_api_token_does_not_open_browser_pages(api_client, policy):
    # Keys authenticate the API only; a browser page with one still wants a login.
    response = api_client.get(f"/policies/{policy.pk}/")
    assert response.status_code == 302


def test_staff_outside_admin_see_no_tenant_data(client_of_underwriter, policy):
    assert client_of_underwriter.get(f"/policies/{policy.pk}/").status_code == 403


def test_underwriter_sees_every_tenants_policies_in_admin(client_of_underwriter, policy, outsider_policy):
    response = client_of_underwriter.get("/admin/policies/policy/")
    assert response.status_code == 200
    assert policy.number in response.content.decode()
    assert outsider_policy.number in response.content.decode()


def test_tenant_user_cannot_enter_admin(client_of_user):
    response = client_of_user.get("/admin/policies/policy/")
    assert response.status_code == 302  # to the admin login: not staff


def test_role_without_permission_is_refused(tenant, policy):
    from django.test import Client

    from accounts.roles import FINANCE

    finance = member(tenant, [FINANCE])
    client = Client()
    client.force_login(finance)
    # Finance may see policies but not manage API tokens.
    assert client.get("/policies/").status_code == 200
    assert client.get("/account/api-tokens/").status_code == 403
    credit = member(tenant, [CREDIT_MANAGER])
    client.force_login(credit)
    assert client.get("/account/api-tokens/").status_code == 403
