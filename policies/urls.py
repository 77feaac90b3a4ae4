from django.urls import path

from policies import views, views_premium

app_name = "policies"
urlpatterns = [
    path("", views.PolicyListView.as_view(), name="list"),
    path("<int:pk>/", views.PolicyDetailView.as_view(), name="detail"),
    path("<int:pk>/premium/", views_premium.PremiumView.as_view(), name="premium"),
    path("<int:pk>/premium/declare/", views_premium.DeclareTurnoverView.as_view(), name="premium-declare"),
    path("<int:pk>/premium/import/", views_premium.TurnoverCsvImportView.as_view(), name="premium-import"),
]
