"""The insurer's credit-file route, mounted at /api/v1/insurer/ (config/urls.py)."""

from django.urls import path

from buyers.api import credit_file as views

urlpatterns = [
    path("buyers/<int:pk>/credit-file/", views.InsurerBuyerCreditFileApi.as_view(),
         name="api-insurer-buyer-credit-file"),
]
