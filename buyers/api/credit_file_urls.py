"""The insured's credit-file routes (in api_v1); the insurer's are in credit_file_insurer_urls."""

from django.urls import path

from buyers.api import credit_file as views

urlpatterns = [
    path("buyers/<int:pk>/credit-file/", views.BuyerCreditFileApi.as_view(), name="api-buyer-credit-file"),
    path("buyers/<int:pk>/notes/", views.BuyerNotesApi.as_view(), name="api-buyer-notes"),
]
