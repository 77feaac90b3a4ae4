from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>`; the key was checked by TenantScopeMiddleware.

    A tenant's key, or under /api/v1/insurer/ an insurer key; the middleware
    already refused an insurer key anywhere else (as an invalid key).
    """

    keyword = "Token"

    def authenticate(self, request):
        django_request = request._request
        if getattr(django_request, "api_token_invalid", False):
            raise exceptions.AuthenticationFailed(_("Invalid or revoked API token."))
        token = getattr(django_request, "api_token", None) or getattr(django_request, "insurer_api_token", None)
        if token is None:
            return None
        return (token.service_user, token)

    def authenticate_header(self, request):
        return self.keyword


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token-based authentication: `Token <key>`.",
        }
