from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.views import set_language_and_preference
from portal.dashboard import DashboardView

api_v1 = [
    path("", include("policies.api.urls")),
    path("", include("policies.proposals.api.urls")),
    path("", include("limits.api.urls")),
    path("", include("buyers.api.urls")),
    path("", include("buyers.api.credit_file_urls")),
    path("", include("buyers.monitoring.urls")),
    path("", include("limits.risk_check.api_urls")),
    path("", include("integrations.api.urls")),
    path("", include("claims.overdues.api.urls")),
    path("", include("claims.claims.api.urls")),
    path("", include("recoveries.api.urls")),
]

urlpatterns = [
    path("", DashboardView.as_view(), name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The language switcher also records a signed-in user's choice (pages and e-mails in one language).
    path("i18n/setlang/", set_language_and_preference, name="set_language"),
    path("account/", include("accounts.urls")),
    path("account/webhooks/", include("integrations.urls")),
    # Password reset and change (invited users choose their password here).
    path("account/password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("account/password/reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("account/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("account/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("policies/", include("policies.urls")),
    path("buyers/", include("buyers.urls")),
    path("limits/monitoring/", include("limits.monitoring.urls")),
    path("limits/risk-check/", include("limits.risk_check.urls")),
    path("limits/", include("limits.urls")),
    path("overdues/", include("claims.overdues.urls")),
    path("", include("portal.urls")),
    path("recoveries/", include("recoveries.urls")),
    path("claims/", include("claims.claims.urls")),
    path("admin/exposure/", include("limits.exposure_urls")),
    path("admin/buyer-review/", include("limits.monitoring.admin_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/insurer/", include("claims.claims.api.insurer_urls")),
    path("api/v1/insurer/", include("recoveries.api.insurer_urls")),
    path("api/v1/insurer/", include("limits.api.insurer_urls")),
    path("api/v1/insurer/", include("policies.periods.api.insurer_urls")),
    path("api/v1/insurer/", include("buyers.api.insurer_urls")),
    path("api/v1/insurer/", include("claims.overdues.api.insurer_urls")),
    path("api/v1/insurer/", include("buyers.api.credit_file_insurer_urls")),
    path("api/v1/insurer/", include("limits.monitoring.insurer_urls")),
    path("api/v1/insurer/", include("policies.proposals.api.insurer_urls")),
    path("api/v1/insurer/", include("policies.loss_payees.insurer_urls")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: the CSP allows no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
]

# Under /api/ every error is problem+json (core.api.errors), also those raised before a DRF view runs (an unknown
# URL, a crash or an outage in a middleware); elsewhere Django's HTML pages.
handler400 = "config.error_views.bad_request"
handler403 = "config.error_views.permission_denied"
handler404 = "config.error_views.page_not_found"
handler500 = "config.error_views.server_error"

admin.site.site_header = "Kredo: insurer administration"
admin.site.site_title = "Kredo admin"
