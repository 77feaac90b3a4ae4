from django.urls import path

from policies.proposals.api import views

urlpatterns = [
    path("proposals/", views.ProposalListCreateApi.as_view(), name="api-proposal-list"),
    path("proposals/<int:pk>/", views.ProposalDetailApi.as_view(), name="api-proposal-detail"),
    path("quotes/", views.QuoteListApi.as_view(), name="api-quote-list"),
    path("quotes/<int:pk>/", views.QuoteDetailApi.as_view(), name="api-quote-detail"),
    path("quotes/<int:pk>/accept/", views.QuoteAcceptApi.as_view(), name="api-quote-accept"),
    path("quotes/<int:pk>/decline/", views.QuoteDeclineApi.as_view(), name="api-quote-decline"),
]
