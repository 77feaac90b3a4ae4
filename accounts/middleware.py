"""Resolves the request's tenant and runs the request inside its scope."""

from django.conf import settings
from django_scopes import scopes_disabled

from accounts import selectors, services
from core.tenancy import tenant_scope

ADMIN_PREFIX = "/" + getattr(settings, "ADMIN_URL", "admin/")


def _raw_api_key(request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() in ("token", "bearer") and key.strip():
        return key.strip()
    return None


class TenantScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.tenant = None
        request.api_token = None
        request.api_token_invalid = False

        # API keys are honoured on the API only, never for browser pages.
        if request.path.startswith("/api/"):
            raw_key = _raw_api_key(request)
            if raw_key:
                token = services.authenticate_api_token(raw_key)
                if token is None:
                    request.api_token_invalid = True
                else:
                    request.api_token = token
                    request.user = token.service_user
                    request.tenant = token.tenant

        if request.api_token is None and not request.api_token_invalid:
            request.tenant = selectors.tenant_of_user(request.user)

        user = request.user
        if request.tenant is None and user.is_authenticated and user.is_staff and request.path.startswith(ADMIN_PREFIX):
            # Insurer staff work across all tenants, in the admin only.
            with scopes_disabled():
                return self.get_response(request)
        # No tenant (anonymous, staff outside the admin) scopes to nothing: fail closed.
        with tenant_scope(request.tenant):
            return self.get_response(request)
