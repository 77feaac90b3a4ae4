from django.urls import path

from core.api import webhooks

urlpatterns = [
    path("webhooks/events/", webhooks.WebhookEventListApi.as_view(), name="api-webhook-event-list"),
    path("webhooks/endpoints/", webhooks.WebhookEndpointListCreateApi.as_view(), name="api-webhook-endpoint-list"),
    path("webhooks/endpoints/<int:pk>/", webhooks.WebhookEndpointDetailApi.as_view(),
         name="api-webhook-endpoint-detail"),
    path("webhooks/deliveries/", webhooks.WebhookDeliveryListApi.as_view(), name="api-webhook-delivery-list"),
    path("webhooks/deliveries/<int:pk>/", webhooks.WebhookDeliveryDetailApi.as_view(),
         name="api-webhook-delivery-detail"),
    path("webhooks/deliveries/<int:pk>/replay/", webhooks.WebhookDeliveryReplayApi.as_view(),
         name="api-webhook-delivery-replay"),
]
