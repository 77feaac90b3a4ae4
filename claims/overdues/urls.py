"""Browser pages of the claims app (mounted at /overdues/ by config/urls.py)."""

from django.urls import path

from claims.overdues import views as views_overdues

app_name = "claims"
urlpatterns = [
    path("", views_overdues.OverdueListView.as_view(), name="overdue-list"),
    path("new/", views_overdues.OverdueDeclareView.as_view(), name="overdue-declare"),
    path("new/csv/", views_overdues.OverdueCsvDeclareView.as_view(), name="overdue-declare-csv"),
    path("<int:pk>/", views_overdues.OverdueDetailView.as_view(), name="overdue-detail"),
    path("<int:pk>/payments/", views_overdues.OverduePaymentView.as_view(), name="overdue-payment"),
    path("<int:pk>/extension/", views_overdues.OverdueExtensionView.as_view(), name="overdue-extension"),
    path("<int:pk>/notify/", views_overdues.OverdueNotifyView.as_view(), name="overdue-notify"),
    path("<int:pk>/discard/", views_overdues.OverdueDiscardView.as_view(), name="overdue-discard"),
]
