"""The underwriters' exposure page, mounted at /admin/exposure/ (before the admin site's own urls)."""

from django.urls import path

from limits.exposure_views import insurer_exposure_view

app_name = "exposure"

urlpatterns = [
    path("", insurer_exposure_view, name="insurer"),
]
