from django.urls import path

from limits.risk_check import api

urlpatterns = [path("risk-check/", api.RiskCheckApi.as_view(), name="api-risk-check")]
