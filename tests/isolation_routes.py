"""The isolation matrix's map of the URL conf: every route, what it is, and how its path is filled.

Routes come from the URL conf (nothing is listed by hand): each is classified (tenant API, insurer API,
tenant page, admin, public) and each path parameter is filled with the victim's object of the right model,
found from the parameter's name, the view's `model`/`queryset`, or the resource the path names just before
it. A parameter none of these explains is reported as unfillable, and the matrix fails: no route is
silently skipped. tests/test_isolation_matrix.py drives the requests.
"""

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.apps import apps
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

TENANT_API = "tenant-api"
INSURER_API = "insurer-api"
TENANT_PAGE = "tenant-page"
ADMIN = "admin"
PUBLIC = "public"

# Pages anyone may open (login, password reset, language, the schema): the matrix still checks that none
# shows or changes the victim's data. A new public page is added here on purpose; until then it is treated
# as a tenant page, which fails closed.
PUBLIC_URL_NAMES = {
    "login", "logout", "set_language", "password_reset", "password_reset_done", "password_reset_confirm",
    "password_reset_complete", "schema", "swagger-ui",
}

# Probes for load balancers (/health/live, /health/ready) answer anyone, and show no tenant's data.
PUBLIC_PREFIXES = ("health/",)

# The resource a path segment names (the segment just before `<pk>`), as "app_label.Model".
RESOURCE_MODELS = {
    "policies": "policies.Policy",
    "limits": "limits.CreditLimit",
    "buyers": "buyers.Buyer",
    "overdues": "claims.Overdue",
    "invoices": "claims.Invoice",
    "claims": "claims.Claim",
    "claim": "claims.Claim",
    "documents": "claims.ClaimDocument",
    "recoveries": "recoveries.Recovery",
    "collection-cases": "recoveries.CollectionCase",
    "turnover-declarations": "policies.TurnoverDeclaration",
    "webhooks": "core.WebhookEndpoint",
    "endpoints": "core.WebhookEndpoint",
    "deliveries": "core.WebhookDelivery",
    "api-tokens": "accounts.ApiToken",
    "users": "auth.User",
    "notifications": "core.Notification",
    "creditlimit": "limits.CreditLimit",
    "policy": "policies.Policy",  # admin/policies/policy/<pk>/endorse/
    "losspayee": "policies.LossPayee",  # admin/policies/losspayee/<pk>/release/
    "jobs": "limits.LimitImportJob",  # limits/import/jobs/<pk>/
    "limit-imports": "limits.LimitImportJob",
    "gleif-imports": "buyers.GleifImportJob",  # api/v1/insurer/gleif-imports/<pk>/ (the insurer's, no tenant's)
    "buyer-imports": "buyers.BuyerImportJob",  # api/v1/insurer/buyer-imports/<pk>/ (the insurer's, no tenant's)
    "proposals": "policies.Proposal",
    "quotes": "policies.Quote",
    "renewal-offers": "policies.RenewalOffer",
}

# `<name>_id` / `<name>_pk` parameters: the object the name says.
PARAMETER_MODELS = {
    "policy": "policies.Policy", "limit": "limits.CreditLimit", "buyer": "buyers.Buyer",
    "overdue": "claims.Overdue", "invoice": "claims.Invoice", "claim": "claims.Claim",
    "doc": "claims.ClaimDocument", "document": "claims.ClaimDocument", "recovery": "recoveries.Recovery",
    "case": "recoveries.CollectionCase", "declaration": "policies.TurnoverDeclaration",
    "endpoint": "core.WebhookEndpoint", "delivery": "core.WebhookDelivery", "token": "accounts.ApiToken",
    "user": "auth.User", "member": "auth.User", "notification": "core.Notification",
    # The insurer's automatic-decision matrix: no tenant's, any rule will do.
    "rule": "limits.AutoDecisionRule",
    "proposal": "policies.Proposal", "quote": "policies.Quote",
    "offer": "policies.RenewalOffer",
    "payee": "policies.LossPayee", "relation": "buyers.InsuredRelation",
}

_CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass
class Route:
    route: str  # as the URL conf spells it, e.g. "api/v1/claims/<int:pk>/documents/<int:doc_id>/"
    name: str | None
    kind: str
    view_class: type | None
    methods: tuple[str, ...]
    parameters: dict[str, str] = field(default_factory=dict)  # parameter -> "app_label.Model"
    unfillable: list[str] = field(default_factory=list)

    @property
    def has_object(self) -> bool:
        return bool(self.parameters) and self.kind not in (ADMIN, PUBLIC)

    def __str__(self):
        return self.route


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _kind(route: str, name: str | None) -> str:
    if route.startswith("admin/"):
        # The admin's own sign-in and sign-out pages are open to anyone, as the site's are.
        return PUBLIC if route in ("admin/login/", "admin/logout/") else ADMIN
    if route.startswith("api/v1/insurer/"):
        return INSURER_API
    if route.startswith("api/v1/"):
        return TENANT_API
    if name in PUBLIC_URL_NAMES or route.startswith(PUBLIC_PREFIXES):
        return PUBLIC
    return TENANT_PAGE


