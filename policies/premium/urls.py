"""The finance team's premium pages, included by policies/urls.py under /policies/<pk>/premium/."""

from django.urls import path

from policies.premium import views

urlpatterns = [
    path("<int:pk>/premium/", views.PremiumView.as_view(), name="premium"),
    path("<int:pk>/premium/declare/", views.DeclareTurnoverView.as_view(), name="premium-declare"),
    path("<int:pk>/premium/import/", views.TurnoverCsvImportView.as_view(), name="premium-import"),
]
