from django.urls import path

from buyers.api import views

urlpatterns = [
    path("buyers/", views.BuyerListCreateApi.as_view(), name="api-buyer-list"),
    path("buyers/<int:pk>/", views.BuyerDetailApi.as_view(), name="api-buyer-detail"),
]
