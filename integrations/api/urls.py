from django.urls import path

from integrations.api import views

urlpatterns = [
    path("webhooks/events/", views.WebhookEventListApi.as_view(), name="api-webhook-event-list"),
    path("webhooks/endpoints/", views.WebhookEndpointListCreateApi.as_view(), name="api-webhook-endpoint-list"),
    path("webhooks/endpoints/<int:pk>/", views.WebhookEndpointDetailApi.as_view(),
         name="api-webhook-endpoint-detail"),
    path("webhooks/endpoints/<int:pk>/rotate-secret/", views.WebhookEndpointRotateSecretApi.as_view(),
         name="api-webhook-endpoint-rotate-secret"),
    path("webhooks/deliveries/", views.WebhookDeliveryListApi.as_view(), name="api-webhook-delivery-list"),
    path("webhooks/deliveries/<int:pk>/", views.WebhookDeliveryDetailApi.as_view(),
         name="api-webhook-delivery-detail"),
    path("webhooks/deliveries/<int:pk>/replay/", views.WebhookDeliveryReplayApi.as_view(),
         name="api-webhook-delivery-replay"),
]
