from django.db.models import Q, QuerySet

from core.models import Notification, WebhookDelivery, WebhookEndpoint


def notifications_for_user(*, user, tenant) -> QuerySet[Notification]:
    """The tenant's notifications addressed to this user, to one of their roles, or to everyone."""
    role_names = list(user.groups.values_list("name", flat=True))
    return Notification.objects.filter(tenant=tenant).filter(
        Q(recipient=user) | Q(recipient__isnull=True, role="") | Q(recipient__isnull=True, role__in=role_names)
    )


def webhook_endpoints_for_tenant(*, tenant) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(tenant=tenant).select_related("created_by")


def webhook_deliveries_for_tenant(
    *, tenant, endpoint: WebhookEndpoint | None = None, event: str | None = None, state: str | None = None
) -> QuerySet[WebhookDelivery]:
    qs = WebhookDelivery.objects.filter(tenant=tenant).select_related("endpoint")
    if endpoint is not None:
        qs = qs.filter(endpoint=endpoint)
    if event:
        qs = qs.filter(event=event)
    if state:
        qs = qs.filter(state=state)
    return qs
