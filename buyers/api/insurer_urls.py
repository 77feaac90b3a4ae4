"""Mounted at /api/v1/insurer/ (config/urls.py), before the tenant API; see accounts.middleware.INSURER_API_PREFIX."""

from django.urls import path

from buyers.api import financials, gleif, imports, insurer_relations
from buyers.api import insurer_views as views

urlpatterns = [
    path("buyers/", views.InsurerBuyerListApi.as_view(), name="api-insurer-buyers"),
    path("buyers/<int:buyer_id>/", views.InsurerBuyerDetailApi.as_view(), name="api-insurer-buyer"),
    path("buyers/<int:buyer_id>/confirm/", views.InsurerBuyerConfirmApi.as_view(), name="api-insurer-buyer-confirm"),
    path("buyers/<int:buyer_id>/grade/", views.InsurerBuyerGradeApi.as_view(), name="api-insurer-buyer-grade"),
    path("buyers/<int:buyer_id>/kind/", views.InsurerBuyerKindApi.as_view(), name="api-insurer-buyer-kind"),
    path("buyers/<int:buyer_id>/merge/", views.InsurerBuyerMergeApi.as_view(), name="api-insurer-buyer-merge"),
    path("buyers/<int:buyer_id>/financial-statements/", financials.BuyerStatementsApi.as_view(),
         name="api-insurer-buyer-statements"),
    path("financial-statements/import/", financials.StatementImportApi.as_view(),
         name="api-insurer-statement-import"),
    path("buyer-imports/", imports.BuyerImportCreateApi.as_view(), name="api-insurer-buyer-imports"),
    path("buyer-imports/<int:pk>/", imports.BuyerImportDetailApi.as_view(), name="api-insurer-buyer-import"),
    path("buyer-imports/<int:pk>/errors/", imports.BuyerImportErrorsApi.as_view(),
         name="api-insurer-buyer-import-errors"),
    path("gleif-imports/", gleif.GleifImportCreateApi.as_view(), name="api-insurer-gleif-imports"),
    path("gleif-imports/<int:pk>/", gleif.GleifImportDetailApi.as_view(), name="api-insurer-gleif-import"),
    path("gleif-imports/<int:pk>/issues/", gleif.GleifImportIssuesApi.as_view(), name="api-insurer-gleif-import-issues"),
    path("insured-relations/", insurer_relations.InsuredRelationListApi.as_view(),
         name="api-insurer-insured-relations"),
    path("insured-relations/<int:relation_id>/end/", insurer_relations.InsuredRelationEndApi.as_view(),
         name="api-insurer-insured-relation-end"),
    path("country-risks/", views.InsurerCountryRiskApi.as_view(), name="api-insurer-country-risks"),
]
