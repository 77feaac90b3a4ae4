from django.urls import include, path

from policies import views
from policies.periods import views as period_views

app_name = "policies"
urlpatterns = [
    path("", views.PolicyListView.as_view(), name="list"),
    path("<int:pk>/", views.PolicyDetailView.as_view(), name="detail"),
    path("<int:pk>/renewal/accept/", period_views.RenewalAnswerView.as_view(accept=True), name="renewal-accept"),
    path("<int:pk>/renewal/decline/", period_views.RenewalAnswerView.as_view(accept=False), name="renewal-decline"),
    path("<int:pk>/notice/", period_views.PolicyNoticeView.as_view(), name="notice"),
    # Premium pages keep their names in this namespace (policies:premium, ...).
    path("", include("policies.premium.urls")),
    path("", include("policies.proposals.urls")),
]
