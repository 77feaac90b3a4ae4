"""The isolation matrix: every route of the URL conf, tried by whoever must not reach the victim's data.

Generated, not listed: tests/isolation_routes.py walks the URL conf (browser pages, admin pages, API
operations) and fills each path parameter with the victim's object of the right model; a route whose
parameter it cannot fill fails `test_every_route_is_in_the_matrix`. For each route and method:
- another tenant (its session, its token) gets 403/404 on the victim's objects and lists without them;
- a tenant role lacking the view's permission gets 403;
- tenant users and tokens never reach the admin or the insurer API; insurer tokens never reach tenant routes;
and after every request the victim's rows are unchanged, no row names another tenant's row, and no body
(HTML, JSON, CSV, file) carries the victim's marker. Bodies name the victim's objects in every id field.
"""

from functools import partial

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.roles import (
    CLAIMS_HANDLER,
    CREDIT_MANAGER,
    FINANCE,
    ROLE_PERMISSIONS,
    TENANT_ROLES,
    UNDERWRITER,
)
from core.tenancy import tenant_scope
from tests.claim_helpers import pdf
from tests.factories import insurer_token_client, logged_in, member
from tests.isolation_routes import (
    ADMIN,
    INSURER_API,
    PUBLIC,
    TENANT_API,
    TENANT_PAGE,
    fill,
    required_permission,
    routes,
    schema_path,
)
from tests.isolation_world import (
    MARKER,
    body_from_schema,
    cross_tenant_rows,
    differences,
    hostile_fields,
    hostile_form,
    snapshot,
    victim_ids,
    victim_world,
)

# Requests go through the middleware, which enters the requester's scope; set-up runs like a job.
pytestmark = pytest.mark.unscoped

API_KINDS = (TENANT_API, INSURER_API)


@pytest.fixture
def world(tenant, user, claims_handler, underwriter, outsider_policy):
    # The outsider has a policy of its own, so its lists are not empty by accident.
    return victim_world(tenant, user, claims_handler, underwriter)


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _token(tenant, roles):
    with tenant_scope(tenant):
        _token_row, raw_key = account_services.create_api_token(tenant=tenant, created_by=None, name="matrix",
                                                               roles=roles)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {raw_key}")
    return client


