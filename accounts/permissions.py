from rest_framework import permissions


class IsTenantMember(permissions.BasePermission):
    """An authenticated user (or token) of a tenant; with `required_permission`, holding it."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if getattr(request._request, "tenant", None) is None:
            return False
        required = getattr(view, "required_permission", None)
        return required is None or request.user.has_perm(required)