def _methods(view_class) -> tuple[str, ...]:
    if view_class is None:  # a function view (admin pages, set_language): a browser sends GET and POST
        return ("get", "post")
    return tuple(m for m in ("get", "post", "put", "patch", "delete") if hasattr(view_class, m))


def _view_model(view_class) -> str | None:
    model = getattr(view_class, "model", None)
    queryset = getattr(view_class, "queryset", None)
    model = model or (queryset.model if queryset is not None else None)
    return model._meta.label if model is not None else None


def _admin_model(route: str) -> str | None:
    """The model of an admin page, from its path: admin/<app_label>/<model_name>/..."""
    parts = route.split("/")
    for model in admin.site._registry:
        if parts[1:3] == [model._meta.app_label, model._meta.model_name]:
            return model._meta.label
    return None


def _parameter_model(route: str, parameter: str, view_class) -> str | None:
    stem = re.sub(r"_(id|pk)$", "", parameter)
    if stem != parameter and stem in PARAMETER_MODELS:
        return PARAMETER_MODELS[stem]
    if parameter == "pk":
        before = re.split(r"<(?:\w+:)?pk>", route)[0].rstrip("/").rsplit("/", 1)[-1]
        return _view_model(view_class) or RESOURCE_MODELS.get(before)
    return None


# Parameters that are not objects: what fills them is fixed.
FIXED_PARAMETERS = {"uidb64", "token", "url", "app_label", "content_type_id", "history_id", "version"}


def routes() -> list[Route]:
    found = []
    for route, pattern in _walk(get_resolver()):
        view_class = getattr(pattern.callback, "cls", None) or getattr(pattern.callback, "view_class", None)
        kind = _kind(route, pattern.name)
        entry = Route(route=route, name=pattern.name, kind=kind, view_class=view_class, methods=_methods(view_class))
        names = [m.group("name") for m in _CONVERTER.finditer(route)]
        names += re.findall(r"\(\?P<(\w+)>", route)
        if "/history/([^/]+)/" in route:  # django-simple-history's unnamed (object, history) groups
            names += ["object_id", "history_id"]
        for parameter in names:
            if parameter in FIXED_PARAMETERS:
                entry.parameters[parameter] = ""
                continue
            model = _parameter_model(route, parameter, view_class)
            if kind == ADMIN and parameter in ("object_id", "id"):
                # admin/r/<content type>/<object>/ is the admin's "view on site": a claim will do.
                model = _admin_model(route) or ("claims.Claim" if route.startswith("admin/r/") else None)
            if model is None:
                entry.unfillable.append(parameter)
            else:
                entry.parameters[parameter] = model
        found.append(entry)
    return found


def fill(entry: Route, world) -> str:
    """The route's path with every parameter filled with the victim's object (world.objects[model label])."""

    def value(parameter):
        model = entry.parameters[parameter]
        if parameter == "uidb64":
            from django.utils.encoding import force_bytes
            from django.utils.http import urlsafe_base64_encode

            return urlsafe_base64_encode(force_bytes(world.objects["auth.User"].pk))
        if parameter == "token":
            return "set-password"
        if parameter == "url":
            return "no-such-page/"
        if parameter == "app_label":
            return "claims"
        if parameter == "content_type_id":
            from django.contrib.contenttypes.models import ContentType

            return str(ContentType.objects.get_for_model(apps.get_model("claims.Claim")).pk)
        if parameter == "history_id":
            return "1"
        if parameter == "version":
            return "1"  # a scorecard version (the insurer's, no tenant's): refused before it is read
        obj = world.objects.get(model)
        if obj is None and entry.kind == ADMIN:
            # The admin refuses a tenant's user before it reads the object: any row (or none) will do.
            row = apps.get_model(model)._base_manager.order_by("pk").first()
            return str(row.pk if row else 1)
        if obj is None:
            raise LookupError(f"{entry.route}: the matrix's world has no victim object of {model}; add one")
        return str(obj.pk)

    path = entry.route
    path = _CONVERTER.sub(lambda m: value(m.group("name")), path)
    path = re.sub(r"\^\(\?P<app_label>[^)]*\)/\$", lambda m: value("app_label") + "/", path)
    path = re.sub(r"\(\?P<url>\.\*\)\$", lambda m: value("url"), path)
    if "^([^/]+)/history/([^/]+)/$" in path:
        path = path.replace("^([^/]+)/history/([^/]+)/$", f"{value('object_id')}/history/{value('history_id')}/")
    return "/" + path


def required_permission(view_class, method: str):
    """What the view requires for `method`; a property is read on a view answering that method."""
    if view_class is None:
        return None
    view = view_class()
    view.request, view.kwargs, view.args = SimpleNamespace(method=method.upper()), {}, ()
    return getattr(view, "required_permission", None)


def schema_path(route: str) -> str:
    """The OpenAPI path of an API route: <int:pk> is {id} in drf-spectacular's schema."""
    return "/" + _CONVERTER.sub(lambda m: "{id}" if m.group("name") == "pk" else f"{{{m.group('name')}}}", route)
