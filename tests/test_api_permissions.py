"""Every API view names the permission it needs (fail closed).

Walks the URL conf, so a new endpoint is checked without being listed here by hand. That every route is
closed to another tenant, to the roles lacking its permission and to the other side (insurer or tenant) is
the isolation matrix's job: tests/test_isolation_matrix.py.
"""

from types import SimpleNamespace

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff, IsTenantMember

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
