from django.urls import path

from policies.premium.api import views

urlpatterns = [
    path("policies/<int:pk>/premium/", views.PolicyPremiumApi.as_view(), name="api-policy-premium"),
    path("policies/<int:pk>/premium-invoices/", views.PremiumInvoiceListApi.as_view(),
         name="api-policy-premium-invoices"),
    path("turnover-declarations/", views.TurnoverDeclarationListCreateApi.as_view(),
         name="api-turnover-declaration-list"),
]
