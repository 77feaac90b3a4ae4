"""Mounted at /api/v1/insurer/ (config/urls.py)."""

from django.urls import path

from policies.periods.api import insurer_views as views

urlpatterns = [
    path("renewal-offers/", views.InsurerRenewalOfferListApi.as_view(), name="api-insurer-renewal-offers"),
    path("renewal-offers/<int:offer_id>/change/", views.InsurerRenewalOfferChangeApi.as_view(),
         name="api-insurer-renewal-offer-change"),
    path("policies/<int:policy_id>/notice/", views.InsurerPolicyNoticeApi.as_view(), name="api-insurer-policy-notice"),
]
