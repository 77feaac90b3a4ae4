"""Resolves the request's tenant and runs the request inside its scope."""

from django.conf import settings
from django.utils import translation
from django_scopes import scopes_disabled

from accounts import selectors, services
from core.tenancy import tenant_scope

ADMIN_PREFIX = "/" + getattr(settings, "ADMIN_URL", "admin/")
# The insurer's own API: staff and insurer tokens, across tenants. Keep in step with config/urls.py.
INSURER_API_PREFIX = "/api/v1/insurer/"


def _raw_api_key(request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() in ("token", "bearer") and key.strip():
        return key.strip()
    return None


def is_insurer_api_path(path: str) -> bool:
    return path.startswith(INSURER_API_PREFIX)


class TenantScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.tenant = None
        request.api_token = None
        request.api_token_invalid = False
        request.insurer_api_token = None
        request.insurer_access = False

        # API keys are honoured on the API only, never for browser pages.
        if request.path.startswith("/api/"):
            raw_key = _raw_api_key(request)
            if raw_key:
                # Insurer keys are looked up under the insurer API only: anywhere else they match no
                # tenant token, so they are refused as invalid and never reach tenant endpoints.
                insurer_token = (
                    services.authenticate_insurer_api_token(raw_key) if is_insurer_api_path(request.path) else None
                )
                token = None if insurer_token else services.authenticate_api_token(raw_key)
                if insurer_token is not None:
                    request.insurer_api_token = insurer_token
                    request.user = insurer_token.service_user
                elif token is None:
                    request.api_token_invalid = True
                else:
                    request.api_token = token
                    request.user = token.service_user
                    request.tenant = token.tenant

        if request.api_token is None and request.insurer_api_token is None and not request.api_token_invalid:
            membership = selectors.membership_of_user(request.user)
            request.tenant = membership.tenant if membership else None
            if membership is not None and membership.language:
                # The user's own language wins over the browser's (LocaleMiddleware ran before, without the user).
                translation.activate(membership.language)
                request.LANGUAGE_CODE = translation.get_language()

        user = request.user
        insurer_staff = (
            request.tenant is None and request.api_token is None and not request.api_token_invalid
            and user.is_authenticated and user.is_active and user.is_staff
        )
        if insurer_staff and is_insurer_api_path(request.path):
            # Insurer staff (session) or an insurer token on the insurer API: across all tenants.
            request.insurer_access = True
            with scopes_disabled():
                return self.get_response(request)
        if request.tenant is None and user.is_authenticated and user.is_staff and request.path.startswith(ADMIN_PREFIX):
            # Insurer staff work across all tenants, in the admin only.
            with scopes_disabled():
                return self.get_response(request)
        # No tenant (anonymous, staff outside the admin and the insurer API) scopes to nothing: fail closed.
        with tenant_scope(request.tenant):
            return self.get_response(request)
