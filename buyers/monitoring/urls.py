"""The insured's alert routes (in api_v1)."""

from django.urls import path

from buyers.monitoring import api

urlpatterns = [
    path("buyer-alerts/", api.BuyerAlertListApi.as_view(), name="api-buyer-alerts"),
    path("buyer-alerts/read/", api.BuyerAlertReadApi.as_view(), name="api-buyer-alerts-read"),
]
