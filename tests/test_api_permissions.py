"""Every API view names the permission it needs, and every tenant GET endpoint is closed to whoever lacks it.

Both walk the URL conf, so a new endpoint is checked without being listed here by hand (a new tenant GET
endpoint must be given its tenant's object in TENANT_GETS, or the coverage test fails).
"""

import uuid
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from rest_framework.permissions import AllowAny
from rest_framework.test import APIClient
from rest_framework.views import APIView

from accounts import services as account_services
from accounts.permissions import IsInsurerStaff, IsTenantMember
from accounts.roles import FINANCE, ROLE_PERMISSIONS, TENANT_ROLES
from buyers.services import propose_buyer
from policies.premium.services import declare_turnover
from recoveries import services as recoveries
from tests.claim_helpers import eur, paid_claim
from tests.factories import member

TENANT_API = "api/v1/"
INSURER_API = "api/v1/insurer/"
METHODS = ("get", "post", "put", "patch", "delete")


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def api_views():
    """(route, view class) of every DRF view in the URL conf."""
    for route, pattern in _walk(get_resolver()):
        view_class = getattr(pattern.callback, "cls", None)
        if isinstance(view_class, type) and issubclass(view_class, APIView):
            yield route, view_class


def required_permission(view_class, method: str):
    """What the view requires for `method`; a property is read on a view answering that method."""
    view = view_class()
    view.request, view.kwargs, view.args = SimpleNamespace(method=method.upper()), {}, ()
    return getattr(view, "required_permission", None)


def test_every_api_view_names_its_permission_class_and_permission():
    offenders = []
    for route, view_class in api_views():
        if not route.startswith(TENANT_API):
            continue
        expected = IsInsurerStaff if route.startswith(INSURER_API) else IsTenantMember
        classes = view_class.permission_classes
        if expected not in classes or AllowAny in classes:
            offenders.append(f"{route} {view_class.__name__}: permission_classes {classes}, expected {expected}")
        for method in METHODS:
            if hasattr(view_class, method) and not required_permission(view_class, method):
                offenders.append(f"{route} {method.upper()} {view_class.__name__}: no required_permission")
    assert not offenders, "API views open to every member (fail closed: declare one):\n" + "\n".join(offenders)


def test_a_tenant_view_naming_no_permission_is_open_to_no_one(user, tenant):
    request = SimpleNamespace(user=user, _request=SimpleNamespace(tenant=tenant))
    assert IsTenantMember().has_permission(request, SimpleNamespace()) is False
    assert IsTenantMember().has_permission(request, SimpleNamespace(required_permission="")) is False
    assert IsTenantMember().has_permission(request, SimpleNamespace(required_permission="claims.view_claim"))


# --- Every tenant GET endpoint: anonymous, lacking the role, another tenant ---------------------------------

# Requests go through the middleware, which enters the requester's scope; set-up runs like a job.
pytestmark = pytest.mark.unscoped

@pytest.fixture
def world(tenant, user, claims_handler, underwriter):
    """One of each of the tenant's objects an endpoint shows."""
    claim = paid_claim(tenant, member(tenant, [FINANCE]), claims_handler, underwriter)
    recovery = recoveries.record_recovery(claim=claim, amount=eur(500), received_on=date.today(), source="buyer")
    case = recoveries.open_collection_case(overdue=claim.overdue, claim=claim)
    declaration, _created = declare_turnover(tenant=tenant, declared_by=user, policy=claim.policy,
                                             period_start=date(2026, 1, 1), country="IT",
                                             turnover=Decimal("100000"), today=date(2026, 2, 10))
    proposal = propose_buyer(tenant=tenant, legal_name="Proposed Buyer GmbH", country="DE",
                             registration_number="HRB-PERM-1")
    endpoint = apps.get_model("core", "WebhookEndpoint").objects.create(
        tenant=tenant, url="https://hooks.example.com/kredo", events=["claim.paid"])
    delivery = apps.get_model("core", "WebhookDelivery").objects.create(
        tenant=tenant, endpoint=endpoint, event="claim.paid", event_id=uuid.uuid4(),
        next_attempt_at=timezone.now() + timedelta(minutes=5))
    limit = apps.get_model("limits", "CreditLimit").objects.get(policy=claim.policy, buyer=claim.buyer)
    return SimpleNamespace(claim=claim, policy=claim.policy, limit=limit, overdue=claim.overdue,
                           document=claim.documents.first(), recovery=recovery, case=case,
                           declaration=declaration, proposal=proposal, endpoint=endpoint, delivery=delivery)


