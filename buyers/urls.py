from django.urls import path

from buyers import views

app_name = "buyers"
urlpatterns = [
    path("", views.BuyerSearchView.as_view(), name="search"),
    path("propose/", views.BuyerProposeView.as_view(), name="propose"),
    path("<int:pk>/", views.BuyerDetailView.as_view(), name="detail"),
    path("<int:pk>/file/", views.BuyerCreditFileView.as_view(), name="credit-file"),
]
