"""Mounted at /api/v1/insurer/ (config/urls.py), before the tenant API; see accounts.middleware.INSURER_API_PREFIX."""

from django.urls import path

from claims.claims.api import insurer_views as views

urlpatterns = [
    path("claims/", views.InsurerClaimListApi.as_view(), name="api-insurer-claims"),
    path("claims/<int:claim_id>/", views.InsurerClaimDetailApi.as_view(), name="api-insurer-claim"),
    path("claims/<int:claim_id>/documents/<int:doc_id>/", views.InsurerClaimDocumentDownloadApi.as_view(),
         name="api-insurer-claim-document-download"),
    path("claims/<int:claim_id>/request-documents/", views.InsurerClaimRequestDocumentsApi.as_view(),
         name="api-insurer-claim-request-documents"),
    path("claims/<int:claim_id>/confirm-complete/", views.InsurerClaimConfirmCompleteApi.as_view(),
         name="api-insurer-claim-confirm-complete"),
    path("claims/<int:claim_id>/approve/", views.InsurerClaimApproveApi.as_view(), name="api-insurer-claim-approve"),
    path("claims/<int:claim_id>/pay/", views.InsurerClaimPayApi.as_view(), name="api-insurer-claim-pay"),
    path("claims/<int:claim_id>/reject/", views.InsurerClaimRejectApi.as_view(), name="api-insurer-claim-reject"),
]
