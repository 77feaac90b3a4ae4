from rest_framework import permissions

from accounts.middleware import is_insurer_api_path


class IsTenantMember(permissions.BasePermission):
    """An authenticated user (or token) of a tenant holding the view's `required_permission`.

    Fail closed, as on the insurer side: a tenant endpoint that names no permission is open to no one
    (tests/test_api_permissions.py fails on any such view in the URL conf).
    """

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if getattr(request._request, "tenant", None) is None:
            return False
        required = getattr(view, "required_permission", None)
        return bool(required) and request.user.has_perm(required)


class IsInsurerStaff(permissions.BasePermission):
    """Insurer staff (session) or an insurer token, on the insurer API, holding the view's `required_permission`.

    `insurer_access` is set by TenantScopeMiddleware only when it lifted the tenant
    scope for this request, so tenant users and tenant tokens are refused here.
    """

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.is_active and user.is_staff):
            return False
        django_request = request._request
        if not getattr(django_request, "insurer_access", False) or not is_insurer_api_path(django_request.path):
            return False
        if getattr(django_request, "tenant", None) is not None or getattr(django_request, "api_token", None):
            return False
        # Fail closed: an insurer endpoint that names no permission is open to no one.
        required = getattr(view, "required_permission", None)
        return bool(required) and user.has_perm(required)
