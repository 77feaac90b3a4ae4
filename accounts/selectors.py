"""Reads for tenants, members and tokens."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from accounts.models import ApiToken, Membership, Tenant


def membership_of_user(user) -> Membership | None:
    """The user's membership of an active tenant, with the tenant (the request's tenant and language)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.select_related("tenant").filter(user_id=user.pk, tenant__is_active=True).first()


def tenant_of_user(user) -> Tenant | None:
    membership = membership_of_user(user)
    return membership.tenant if membership else None


def members_of_tenant(*, tenant: Tenant) -> QuerySet:
    return (
        get_user_model()
        .objects.filter(membership__tenant=tenant, api_token__isnull=True)
        .prefetch_related("groups")
        .order_by("username")
    )


def api_tokens_of_tenant(*, tenant: Tenant) -> QuerySet[ApiToken]:
    return (
        ApiToken.objects.filter(tenant=tenant)
        .select_related("created_by", "service_user")
        .prefetch_related("service_user__groups")
    )
