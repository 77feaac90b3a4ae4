from django.urls import path

from core import views_webhooks

app_name = "webhooks"
urlpatterns = [
    path("", views_webhooks.EndpointListView.as_view(), name="list"),
    path("new/", views_webhooks.EndpointCreateView.as_view(), name="create"),
    path("<int:pk>/", views_webhooks.EndpointEditView.as_view(), name="edit"),
    path("<int:pk>/delete/", views_webhooks.EndpointDeleteView.as_view(), name="delete"),
    path("<int:pk>/deliveries/", views_webhooks.DeliveryListView.as_view(), name="deliveries"),
    path("deliveries/<int:pk>/replay/", views_webhooks.DeliveryReplayView.as_view(), name="replay"),
]
