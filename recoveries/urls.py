from django.urls import path

from recoveries import views, views_policy

app_name = "recoveries"
urlpatterns = [
    path("", views.RecoveryListView.as_view(), name="list"),
    path("claims/<int:claim_pk>/", views.RecourseStatementView.as_view(), name="statement"),
    path("claims/<int:claim_pk>/statement.csv", views.StatementCsvView.as_view(), name="statement-csv"),
    path("policies/<int:policy_pk>/", views_policy.PolicyStatementView.as_view(), name="policy-statement"),
    path("policies/<int:policy_pk>/statement.csv", views_policy.PolicyStatementCsvView.as_view(),
         name="policy-statement-csv"),
]
