"""Cross-area pages of the insured, mounted at / by config/urls.py (paths kept from when they lived elsewhere)."""

from django.urls import path

from portal import views

app_name = "portal"
urlpatterns = [
    path("recoveries/policies/<int:policy_pk>/", views.PolicyStatementView.as_view(), name="policy-statement"),
    path("recoveries/policies/<int:policy_pk>/statement.csv", views.PolicyStatementCsvView.as_view(),
         name="policy-statement-csv"),
]
