from django.urls import path

from accounts import views, views_members

app_name = "accounts"
urlpatterns = [
    path("notifications/", views.NotificationListView.as_view(), name="notifications"),
    path("notifications/<int:pk>/", views.NotificationOpenView.as_view(), name="notification-open"),
    path("notifications/read/", views.NotificationsReadView.as_view(), name="notifications-read"),
    path("language/", views.LanguageView.as_view(), name="language"),
    path("api-tokens/", views.ApiTokenListView.as_view(), name="api-tokens"),
    path("users/", views_members.MemberListView.as_view(), name="members"),
    path("users/<int:pk>/", views_members.MemberRolesView.as_view(), name="member-roles"),
    path("api-tokens/<int:pk>/revoke/", views.ApiTokenRevokeView.as_view(), name="api-token-revoke"),
]
