"""Mounted at /api/v1/insurer/ (config/urls.py)."""

from django.urls import path

from policies.loss_payees import insurer_api as views

urlpatterns = [
    path("policies/<int:policy_id>/loss-payees/", views.InsurerPolicyLossPayeesApi.as_view(),
         name="api-insurer-policy-loss-payees"),
    path("loss-payees/<int:payee_id>/release/", views.InsurerLossPayeeReleaseApi.as_view(),
         name="api-insurer-loss-payee-release"),
]
