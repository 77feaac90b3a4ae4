from django.urls import path

from limits.monitoring import insurer_api

urlpatterns = [path("buyers-to-review/", insurer_api.BuyersToReviewApi.as_view(), name="api-insurer-buyers-to-review")]
