"""The insured's pages, in the policies namespace (policies:proposal-list, ...)."""

from django.urls import path

from policies.proposals import views

urlpatterns = [
    path("proposals/", views.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/new/", views.ProposalCreateView.as_view(), name="proposal-new"),
    path("proposals/<int:pk>/", views.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote-detail"),
    path("<int:pk>/schedule.pdf", views.PolicyScheduleView.as_view(), name="schedule"),
]
