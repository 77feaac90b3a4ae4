"""Mounted at /api/v1/insurer/ (config/urls.py)."""

from django.urls import path

from policies.proposals.api import insurer_views as views

urlpatterns = [
    path("proposals/", views.InsurerProposalListApi.as_view(), name="api-insurer-proposal-list"),
    path("proposals/<int:proposal_id>/", views.InsurerProposalDetailApi.as_view(), name="api-insurer-proposal"),
    path("proposals/<int:proposal_id>/quotes/", views.InsurerQuoteCreateApi.as_view(),
         name="api-insurer-quote-create"),
    path("quotes/<int:quote_id>/", views.InsurerQuoteDetailApi.as_view(), name="api-insurer-quote"),
    path("quotes/<int:quote_id>/offer/", views.InsurerQuoteOfferApi.as_view(), name="api-insurer-quote-offer"),
    path("quotes/<int:quote_id>/issue/", views.InsurerQuoteIssueApi.as_view(), name="api-insurer-quote-issue"),
    path("policies/", views.InsurerPolicyListApi.as_view(), name="api-insurer-policy-list"),
    path("policies/<int:policy_id>/", views.InsurerPolicyDetailApi.as_view(), name="api-insurer-policy"),
    path("policies/<int:policy_id>/endorsements/", views.InsurerEndorsementApi.as_view(),
         name="api-insurer-policy-endorse"),
]
