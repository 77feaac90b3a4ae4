class TenantQuerysetMixin:
    """Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.
    """

    model = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model._default_manager.none()
        return self.get_tenant_queryset(self.request.tenant)

    def get_tenant_queryset(self, tenant):  # pragma: no cover - abstract
        raise NotImplementedError
