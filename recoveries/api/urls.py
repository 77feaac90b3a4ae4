from django.urls import path

from recoveries.api import views

urlpatterns = [
    path("claims/<int:claim_id>/recovery-ledger/", views.RecoveryLedgerApi.as_view(), name="api-claim-recovery-ledger"),
    path("claims/<int:claim_id>/recoveries/", views.ClaimRecoveryListCreateApi.as_view(), name="api-claim-recoveries"),
    path("collection-cases/", views.CollectionCaseListApi.as_view(), name="api-collection-case-list"),
]
