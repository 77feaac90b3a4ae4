"""Schemathesis against the live OpenAPI document (issue 12 item 2): every operation, with a tenant token on the
tenant API and an insurer token on the insurer API, valid and invalid inputs, a bounded number of examples.
Fails on any 5xx, a response that does not match its documented schema or content type, or a status code the
operation does not document. Also: each side's token on the other side's operations answers a documented 4xx.

Bounded by FUZZ_EXAMPLES (examples per operation and generation mode, default 8): about 3 minutes on
PostgreSQL. `pytest -m fuzz` runs it alone; CI runs it on PostgreSQL (.ci/run)."""

import os
from collections import defaultdict

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.roles import CLAIMS_HANDLER, UNDERWRITER
from limits.models import CreditLimit
from tests.claim_helpers import paid_claim
from tests.factories import insurer_token_client

pytestmark = [pytest.mark.fuzz, pytest.mark.unscoped, pytest.mark.django_db]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
INSURER = "/api/v1/insurer/"


@pytest.fixture(autouse=True)
def _connection_kept_between_requests():
    """The fuzzer calls the WSGI application itself, whose request signals close the database connection (on
    PostgreSQL: the test's own, inside its transaction). Django's test client disconnects them: so do we."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def world(tenant, finance, claims_handler, underwriter, api_client):
    """A paid claim (with its policy, buyer, overdue and limit) of the tenant, and both sides' tokens."""
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    insurer = insurer_token_client([CLAIMS_HANDLER, UNDERWRITER])
    limit = CreditLimit.objects.filter(policy=claim.policy).first()
    ids = {"claim": claim.pk, "overdue": claim.overdue_id, "policy": claim.policy_id,
           "buyer": claim.overdue.buyer_id, "limit": limit.pk}
    return {"ids": ids, "tenant": api_client._credentials["HTTP_AUTHORIZATION"],
            "insurer": insurer._credentials["HTTP_AUTHORIZATION"]}


def _known_ids(path: str, ids: dict) -> dict:
    """Path parameters naming the world's own objects, so cases reach past the 404 of an unknown id."""
    resource = {"/claims/": "claim", "/overdues/": "overdue", "/policies/": "policy", "/buyers/": "buyer",
                "/limits/": "limit"}
    known = {}
    for segment, name in resource.items():
        if segment in path:
            for parameter in ("id", "pk", "claim_id"):
                if "{" + parameter + "}" in path:
                    known[parameter] = ids[name]
    return known


def _operations():
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    return [result.ok() for result in schema.get_all_operations()]


def _fuzz(operation, *, authorization: str, ids: dict, examples: int, failures: dict, must_refuse=False) -> int:
    known = _known_ids(operation.path, ids)
    strategies = [operation.as_strategy(mode) for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    if known:
        strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=known))
    sent = [0]

    @settings(max_examples=examples * len(strategies), deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(strategies))
    def run(case):
        sent[0] += 1
        response = case.call(headers={"Authorization": authorization})
        if must_refuse and response.status_code < 400:
            failures[f"{operation.method.upper()} {operation.path}"].append(f"answered {response.status_code}")
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as failure:  # noqa: BLE001  (each is reported, the others still run)
            failures[f"{operation.method.upper()} {operation.path}"].append(f"{type(failure).__name__}: {failure}"[:600])

    run()
    return sent[0]


def test_every_operation_holds_its_schema_under_fuzzing(world):
    failures: dict[str, list[str]] = defaultdict(list)
    operations = _operations()
    sent = 0
    for operation in operations:
        side = "insurer" if operation.path.startswith(INSURER) else "tenant"
        sent += _fuzz(operation, authorization=world[side], ids=world["ids"], examples=EXAMPLES, failures=failures)
    print(f"\nfuzzed {len(operations)} operations with {sent} requests; {len(failures)} operations failed")
    assert len(operations) > 40
    assert not failures, "\n".join(f"{name}:\n  " + "\n  ".join(sorted(set(found))[:3]) for name, found in failures.items())


def test_the_other_sides_token_gets_a_documented_refusal_everywhere(world):
    failures: dict[str, list[str]] = defaultdict(list)
    for operation in _operations():
        if operation.path.startswith("/api/schema") or operation.path.startswith("/api/docs"):
            continue
        other = "tenant" if operation.path.startswith(INSURER) else "insurer"
        _fuzz(operation, authorization=world[other], ids=world["ids"], examples=2, failures=failures, must_refuse=True)
    assert not failures, "\n".join(f"{name}: {sorted(set(found))[:2]}" for name, found in failures.items())
