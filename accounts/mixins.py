from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied


class TenantMemberRequiredMixin(AccessMixin):
    """A browser page for a tenant's users; `required_permission` narrows it to a role."""

    required_permission: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request.tenant is None:
            raise PermissionDenied("This page is for an insured company's users.")
        if self.required_permission and not request.user.has_perm(self.required_permission):
            raise PermissionDenied
        self.tenant = request.tenant
        return super().dispatch(request, *args, **kwargs)
