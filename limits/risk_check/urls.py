from django.urls import path

from limits.risk_check import views

app_name = "limits-risk-check"

urlpatterns = [path("", views.RiskCheckView.as_view(), name="check")]
