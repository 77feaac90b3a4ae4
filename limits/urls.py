from django.urls import path

from limits import views, views_csv

app_name = "limits"
urlpatterns = [
    path("", views.LimitListView.as_view(), name="list"),
    path("request/", views.LimitRequestView.as_view(), name="request"),
    path("discretionary/", views.DiscretionaryLimitView.as_view(), name="discretionary"),
    path("<int:pk>/", views.LimitDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.LimitEditView.as_view(), name="edit"),
    path("<int:pk>/cancel/", views.LimitCancelView.as_view(), name="cancel"),
    # CSV import/export (limits/views_csv.py)
    path("import/", views_csv.LimitCsvImportView.as_view(), name="import"),
    path("import/jobs/<int:pk>/", views_csv.LimitImportJobView.as_view(), name="import-job"),
    path("import/jobs/<int:pk>/errors.csv", views_csv.LimitImportErrorsView.as_view(), name="import-job-errors"),
    path("export.csv", views_csv.LimitCsvExportView.as_view(), name="export"),
]
