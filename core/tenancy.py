"""Row-level tenancy that fails closed.

Every tenant-owned model inherits `TenantOwned`: a non-null tenant foreign key
and a django-scopes manager. A query on such a model raises `ScopeError`
unless a scope is active: the request middleware enters the tenant's scope,
Celery tasks and commands enter `scopes_disabled()` (or a tenant's scope)
explicitly. A forgotten filter therefore fails loudly instead of leaking.
"""

from contextlib import contextmanager

from django.db import models
from django_scopes import ScopedManager, scope, scopes_disabled

__all__ = ["TenantOwned", "tenant_scope", "no_tenant_scope", "scopes_disabled"]


class TenantOwned(models.Model):
    tenant = models.ForeignKey("accounts.Tenant", on_delete=models.PROTECT, related_name="+")

    objects = ScopedManager(tenant="tenant")

    class Meta:
        abstract = True


@contextmanager
def tenant_scope(tenant):
    """Scope queries to one tenant; `None` scopes to no tenant (sees nothing)."""
    # An empty list filters `tenant__in=[]`: django-scopes treats None as "no filter".
    with scope(tenant=[tenant.pk] if tenant is not None else []):
        yield


@contextmanager
def no_tenant_scope():
    with scope(tenant=[]):
        yield
