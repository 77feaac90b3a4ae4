"""The underwriters' buyers to review, mounted at /admin/buyer-review/ (before the admin site's own urls)."""

from django.urls import path

from limits.monitoring.admin_queue import buyer_review_view

app_name = "buyer-review"

urlpatterns = [path("", buyer_review_view, name="queue")]