def _content(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _operation(schema, entry, method):
    return schema["paths"].get(schema_path(entry.route), {}).get(method)


class Matrix:
    """Sends a request, then checks the invariants every request must keep; collects what failed."""

    def __init__(self, world, schema):
        self.world, self.schema = world, schema
        self.components = schema.get("components", {}).get("schemas", {})
        self.hostile = hostile_fields(world)
        self.baseline = snapshot(world)
        self.requests = 0
        # Off: the caller verifies once per route (the admin's hundreds of pages), which names the route.
        self.verify_each = True
        self.offenders: list[str] = []

    def request(self, client, entry, method):
        path = fill(entry, self.world)
        if entry.kind in API_KINDS:
            return self._api_request(client, entry, method, path)
        data = hostile_form(self.world) if method != "get" else {}
        return getattr(client, method)(path, data)

    def _api_request(self, client, entry, method, path):
        operation = _operation(self.schema, entry, method) or {}
        query = {p["name"]: body_from_schema(p.get("schema"), self.components, self.hostile, p["name"])
                 for p in operation.get("parameters", []) if p["in"] == "query" and p.get("required")}
        if method == "get":
            return client.get(path, query)
        content = operation.get("requestBody", {}).get("content", {})
        if list(content) == ["multipart/form-data"]:
            return getattr(client, method)(path, {"file": pdf(), "kind": "invoice"}, format="multipart")
        media = content.get("application/json", {}).get("schema")
        body = body_from_schema(media, self.components, self.hostile) if media else {}
        return getattr(client, method)(path, body, format="json")

    def check(self, who, client, entry, method, *, allowed):
        """Send; fail unless the status is `allowed(status)`, the victim is unchanged and nothing leaked.

        `client` is a client or makes one: a session is signed in afresh for each request, since the
        matrix also posts to the logout page."""
        client = client() if callable(client) else client
        response = self.request(client, entry, method)
        self.requests += 1
        label = f"{who} {method.upper()} {fill(entry, self.world)} -> {response.status_code}"
        status = response.status_code
        if entry.kind == TENANT_PAGE and entry.has_object and status == 302 and not _to_login(response):
            # A page that only sends the browser on (GET of a form's action) is judged by where it sends it.
            status = client.get(response["Location"]).status_code
        if not allowed(status):
            self.offenders.append(f"{label}: status not allowed")
        if MARKER in _content(response).decode("utf-8", errors="replace").lower():
            self.offenders.append(f"{label}: shows the victim's data")
        if entry.kind == TENANT_API and response.status_code == 200 and method == "get" and not entry.has_object:
            leaked = _listed_ids(response) & victim_ids(self.world, _list_model(entry))
            if leaked:
                self.offenders.append(f"{label}: lists the victim's ids {sorted(leaked)}")
        if self.verify_each and (method != "get" or response.status_code < 300):
            self.verify(label)
        if method != "get" or response.status_code < 300:
            if 200 <= response.status_code < 300 and method != "get" and (mixed := cross_tenant_rows()):
                self.offenders.append(f"{label}: wrote rows naming another tenant's rows {mixed}")
        return response

    def verify(self, label):
        if changed := differences(self.baseline, snapshot(self.world)):
            self.offenders.append(f"{label}: changed the victim's rows {changed}")
            self.baseline = snapshot(self.world)

    def assert_clean(self):
        assert not self.offenders, f"{len(self.offenders)} of {self.requests} requests:\n" + "\n".join(self.offenders)


def _to_login(response) -> bool:
    return response.get("Location", "").startswith(("/login/", "/admin/login/"))


def _list_model(entry):
    model = getattr(entry.view_class, "model", None)
    return model._meta.label if model is not None else ""


def _listed_ids(response) -> set:
    try:
        body = response.json()
    except (ValueError, TypeError):
        return set()
    rows = body.get("results", body) if isinstance(body, dict) else body
    return {row.get("id") for row in rows if isinstance(row, dict)} if isinstance(rows, list) else set()


def _of(*kinds):
    return [entry for entry in routes() if entry.kind in kinds]


def _refused(status):
    return status in (403, 404)


def _not_signed_in(status):
    return status in (401, 403)


def test_every_route_is_in_the_matrix(schema):
    """Each route is classified and each parameter filled; each schema operation is a route of the matrix."""
    everything = routes()
    unfillable = [f"{entry.route}: {entry.unfillable}" for entry in everything if entry.unfillable]
    assert not unfillable, ("The isolation matrix cannot fill these parameters: name the model in "
                            "tests/isolation_routes.py (RESOURCE_MODELS or PARAMETER_MODELS):\n" + "\n".join(unfillable))
    api_routes = {schema_path(entry.route) for entry in everything if entry.kind in API_KINDS}
    assert set(schema["paths"]) <= api_routes
    operations = sum(len(ops) for ops in schema["paths"].values())
    assert operations >= 50 and len(everything) >= 300  # the figures in the README: grows, never shrinks


def test_another_tenant_neither_sees_nor_changes_the_victims_objects(world, schema, outsider, other_tenant):
    matrix = Matrix(world, schema)
    own_page, own_api = logged_in(world.user), _token(world.tenant, TENANT_ROLES)
    outsiders = {"outsider session": lambda: logged_in(outsider, client_class=APIClient),
                 "outsider token": _token(other_tenant, TENANT_ROLES)}
    shown_to_owner = 0
    for entry in _of(TENANT_API, TENANT_PAGE, PUBLIC):
        own = own_api if entry.kind == TENANT_API else own_page
        if "get" in entry.methods and entry.kind != PUBLIC:
            # The owner sees its object here: the route is filled with a real object, so a 404 below means refused.
            response = matrix.request(own, entry, "get")
            if response.status_code >= 400:  # the fill is wrong, or an earlier request destroyed the object
                matrix.offenders.append(f"owner GET {fill(entry, world)} -> {response.status_code}")
            shown_to_owner += MARKER in _content(response).decode("utf-8", errors="replace").lower()
        matrix.baseline = snapshot(world)
        for method in entry.methods:
            for who, client in outsiders.items():
                if entry.kind != TENANT_API and who.endswith("token"):
                    continue  # keys are honoured under /api/ only
                matrix.check(who, client, entry, method,
                             allowed=_refused if entry.has_object else (lambda status: status != 500))
    matrix.assert_clean()
    assert shown_to_owner >= 20  # the marker is where a leak would show it
    print(f"\nisolation: {matrix.requests} requests of another tenant; owner saw the marker on {shown_to_owner}")


def test_a_role_lacking_the_permission_is_refused_on_every_route(world, schema):
    # The members and tokens of each role exist before the victim's rows are read (they are the victim's rows).
    people = {role: member(world.tenant, [role]) for role in TENANT_ROLES}
    people["no role"] = member(world.tenant, [])
    tokens = {role: _token(world.tenant, [role]) for role in TENANT_ROLES}
    matrix = Matrix(world, schema)
    checked = 0
    for entry in _of(TENANT_API, TENANT_PAGE):
        api = entry.kind == TENANT_API
        for method in entry.methods:
            permission = required_permission(entry.view_class, method)
            if not permission:
                continue  # pages for every member (dashboard, notifications); API views all name one
            checked += 1
            for role, person in people.items():
                if role in ROLE_PERMISSIONS and permission in ROLE_PERMISSIONS[role]:
                    continue
                session = partial(logged_in, person, client_class=APIClient if api else Client)
                matrix.check(f"{role} session", session, entry, method, allowed=lambda status: status == 403)
                if api and role in tokens:
                    matrix.check(f"{role} token", tokens[role], entry, method, allowed=lambda status: status == 403)
    matrix.assert_clean()
    assert checked >= 60
    print(f"\nroles: {matrix.requests} requests on {checked} operations")


def test_tenant_users_and_tokens_never_reach_the_admin_or_the_insurer_api(world, schema, outsider):
    tenant_people = {
        "victim session": lambda: logged_in(world.user, client_class=APIClient),
        "victim token": _token(world.tenant, TENANT_ROLES),
        "outsider session": lambda: logged_in(outsider, client_class=APIClient),
    }
    matrix = Matrix(world, schema)
    matrix.verify_each = False
    for entry in _of(ADMIN, INSURER_API):
        matrix.verify(f"tenant users on {entry.route}")
        for method in entry.methods:
            for who, client in tenant_people.items():
                response = matrix.check(who, client, entry, method,
                                        allowed=_not_signed_in if entry.kind == INSURER_API else (
                                            lambda status: status == 302))
                if entry.kind == ADMIN and not _to_login(response):
                    matrix.offenders.append(f"{who} {method} {entry.route}: not sent to the admin login")
    matrix.verify("tenant users on the last route")
    matrix.assert_clean()
    print(f"\nadmin and insurer API: {matrix.requests} requests of tenant users and tokens")


def test_insurer_tokens_staff_and_anonymous_never_reach_tenant_routes(world, schema, underwriter):
    matrix = Matrix(world, schema)
    insurer = {"insurer token": insurer_token_client([CLAIMS_HANDLER, UNDERWRITER]),
               "underwriter session": lambda: logged_in(underwriter, client_class=APIClient),
               "anonymous": APIClient}
    for entry in _of(TENANT_API, TENANT_PAGE):
        for method in entry.methods:
            for who, client in insurer.items():
                # Staff are no tenant's members: refused on the API, and on pages a token is no session.
                matrix.check(who, client, entry, method,
                             allowed=_not_signed_in if entry.kind == TENANT_API else (
                                 lambda status: status in (302, 403)))
    matrix.assert_clean()
    print(f"\ninsurer side and anonymous on tenant routes: {matrix.requests} requests")


def test_a_credit_manager_cannot_file_a_claim_and_finance_cannot_decide_a_limit(world):
    overdue, limit = world.objects["claims.Overdue"], world.objects["limits.CreditLimit"]
    credit = _token(world.tenant, [CREDIT_MANAGER])
    credit_manager, finance = member(world.tenant, [CREDIT_MANAGER]), member(world.tenant, [FINANCE])
    before = snapshot(world)
    assert credit.post("/api/v1/claims/", {"overdue": overdue.pk, "cause": "protracted_default"},
                       format="json").status_code == 403
    assert logged_in(credit_manager).post("/claims/new/", {"overdue": overdue.pk}).status_code == 403
    decide = logged_in(finance).post(f"/admin/limits/creditlimit/{limit.pk}/decide/", {"decision": "approve"})
    assert decide.status_code == 302 and decide["Location"].startswith("/admin/login/")
    assert snapshot(world) == before
