"""Webhook endpoints and deliveries for integrators; the rules live in core.webhooks."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core import webhooks
from core.api.filters import IdFilter
from core.api.idempotency import IdempotentPostMixin
from core.api.views import TenantQuerysetMixin
from core.models import WebhookDelivery, WebhookEndpoint
from core.selectors import webhook_deliveries_for_tenant, webhook_endpoints_for_tenant
from integrations.api.serializers import (
    WebhookDeliveryOutputSerializer,
    WebhookEndpointDetailOutputSerializer,
    WebhookEndpointInputSerializer,
    WebhookEndpointOutputSerializer,
    WebhookEventOutputSerializer,
)

PERMISSION = "core.manage_webhooks"
TAGS = ["webhooks"]


class WebhookDeliveryFilter(django_filters.FilterSet):
    # Declared, not generated: generation would query the scoped manager at import.
    endpoint = IdFilter(field_name="endpoint_id")
    event = django_filters.CharFilter(field_name="event")
    state = django_filters.ChoiceFilter(choices=WebhookDelivery.State.choices)

    class Meta:
        model = WebhookDelivery
        fields: list[str] = []


ENDPOINT_EXAMPLE = OpenApiExample(
    "Limit decisions to the ERP",
    value={"url": "https://erp.example.com/kredo/webhooks", "description": "ERP", "events": ["limit.decided"]},
    request_only=True,
)


def _endpoint_or_404(request, pk) -> WebhookEndpoint:
    return get_object_or_404(webhook_endpoints_for_tenant(tenant=request.tenant), pk=pk)


@extend_schema_view(
    get=extend_schema(summary="List your webhook endpoints", tags=TAGS),
    post=extend_schema(
        summary="Register a webhook endpoint",
        description="Answers with the endpoint and its signing secret. Send an `Idempotency-Key` to retry safely.",
        tags=TAGS, request=WebhookEndpointInputSerializer, responses={201: WebhookEndpointDetailOutputSerializer},
        examples=[ENDPOINT_EXAMPLE],
    ),
)
class WebhookEndpointListCreateApi(IdempotentPostMixin, TenantQuerysetMixin, generics.ListAPIView):
    model = WebhookEndpoint
    serializer_class = WebhookEndpointOutputSerializer
    required_permission = PERMISSION

    def get_tenant_queryset(self, tenant):
        return webhook_endpoints_for_tenant(tenant=tenant)

    def handle_post(self, request):
        data = WebhookEndpointInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint = webhooks.create_endpoint(tenant=request.tenant, created_by=request.user, **data.validated_data)
        return Response(WebhookEndpointDetailOutputSerializer(endpoint).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="One webhook endpoint with its signing secret", tags=TAGS,
                      responses={200: WebhookEndpointDetailOutputSerializer}),
    put=extend_schema(summary="Replace a webhook endpoint", tags=TAGS, request=WebhookEndpointInputSerializer,
                      responses={200: WebhookEndpointDetailOutputSerializer}),
    patch=extend_schema(summary="Change some fields of a webhook endpoint", tags=TAGS,
                        request=WebhookEndpointInputSerializer(partial=True),
                        responses={200: WebhookEndpointDetailOutputSerializer}),
    delete=extend_schema(summary="Delete a webhook endpoint and its deliveries", tags=TAGS,
                         responses={204: OpenApiResponse(description="Deleted")}),
)
class WebhookEndpointDetailApi(APIView):
    required_permission = PERMISSION

    def get(self, request, pk):
        return Response(WebhookEndpointDetailOutputSerializer(_endpoint_or_404(request, pk)).data)

    def put(self, request, pk):
        return self._update(request, pk, partial=False)

    def patch(self, request, pk):
        return self._update(request, pk, partial=True)

    def delete(self, request, pk):
        webhooks.delete_endpoint(endpoint=_endpoint_or_404(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, pk, *, partial: bool):
        endpoint = _endpoint_or_404(request, pk)
        data = WebhookEndpointInputSerializer(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        endpoint = webhooks.update_endpoint(endpoint=endpoint, **data.validated_data)
        return Response(WebhookEndpointDetailOutputSerializer(endpoint).data)


@extend_schema_view(
    get=extend_schema(summary="List webhook deliveries", description="Newest first; filter by endpoint, event, state.",
                      tags=TAGS),
)
class WebhookDeliveryListApi(TenantQuerysetMixin, generics.ListAPIView):
    model = WebhookDelivery
    serializer_class = WebhookDeliveryOutputSerializer
    filterset_class = WebhookDeliveryFilter
    required_permission = PERMISSION

    def get_tenant_queryset(self, tenant):
        # The filter set narrows this queryset; it never replaces the tenant filter.
        return webhook_deliveries_for_tenant(tenant=tenant)


@extend_schema_view(get=extend_schema(summary="One webhook delivery with its last attempt", tags=TAGS))
class WebhookDeliveryDetailApi(TenantQuerysetMixin, generics.RetrieveAPIView):
    model = WebhookDelivery
    serializer_class = WebhookDeliveryOutputSerializer
    required_permission = PERMISSION

    def get_tenant_queryset(self, tenant):
        return webhook_deliveries_for_tenant(tenant=tenant)


@extend_schema_view(
    post=extend_schema(
        summary="Send a delivery again",
        description=(
            "Creates a new delivery of the same event (same body `id`, new `Kredo-Delivery`) and sends it. "
            "Only for deliveries that succeeded or failed, to an active endpoint."
        ),
        tags=TAGS, request=None,
        responses={201: WebhookDeliveryOutputSerializer, 400: OpenApiResponse(description="Still pending, or the "
                                                                                          "endpoint is disabled")},
    )
)
class WebhookDeliveryReplayApi(IdempotentPostMixin, APIView):
    required_permission = PERMISSION

    def handle_post(self, request, pk):
        delivery = get_object_or_404(webhook_deliveries_for_tenant(tenant=request.tenant), pk=pk)
        replayed = webhooks.replay(delivery=delivery)
        return Response(WebhookDeliveryOutputSerializer(replayed).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Events an endpoint can subscribe to", tags=TAGS,
                      responses={200: WebhookEventOutputSerializer(many=True)}),
)
class WebhookEventListApi(APIView):
    required_permission = PERMISSION

    def get(self, request):
        events = [{"name": name, "label": str(label)} for name, label in webhooks.EVENTS.items()]
        return Response(WebhookEventOutputSerializer(events, many=True).data)


@extend_schema_view(
    post=extend_schema(
        summary="Rotate the endpoint's signing secret",
        description=(
            "Answers with the endpoint and its new secret. For 24 hours every delivery carries two signatures in "
            "`webhook-signature`, one per secret, so the receiver can switch to the new secret without refusing "
            "a delivery. Send an `Idempotency-Key` to retry safely."
        ),
        tags=TAGS, request=None, responses={200: WebhookEndpointDetailOutputSerializer},
    )
)
class WebhookEndpointRotateSecretApi(IdempotentPostMixin, APIView):
    required_permission = PERMISSION

    def handle_post(self, request, pk):
        endpoint = webhooks.rotate_secret(endpoint=_endpoint_or_404(request, pk))
        return Response(WebhookEndpointDetailOutputSerializer(endpoint).data)
