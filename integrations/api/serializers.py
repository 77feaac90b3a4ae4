"""What integrators send and receive about webhook endpoints, deliveries and events."""

from rest_framework import serializers

from core.models import WebhookDelivery


class WebhookEndpointInputSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=500, help_text="Public https:// URL that receives the POST requests.")
    description = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    # Checked against the registry by the service: apps register events after this module loads.
    events = serializers.ListField(
        child=serializers.CharField(max_length=80), allow_empty=False,
        help_text="Event names, e.g. limit.decided; GET /api/v1/webhooks/events/ lists them.",
    )
    is_active = serializers.BooleanField(required=False, default=True)


class WebhookEndpointOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    description = serializers.CharField()
    events = serializers.ListField(child=serializers.CharField())
    is_active = serializers.BooleanField()
    disabled_reason = serializers.CharField(help_text='Why Kredo disabled the endpoint: "gone" when it answered 410 Gone; empty otherwise.')
    created_at = serializers.DateTimeField()


class WebhookEndpointDetailOutputSerializer(WebhookEndpointOutputSerializer):
    secret = serializers.CharField(
        help_text="Standard Webhooks signing secret (whsec_ + base64 key): verify the webhook-signature header with "
                  "any Standard Webhooks library. See the webhooks section of the API guide."
    )
    previous_secret_until = serializers.DateTimeField(
        allow_null=True, help_text="After a rotation, deliveries are also signed with the previous secret until then."
    )


class WebhookDeliveryOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    delivery_id = serializers.UUIDField(source="uuid", help_text="Sent as the Kredo-Delivery header.")
    endpoint = serializers.IntegerField(source="endpoint_id")
    event = serializers.CharField()
    event_id = serializers.UUIDField(help_text="The body's id; a replay keeps it.")
    replay_of = serializers.IntegerField(source="replay_of_id", allow_null=True)
    state = serializers.ChoiceField(choices=WebhookDelivery.State.choices)
    attempts = serializers.IntegerField()
    next_attempt_at = serializers.DateTimeField(allow_null=True)
    last_status_code = serializers.IntegerField(allow_null=True)
    last_response_excerpt = serializers.CharField()
    last_error = serializers.CharField()
    created_at = serializers.DateTimeField()
    delivered_at = serializers.DateTimeField(allow_null=True)
    payload = serializers.JSONField()


class WebhookEventOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
