"""Mounted at /api/v1/insurer/ (config/urls.py), before the tenant API; see accounts.middleware.INSURER_API_PREFIX."""

from django.urls import path

from claims.overdues.api import insurer_views as views

urlpatterns = [
    path("overdues/", views.InsurerOverdueListApi.as_view(), name="api-insurer-overdues"),
    path("overdues/<int:overdue_id>/", views.InsurerOverdueDetailApi.as_view(), name="api-insurer-overdue"),
    path("overdues/<int:overdue_id>/reinstate-cover/", views.InsurerReinstateCoverApi.as_view(),
         name="api-insurer-overdue-reinstate-cover"),
    path("overdues/<int:overdue_id>/invoices/<int:invoice_id>/waive-lateness/",
         views.InsurerWaiveLatenessApi.as_view(), name="api-insurer-invoice-waive-lateness"),
    path("overdues/<int:overdue_id>/invoices/<int:invoice_id>/consent-extension/",
         views.InsurerConsentExtensionApi.as_view(), name="api-insurer-invoice-consent-extension"),
]
