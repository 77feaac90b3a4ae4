"""Every webhook event in the OpenAPI document (OpenAPI 3.1 `webhooks`), with its body and signature headers.

A drf-spectacular postprocessing hook, because apps register their events (and payload serializers) at
start-up, after settings are read: each event becomes a webhook whose request body is the envelope
{id, event, created_at, data} with `data` the serializer the app registered.
"""

import re
from functools import cache

from drf_spectacular.plumbing import process_webhooks
from drf_spectacular.utils import OpenApiResponse, OpenApiWebhook, extend_schema
from rest_framework import serializers

from core.webhooks import registry

# drf-spectacular's webhooks carry no parameters: the signature headers are added to each as plain OpenAPI.
SIGNATURE_HEADERS = [
    {"name": "webhook-id", "in": "header", "required": True, "schema": {"type": "string"},
     "description": "The event's id (the body's `id`): the same in every retry and replay; deduplicate on it."},
    {"name": "webhook-timestamp", "in": "header", "required": True, "schema": {"type": "integer"},
     "description": "Unix seconds when this attempt was signed; refuse old ones (5 minutes)."},
    {"name": "webhook-signature", "in": "header", "required": True, "schema": {"type": "string"},
     "description": "Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` keyed "
                    "with the endpoint's whsec_ secret; two during a secret rotation. Verify with any Standard "
                    "Webhooks library."},
]

DESCRIPTION = (
    "Sent as a POST to each active endpoint subscribed to the event, signed as Standard Webhooks. Answer 2xx "
    "within 10 seconds; other answers are retried after 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h for about "
    "three days. Answer 410 to have the endpoint disabled."
)


class _Unspecified(serializers.Serializer):
    """An event whose app registered no payload serializer: its test (test_webhook_schema) fails."""


@cache
def envelope(event: str) -> type[serializers.Serializer]:
    """The body of `event`: one serializer class per event, so each is one named component."""
    name = "".join(part.capitalize() for part in re.split(r"[._]", event)) + "Webhook"
    payload = registry.PAYLOADS.get(event, _Unspecified)
    return type(name, (serializers.Serializer,), {
        "__module__": __name__,
        "__doc__": f"The body of a `{event}` webhook.",
        "id": serializers.UUIDField(help_text="The event's id, also the webhook-id header."),
        "event": serializers.ChoiceField(choices=[event], help_text="The event's name."),
        "created_at": serializers.DateTimeField(help_text="When the event happened (a replay keeps it)."),
        "data": payload(),
    })


def webhooks() -> list[OpenApiWebhook]:
    return [
        OpenApiWebhook(name=event, decorator=extend_schema(
            summary=str(label), description=DESCRIPTION, tags=["webhooks"], request=envelope(event),
            auth=[],
            responses={200: OpenApiResponse(description="Received (any 2xx)"),
                       410: OpenApiResponse(description="Gone: Kredo disables the endpoint")},
        ))
        for event, label in registry.EVENTS.items()
    ]


def add_webhooks(result, generator, request, public, **kwargs):
    """POSTPROCESSING_HOOKS entry: the document's `webhooks`, and the components their bodies use."""
    result["webhooks"] = process_webhooks(webhooks(), generator.registry)
    for path_item in result["webhooks"].values():
        path_item["post"]["parameters"] = SIGNATURE_HEADERS
    built = generator.registry.build({})
    result.setdefault("components", {}).setdefault("schemas", {}).update(built.get("schemas", {}))
    return result
