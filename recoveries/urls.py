from django.urls import path

from recoveries import views

app_name = "recoveries"
urlpatterns = [
    path("", views.RecoveryListView.as_view(), name="list"),
    path("claims/<int:claim_pk>/", views.RecourseStatementView.as_view(), name="statement"),
    path("claims/<int:claim_pk>/statement.csv", views.StatementCsvView.as_view(), name="statement-csv"),
]
