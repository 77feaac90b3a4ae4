from django.urls import include, path

from policies import views

app_name = "policies"
urlpatterns = [
    path("", views.PolicyListView.as_view(), name="list"),
    path("<int:pk>/", views.PolicyDetailView.as_view(), name="detail"),
    # Premium pages keep their names in this namespace (policies:premium, ...).
    path("", include("policies.premium.urls")),
    path("", include("policies.proposals.urls")),
]
