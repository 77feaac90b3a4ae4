"""The tenant admin manages the tenant's users; the outsider touches none of them."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.roles import CREDIT_MANAGER, FINANCE, TENANT_ADMIN
from tests.factories import member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


@pytest.fixture
def admin_client(tenant, client):
    admin = member(tenant, [TENANT_ADMIN])
    client.force_login(admin)
    client.admin = admin
    return client


def test_tenant_admin_invites_a_user_who_gets_a_password_link(admin_client, tenant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/account/users/", {
            "username": "maria", "email": "maria@iberia.example", "first_name": "María", "roles": [CREDIT_MANAGER],
        })
    assert response.status_code == 302
    maria = get_user_model().objects.get(username="maria")
    assert maria.membership.tenant == tenant
    assert list(maria.groups.values_list("name", flat=True)) == [CREDIT_MANAGER]
    assert not maria.has_usable_password()
    assert len(mail.outbox) == 1 and "maria@iberia.example" in mail.outbox[0].to
    assert "/account/reset/" in mail.outbox[0].body


def test_invite_with_taken_username_is_a_form_error(admin_client, user):
    response = admin_client.post("/account/users/", {"username": user.username, "email": "x@example.com",
                                                     "roles": [FINANCE]})
    assert response.status_code == 400
    assert "username" in response.context["form"].errors


def test_roles_are_changed_and_the_last_admin_is_kept(admin_client, tenant):
    colleague = member(tenant, [FINANCE])
    assert admin_client.post(f"/account/users/{colleague.pk}/", {"action": "roles",
                                                                 "roles": [FINANCE, CREDIT_MANAGER]}).status_code == 302
    assert set(colleague.groups.values_list("name", flat=True)) == {FINANCE, CREDIT_MANAGER}
    # The only admin may not drop their own admin role, nor deactivate themselves.
    admin_client.post(f"/account/users/{admin_client.admin.pk}/", {"action": "roles", "roles": [FINANCE]})
    assert admin_client.admin.groups.filter(name=TENANT_ADMIN).exists()
    admin_client.post(f"/account/users/{admin_client.admin.pk}/", {"action": "deactivate"})
    admin_client.admin.refresh_from_db()
    assert admin_client.admin.is_active


def test_deactivated_user_can_no_longer_log_in(admin_client, tenant):
    from django.test import Client

    colleague = member(tenant, [FINANCE])
    admin_client.post(f"/account/users/{colleague.pk}/", {"action": "deactivate"})
    colleague.refresh_from_db()
    assert not colleague.is_active
    assert not Client().login(username=colleague.username, password="test-pass-123")


def test_outsider_cannot_see_or_change_the_tenants_users(client_of_outsider, tenant, user):
    page = client_of_outsider.get("/account/users/").content.decode()
    assert user.username not in page
    assert client_of_outsider.post(f"/account/users/{user.pk}/", {"action": "deactivate"}).status_code == 404
    user.refresh_from_db()
    assert user.is_active


def test_credit_manager_cannot_manage_users(tenant):
    from django.test import Client

    client = Client()
    client.force_login(member(tenant, [CREDIT_MANAGER]))
    assert client.get("/account/users/").status_code == 403


def test_api_token_page_shows_the_key_once_and_only_to_this_tenant(admin_client, client_of_outsider):
    created = admin_client.post("/account/api-tokens/", {"name": "Warehouse sync", "roles": [CREDIT_MANAGER]})
    key = created.context["raw_key"]
    assert key in created.content.decode()
    listing = admin_client.get("/account/api-tokens/").content.decode()
    assert "Warehouse sync" in listing and key not in listing
    assert "Warehouse sync" not in client_of_outsider.get("/account/api-tokens/").content.decode()
