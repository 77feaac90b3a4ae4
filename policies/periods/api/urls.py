from django.urls import path

from policies.periods.api import views

urlpatterns = [
    path("policies/<int:pk>/periods/", views.PolicyPeriodListApi.as_view(), name="api-policy-periods"),
    path("policies/<int:pk>/renewal-offer/", views.RenewalOfferApi.as_view(), name="api-policy-renewal-offer"),
    path("policies/<int:pk>/renewal-offer/accept/", views.RenewalOfferAcceptApi.as_view(),
         name="api-policy-renewal-offer-accept"),
    path("policies/<int:pk>/renewal-offer/decline/", views.RenewalOfferDeclineApi.as_view(),
         name="api-policy-renewal-offer-decline"),
    path("policies/<int:pk>/notice/", views.PolicyNoticeApi.as_view(), name="api-policy-notice"),
]
