from django.urls import path

from policies.api import views

urlpatterns = [
    path("policies/", views.PolicyListApi.as_view(), name="api-policy-list"),
    path("policies/<int:pk>/", views.PolicyDetailApi.as_view(), name="api-policy-detail"),
]
