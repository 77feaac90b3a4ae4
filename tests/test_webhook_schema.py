"""Every webhook event is in the OpenAPI 3.1 document (`webhooks`), and what Kredo sends matches it.

The payloads checked are the ones real flows emit (a claim filed, approved and paid; a recovery; a
collection case), validated with jsonschema against the document an integrator downloads.
"""

import json

import pytest
from django.apps import apps
from drf_spectacular.generators import SchemaGenerator
from jsonschema import Draft202012Validator

from core import webhooks
from core.models import WebhookDelivery
from core.webhooks.signing import body_of
from recoveries import services as recoveries
from tests.claim_helpers import eur, paid_claim
from tests.factories import member

pytestmark = pytest.mark.unscoped


@pytest.fixture(scope="module")
def document():
    return SchemaGenerator().get_schema(request=None, public=True)


def _body_schema(document, event):
    return document["webhooks"][event]["post"]["requestBody"]["content"]["application/json"]["schema"]


def test_the_document_is_openapi_3_1_with_every_registered_event(document):
    assert document["openapi"].startswith("3.1")
    assert set(document["webhooks"]) == set(webhooks.EVENTS)
    for event in webhooks.EVENTS:
        assert event in webhooks.registry.PAYLOADS, f"{event}: register its payload serializer"
        operation = document["webhooks"][event]["post"]
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}
        component = _body_schema(document, event)["$ref"].rsplit("/", 1)[-1]
        envelope = document["components"]["schemas"][component]
        assert set(envelope["properties"]) == {"id", "event", "created_at", "data"}
        assert "410" in operation["responses"]


def test_the_payloads_real_flows_send_match_the_document(document, tenant, user, claims_handler, underwriter,
                                                         other_tenant):
    Endpoint = apps.get_model("core", "WebhookEndpoint")
    Endpoint.objects.create(tenant=tenant, url="https://erp.example.com/kredo", events=list(webhooks.EVENTS))
    claim = paid_claim(tenant, member(tenant, ["Finance"]), claims_handler, underwriter)
    recoveries.record_recovery(claim=claim, amount=eur(500), received_on=claim.paid_on, source="buyer")
    recoveries.open_collection_case(overdue=claim.overdue, claim=claim)

    checked = set()
    for delivery in WebhookDelivery.objects.filter(tenant=tenant).select_related("replay_of"):
        body = json.loads(body_of(delivery))
        root = {**document, "$ref": _body_schema(document, delivery.event)["$ref"]}
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft202012Validator(root).iter_errors(body)]
        assert not errors, f"{delivery.event} does not match its schema: {errors}"
        checked.add(delivery.event)
    assert {"limit.decided", "overdue.notified", "claim.state_changed", "claim.paid", "recovery.recorded",
            "collection.status_changed"} <= checked
    # Another tenant, with no endpoint, was sent nothing.
    assert not WebhookDelivery.objects.filter(tenant=other_tenant).exists()


def test_a_payload_that_does_not_match_is_caught(document):
    root = {**document, "$ref": _body_schema(document, "claim.paid")["$ref"]}
    wrong = {"id": "5b0e4d7c-2f7a-4c1e-9a51-0c3d2b1a9e77", "event": "claim.paid", "created_at": "2026-01-01T00:00:00Z",
             "data": {"claim_id": "not a number"}}
    assert list(Draft202012Validator(root).iter_errors(wrong))
