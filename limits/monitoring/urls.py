from django.urls import path

from limits.monitoring import views

app_name = "limits-monitoring"

urlpatterns = [
    path("", views.MonitoringListView.as_view(), name="list"),
    path("read/", views.MarkAlertsReadView.as_view(), name="read"),
]
