from django.urls import path

from claims.claims.api import views as views_claims

urlpatterns = [
    path("claims/", views_claims.ClaimListCreateApi.as_view(), name="api-claim-list"),
    path("claims/<int:pk>/", views_claims.ClaimDetailApi.as_view(), name="api-claim-detail"),
    path("claims/<int:pk>/submit/", views_claims.ClaimSubmitApi.as_view(), name="api-claim-submit"),
    path("claims/<int:pk>/withdraw/", views_claims.ClaimWithdrawApi.as_view(), name="api-claim-withdraw"),
    path("claims/<int:pk>/documents/", views_claims.ClaimDocumentUploadApi.as_view(), name="api-claim-documents"),
    path("claims/<int:pk>/documents/<int:doc_id>/", views_claims.ClaimDocumentDownloadApi.as_view(),
         name="api-claim-document-download"),
    path("claims/<int:pk>/calculation/", views_claims.ClaimCalculationApi.as_view(), name="api-claim-calculation"),
]
