"""The finance team's claim pages (mounted at /claims/ by config/urls.py)."""

from django.urls import path

from claims.claims import views as views_claims

app_name = "claim_pages"
urlpatterns = [
    path("", views_claims.ClaimListView.as_view(), name="list"),
    path("claimable/", views_claims.ClaimableOverdueListView.as_view(), name="claimable"),
    path("new/", views_claims.ClaimFileView.as_view(), name="file"),
    path("<int:pk>/", views_claims.ClaimDetailView.as_view(), name="detail"),
    path("<int:pk>/documents/", views_claims.ClaimUploadView.as_view(), name="upload"),
    path("<int:pk>/documents/<int:doc_pk>/", views_claims.ClaimDocumentDownloadView.as_view(), name="download"),
    path("<int:pk>/submit/", views_claims.ClaimSubmitView.as_view(), name="submit"),
    path("<int:pk>/withdraw/", views_claims.ClaimWithdrawView.as_view(), name="withdraw"),
]
