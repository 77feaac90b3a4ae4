from django.urls import path

from policies.api import views, views_premium

urlpatterns = [
    path("policies/", views.PolicyListApi.as_view(), name="api-policy-list"),
    path("policies/<int:pk>/", views.PolicyDetailApi.as_view(), name="api-policy-detail"),
    path("policies/<int:pk>/premium/", views_premium.PolicyPremiumApi.as_view(), name="api-policy-premium"),
    path("turnover-declarations/", views_premium.TurnoverDeclarationListCreateApi.as_view(),
         name="api-turnover-declaration-list"),
]
