"""Webhook endpoints as the tenant admin manages them: browser pages and API, isolated per tenant."""

import base64
import importlib
from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import CREDIT_MANAGER
from core import webhooks
from core.models import WebhookDelivery, WebhookEndpoint
from tests.factories import member
from tests.webhook_factories import finished_delivery

pytestmark = pytest.mark.usefixtures("in_tenant_scope")


# --- Browser pages ---------------------------------------------------------------------


def test_tenant_admin_creates_an_endpoint_and_sees_its_secret(client_of_user, tenant, user):
    response = client_of_user.post(
        "/account/webhooks/new/",
        {"url": "https://erp.example.com/hooks", "description": "ERP", "events": ["limit.decided", "limit.expired"],
         "is_active": "on"},
    )
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.tenant, endpoint.created_by) == (tenant, user)
    assert endpoint.events == ["limit.decided", "limit.expired"]
    assert endpoint.secret.startswith("whsec_") and endpoint.secret in response.content.decode()
    assert endpoint.history.count() == 1  # the audit trail, without the secret
    assert not hasattr(endpoint.history.first(), "secret")


def test_tenant_admin_edits_and_deletes_an_endpoint(client_of_user, endpoint):
    page = client_of_user.get(f"/account/webhooks/{endpoint.pk}/")
    assert page.status_code == 200 and endpoint.url in page.content.decode()

    response = client_of_user.post(
        f"/account/webhooks/{endpoint.pk}/", {"url": endpoint.url, "events": ["limit.withdrawn"]}
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.events == ["limit.withdrawn"] and endpoint.is_active is False

    assert client_of_user.get(f"/account/webhooks/{endpoint.pk}/delete/").status_code == 200
    assert client_of_user.post(f"/account/webhooks/{endpoint.pk}/delete/").status_code == 302
    assert not WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


def test_list_and_deliveries_pages_show_the_tenants_data(client_of_user, endpoint):
    delivery = finished_delivery(endpoint, state=WebhookDelivery.State.FAILED, last_error="boom")
    listing = client_of_user.get("/account/webhooks/").content.decode()
    assert endpoint.url in listing
    page = client_of_user.get(f"/account/webhooks/{endpoint.pk}/deliveries/")
    assert page.status_code == 200
    html = page.content.decode()
    assert str(delivery.uuid) in html and "500" in html
    assert f"/account/webhooks/deliveries/{delivery.pk}/replay/" in html
    filtered = client_of_user.get(f"/account/webhooks/{endpoint.pk}/deliveries/?state=succeeded")
    assert str(delivery.uuid) not in filtered.content.decode()


def test_webhook_pages_need_the_manage_webhooks_permission(tenant, endpoint, client):
    credit_manager = member(tenant, [CREDIT_MANAGER])
    client.force_login(credit_manager)
    assert client.get("/account/webhooks/").status_code == 403
    assert client.get(f"/account/webhooks/{endpoint.pk}/").status_code == 403
    assert "/account/webhooks/" not in client.get("/").content.decode()


def test_nav_link_shows_for_the_tenant_admin(client_of_user):
    assert 'href="/account/webhooks/"' in client_of_user.get("/").content.decode()


def test_outsider_gets_404_on_the_tenants_pages_and_sees_nothing_listed(client_of_outsider, endpoint):
    delivery = finished_delivery(endpoint)
    for url in (
        f"/account/webhooks/{endpoint.pk}/",
        f"/account/webhooks/{endpoint.pk}/delete/",
        f"/account/webhooks/{endpoint.pk}/deliveries/",
    ):
        assert client_of_outsider.get(url).status_code == 404, url
    assert client_of_outsider.post(f"/account/webhooks/{endpoint.pk}/delete/").status_code == 404
    assert client_of_outsider.post(f"/account/webhooks/deliveries/{delivery.pk}/replay/").status_code == 404
    assert endpoint.url not in client_of_outsider.get("/account/webhooks/").content.decode()
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()
    assert not WebhookDelivery.objects.filter(replay_of=delivery).exists()


# --- API -------------------------------------------------------------------------------


def test_api_creates_lists_updates_and_deletes_endpoints(api_client, tenant):
    created = api_client.post(
        "/api/v1/webhooks/endpoints/",
        {"url": "https://erp.example.com/hooks", "events": ["limit.reduced", "limit.decided"]},
        HTTP_IDEMPOTENCY_KEY="create-erp-hook",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["events"] == ["limit.decided", "limit.reduced"] and body["is_active"] is True
    assert body["secret"] == WebhookEndpoint.objects.get(pk=body["id"]).secret

    again = api_client.post(
        "/api/v1/webhooks/endpoints/",
        {"url": "https://erp.example.com/hooks", "events": ["limit.reduced", "limit.decided"]},
        HTTP_IDEMPOTENCY_KEY="create-erp-hook",
    )
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert WebhookEndpoint.objects.filter(tenant=tenant).count() == 1

    listing = api_client.get("/api/v1/webhooks/endpoints/").json()
    assert [e["id"] for e in listing["results"]] == [body["id"]]
    assert "secret" not in listing["results"][0]

    url = f"/api/v1/webhooks/endpoints/{body['id']}/"
    patched = api_client.patch(url, {"is_active": False})
    assert patched.status_code == 200 and patched.json()["is_active"] is False
    assert patched.json()["events"] == ["limit.decided", "limit.reduced"]
    put = api_client.put(url, {"url": "https://erp.example.com/v2", "events": ["limit.expired"]})
    assert put.status_code == 200 and put.json()["url"] == "https://erp.example.com/v2"
    assert api_client.get(url).json()["events"] == ["limit.expired"]
    assert api_client.delete(url).status_code == 204
    assert api_client.get(url).status_code == 404


def test_api_lists_deliveries_with_filters(api_client, endpoint, user):
    other = webhooks.create_endpoint(tenant=endpoint.tenant, created_by=user, url="https://b.example/h",
                                     events=["limit.expired"])
    ok = finished_delivery(endpoint)
    failed = finished_delivery(endpoint, state=WebhookDelivery.State.FAILED)
    on_other = finished_delivery(other)

    def ids(query=""):
        response = api_client.get(f"/api/v1/webhooks/deliveries/{query}")
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids() == {ok.pk, failed.pk, on_other.pk}
    assert ids(f"?endpoint={endpoint.pk}") == {ok.pk, failed.pk}
    assert ids("?state=failed") == {failed.pk}
    assert ids("?event=limit.decided") == {ok.pk, failed.pk, on_other.pk}
    assert ids("?event=limit.expired") == set()
    detail = api_client.get(f"/api/v1/webhooks/deliveries/{ok.pk}/").json()
    assert detail["delivery_id"] == str(ok.uuid) and detail["last_status_code"] == 200
    assert {"name": "limit.decided", "label": "Credit limit decided"} in api_client.get(
        "/api/v1/webhooks/events/").json()


def test_outsider_api_gets_404_on_the_tenants_objects_and_empty_lists(api_client_of_outsider, endpoint):
    delivery = finished_delivery(endpoint)
    client = api_client_of_outsider
    assert client.get(f"/api/v1/webhooks/endpoints/{endpoint.pk}/").status_code == 404
    assert client.patch(f"/api/v1/webhooks/endpoints/{endpoint.pk}/", {"is_active": False}).status_code == 404
    assert client.delete(f"/api/v1/webhooks/endpoints/{endpoint.pk}/").status_code == 404
    assert client.get(f"/api/v1/webhooks/deliveries/{delivery.pk}/").status_code == 404
    assert client.post(f"/api/v1/webhooks/deliveries/{delivery.pk}/replay/").status_code == 404
    assert client.get("/api/v1/webhooks/endpoints/").json()["results"] == []
    assert client.get("/api/v1/webhooks/deliveries/").json()["results"] == []
    assert client.get(f"/api/v1/webhooks/deliveries/?endpoint={endpoint.pk}").json()["results"] == []
    endpoint.refresh_from_db()
    assert endpoint.is_active


def test_api_needs_the_manage_webhooks_permission(tenant):
    _token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="credit",
                                                        roles=[CREDIT_MANAGER])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    assert client.get("/api/v1/webhooks/endpoints/").status_code == 403
    assert client.get("/api/v1/webhooks/deliveries/").status_code == 403


@pytest.mark.parametrize("path", ["/api/v1/webhooks/endpoints/", "/api/v1/webhooks/deliveries/"])
def test_list_api_query_count_does_not_grow_with_rows(api_client, tenant, user, loopback_allowed, path,
                                                      django_assert_num_queries):
    def add_rows(n):
        for i in range(n):
            endpoint = webhooks.create_endpoint(tenant=tenant, created_by=user, url=f"https://e{i}.example/h",
                                                events=["limit.decided"])
            finished_delivery(endpoint)

    add_rows(2)
    with django_assert_num_queries(6):  # and the token's first use, recorded once
        assert len(api_client.get(path).json()["results"]) == 2
    add_rows(40)
    with django_assert_num_queries(5):
        assert len(api_client.get(path).json()["results"]) == 42


# --- Secret rotation (Standard Webhooks: several signatures while both secrets are in use) --------------


def test_api_rotates_the_secret_and_the_old_one_still_signs_for_a_day(api_client, endpoint, api_client_of_outsider):
    old_secret = endpoint.secret
    response = api_client.post(f"/api/v1/webhooks/endpoints/{endpoint.pk}/rotate-secret/")
    assert response.status_code == 200
    body = response.json()
    endpoint.refresh_from_db()
    assert body["secret"] == endpoint.secret != old_secret and endpoint.secret.startswith("whsec_")
    assert endpoint.previous_secret == old_secret and body["previous_secret_until"]
    assert len(endpoint.signing_secrets(timezone.now())) == 2
    assert endpoint.signing_secrets(timezone.now() + timedelta(hours=25)) == [endpoint.secret]
    # Another tenant cannot rotate it (nor learn the new secret).
    assert api_client_of_outsider.post(f"/api/v1/webhooks/endpoints/{endpoint.pk}/rotate-secret/").status_code == 404
    endpoint.refresh_from_db()
    assert endpoint.secret == body["secret"]


def test_tenant_admin_rotates_the_secret_from_the_endpoint_page(client_of_user, endpoint):
    old_secret = endpoint.secret
    response = client_of_user.post(f"/account/webhooks/{endpoint.pk}/rotate/", follow=True)
    endpoint.refresh_from_db()
    assert endpoint.secret != old_secret and endpoint.secret in response.content.decode()
    assert endpoint.previous_secret == old_secret


@pytest.mark.unscoped
def test_the_migration_rewraps_legacy_secrets_keeping_their_key_bytes(endpoint):
    legacy = "whsec_old-scheme_Token-urlsafe"
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(secret=legacy)
    migration = importlib.import_module("core.migrations.0007_standard_webhooks")
    migration.rewrap_secrets(django_apps, None)
    endpoint.refresh_from_db()
    assert endpoint.secret == webhooks.rewrap_legacy_secret(legacy)
    assert base64.b64decode(endpoint.secret.removeprefix("whsec_")) == legacy.encode()
    migration.unwrap_secrets(django_apps, None)  # and back, for a rollback
    endpoint.refresh_from_db()
    assert endpoint.secret == legacy
