from django.urls import path

from integrations import views

app_name = "webhooks"
urlpatterns = [
    path("", views.EndpointListView.as_view(), name="list"),
    path("new/", views.EndpointCreateView.as_view(), name="create"),
    path("<int:pk>/", views.EndpointEditView.as_view(), name="edit"),
    path("<int:pk>/delete/", views.EndpointDeleteView.as_view(), name="delete"),
    path("<int:pk>/rotate/", views.EndpointRotateSecretView.as_view(), name="rotate"),
    path("<int:pk>/deliveries/", views.DeliveryListView.as_view(), name="deliveries"),
    path("deliveries/<int:pk>/replay/", views.DeliveryReplayView.as_view(), name="replay"),
]