# route -> (the URL for the tenant's object, the id a list shows it under; None for a detail or no object)
TENANT_GETS = {
    "api/v1/policies/": (lambda w: "/api/v1/policies/", lambda w: w.policy.pk),
    "api/v1/policies/<int:pk>/": (lambda w: f"/api/v1/policies/{w.policy.pk}/", None),
    "api/v1/policies/<int:pk>/premium/": (lambda w: f"/api/v1/policies/{w.policy.pk}/premium/", None),
    "api/v1/turnover-declarations/": (lambda w: "/api/v1/turnover-declarations/", lambda w: w.declaration.pk),
    "api/v1/limits/": (lambda w: "/api/v1/limits/", lambda w: w.limit.pk),
    "api/v1/limits/<int:pk>/": (lambda w: f"/api/v1/limits/{w.limit.pk}/", None),
    "api/v1/limits/<int:pk>/cover/": (lambda w: f"/api/v1/limits/{w.limit.pk}/cover/?on=2026-02-01", None),
    "api/v1/exposure/": (lambda w: "/api/v1/exposure/", lambda w: w.limit.buyer_id),
    "api/v1/buyers/": (lambda w: "/api/v1/buyers/", lambda w: w.proposal.pk),
    "api/v1/buyers/<int:pk>/": (lambda w: f"/api/v1/buyers/{w.proposal.pk}/", None),
    "api/v1/webhooks/events/": (lambda w: "/api/v1/webhooks/events/", None),
    "api/v1/webhooks/endpoints/": (lambda w: "/api/v1/webhooks/endpoints/", lambda w: w.endpoint.pk),
    "api/v1/webhooks/endpoints/<int:pk>/": (lambda w: f"/api/v1/webhooks/endpoints/{w.endpoint.pk}/", None),
    "api/v1/webhooks/deliveries/": (lambda w: "/api/v1/webhooks/deliveries/", lambda w: w.delivery.pk),
    "api/v1/webhooks/deliveries/<int:pk>/": (lambda w: f"/api/v1/webhooks/deliveries/{w.delivery.pk}/", None),
    "api/v1/overdues/": (lambda w: "/api/v1/overdues/", lambda w: w.overdue.pk),
    "api/v1/overdues/<int:pk>/": (lambda w: f"/api/v1/overdues/{w.overdue.pk}/", None),
    "api/v1/claims/": (lambda w: "/api/v1/claims/", lambda w: w.claim.pk),
    "api/v1/claims/<int:pk>/": (lambda w: f"/api/v1/claims/{w.claim.pk}/", None),
    "api/v1/claims/<int:pk>/documents/<int:doc_id>/": (
        lambda w: f"/api/v1/claims/{w.claim.pk}/documents/{w.document.pk}/", None),
    "api/v1/claims/<int:pk>/calculation/": (lambda w: f"/api/v1/claims/{w.claim.pk}/calculation/", None),
    "api/v1/claims/<int:claim_id>/recovery-ledger/": (lambda w: f"/api/v1/claims/{w.claim.pk}/recovery-ledger/",
                                                      None),
    # A list under the tenant's claim: another tenant does not find the claim.
    "api/v1/claims/<int:claim_id>/recoveries/": (lambda w: f"/api/v1/claims/{w.claim.pk}/recoveries/", None),
    "api/v1/collection-cases/": (lambda w: "/api/v1/collection-cases/", lambda w: w.case.pk),
}


def tenant_get_views():
    return {route: view_class for route, view_class in api_views()
            if route.startswith(TENANT_API) and not route.startswith(INSURER_API) and hasattr(view_class, "get")}


def test_every_tenant_get_endpoint_is_checked_below():
    assert set(tenant_get_views()) == set(TENANT_GETS)


def _ids(response):
    body = response.json()
    rows = body["results"] if isinstance(body, dict) and "results" in body else body
    return {row.get("id") for row in rows if isinstance(row, dict)}


def _lacking_the_permission(tenant, permission):
    """Token clients of each tenant role without the permission, and a member holding no role at all."""
    clients = []
    for role in TENANT_ROLES:
        if permission not in ROLE_PERMISSIONS[role]:
            _token, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name=role,
                                                                roles=[role])
            clients.append(APIClient())
            clients[-1].credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    roleless = APIClient()
    roleless.force_login(member(tenant, []))
    return [*clients, roleless]


@pytest.mark.parametrize("route", sorted(TENANT_GETS))
def test_a_tenant_get_endpoint_is_closed_to_anonymous_roleless_and_other_tenants(
        route, world, tenant, api_client, api_client_of_outsider):
    url_of, listed_id_of = TENANT_GETS[route]
    url = url_of(world)
    own = api_client.get(url)
    assert own.status_code == 200, own.content[:300]

    assert APIClient().get(url).status_code in (401, 403)

    permission = required_permission(tenant_get_views()[route], "get")
    for client in _lacking_the_permission(tenant, permission):
        assert client.get(url).status_code == 403

    outsider = api_client_of_outsider.get(url)
    if listed_id_of is None and route != "api/v1/webhooks/events/":
        assert outsider.status_code == 404
    elif listed_id_of is not None:
        assert outsider.status_code == 200
        assert listed_id_of(world) in _ids(own) and listed_id_of(world) not in _ids(outsider)
