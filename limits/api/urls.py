from django.urls import path

from limits.api import views
from limits.api.exposure import TenantExposureApi
from limits.api.imports import LimitImportCreateApi, LimitImportDetailApi, LimitImportErrorsApi

urlpatterns = [
    path("limits/", views.LimitListCreateApi.as_view(), name="api-limit-list"),
    path("limits/discretionary/", views.DiscretionaryLimitApi.as_view(), name="api-limit-discretionary"),
    path("limits/<int:pk>/", views.LimitDetailApi.as_view(), name="api-limit-detail"),
    path("limits/<int:pk>/cancel/", views.LimitCancelApi.as_view(), name="api-limit-cancel"),
    path("limits/<int:pk>/cover/", views.LimitCoverApi.as_view(), name="api-limit-cover"),
    path("limit-imports/", LimitImportCreateApi.as_view(), name="api-limit-import-list"),
    path("limit-imports/<int:pk>/", LimitImportDetailApi.as_view(), name="api-limit-import-detail"),
    path("limit-imports/<int:pk>/errors/", LimitImportErrorsApi.as_view(), name="api-limit-import-errors"),
    path("exposure/", TenantExposureApi.as_view(), name="api-exposure"),
]
