"""Mounted at /api/v1/insurer/ (config/urls.py), before the tenant API; see accounts.middleware.INSURER_API_PREFIX."""

from django.urls import path

from limits.api import insurer_exposure, insurer_matrix, insurer_scorecards
from limits.api import insurer_views as views

urlpatterns = [
    path("limits/queue/", views.InsurerLimitQueueApi.as_view(), name="api-insurer-limit-queue"),
    path("limits/<int:limit_id>/", views.InsurerLimitDetailApi.as_view(), name="api-insurer-limit"),
    path("limits/<int:limit_id>/decide/", views.InsurerLimitDecideApi.as_view(), name="api-insurer-limit-decide"),
    path("limits/<int:limit_id>/reduce/", views.InsurerLimitReduceApi.as_view(), name="api-insurer-limit-reduce"),
    path("limits/<int:limit_id>/withdraw/", views.InsurerLimitWithdrawApi.as_view(),
         name="api-insurer-limit-withdraw"),
    path("limits/<int:limit_id>/clear-review/", views.InsurerLimitClearReviewApi.as_view(),
         name="api-insurer-limit-clear-review"),
    path("auto-decision-rules/", insurer_matrix.AutoDecisionMatrixApi.as_view(), name="api-insurer-matrix"),
    path("auto-decision-rules/<int:rule_id>/", insurer_matrix.AutoDecisionRuleApi.as_view(),
         name="api-insurer-matrix-rule"),
    path("scorecards/", insurer_scorecards.ScorecardListApi.as_view(), name="api-insurer-scorecards"),
    path("scorecards/<int:version>/", insurer_scorecards.ScorecardDetailApi.as_view(), name="api-insurer-scorecard"),
    path("exposure/", insurer_exposure.InsurerExposureApi.as_view(), name="api-insurer-exposure"),
]
