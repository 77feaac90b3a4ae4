"""Mounted at /api/v1/insurer/ (config/urls.py), before the tenant API; see accounts.middleware.INSURER_API_PREFIX."""

from django.urls import path

from recoveries.api import insurer_views as views

urlpatterns = [
    path("claims/<int:claim_id>/recovery-ledger/", views.InsurerRecoveryLedgerApi.as_view(),
         name="api-insurer-claim-recovery-ledger"),
    path("claims/<int:claim_id>/recoveries/", views.InsurerRecoveryCreateApi.as_view(),
         name="api-insurer-claim-recoveries"),
    path("claims/<int:claim_id>/collection-costs/", views.InsurerCollectionCostCreateApi.as_view(),
         name="api-insurer-claim-collection-costs"),
    path("claims/<int:claim_id>/settlements/", views.InsurerSettlementCreateApi.as_view(),
         name="api-insurer-claim-settlements"),
    path("claims/<int:claim_id>/collection-case/", views.InsurerCollectionCaseApi.as_view(),
         name="api-insurer-claim-collection-case"),
]
