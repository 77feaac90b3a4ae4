from django.urls import include, path

from policies.api import views

urlpatterns = [
    path("policies/", views.PolicyListApi.as_view(), name="api-policy-list"),
    path("policies/<int:pk>/", views.PolicyDetailApi.as_view(), name="api-policy-detail"),
    path("", include("policies.premium.api.urls")),
    path("", include("policies.periods.api.urls")),
]
