from django.urls import path

from claims.overdues.api import views as views_overdues

urlpatterns = [
    path("overdues/", views_overdues.OverdueListCreateApi.as_view(), name="api-overdue-list"),
    path("overdues/<int:pk>/", views_overdues.OverdueDetailApi.as_view(), name="api-overdue-detail"),
    path("overdues/<int:pk>/payments/", views_overdues.OverduePaymentApi.as_view(), name="api-overdue-payments"),
    path("overdues/<int:pk>/invoices/", views_overdues.OverdueInvoicesApi.as_view(), name="api-overdue-invoices"),
    path("overdues/<int:pk>/notify/", views_overdues.OverdueNotifyApi.as_view(), name="api-overdue-notify"),
]
