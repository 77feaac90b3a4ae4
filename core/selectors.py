from django.db.models import Exists, OuterRef, Q, QuerySet

from core.models import Notification, NotificationRead, WebhookDelivery, WebhookEndpoint


def notifications_for_user(*, user, tenant) -> QuerySet[Notification]:
    """The tenant's notifications addressed to this user, to one of their roles, or to everyone, each with
    `is_read` (by this user)."""
    # The roles as a subquery: the header's unread count runs on every page, in one query.
    role_names = user.groups.values("name")
    return Notification.objects.filter(tenant=tenant).filter(
        Q(recipient=user) | Q(recipient__isnull=True, role="") | Q(recipient__isnull=True, role__in=role_names)
    ).annotate(is_read=Exists(NotificationRead.objects.filter(notification=OuterRef("pk"), user=user)))


def unread_notification_count(*, user, tenant) -> int:
    return notifications_for_user(user=user, tenant=tenant).filter(is_read=False).count()


def webhook_endpoints_for_tenant(*, tenant) -> QuerySet[WebhookEndpoint]:
    # A financing bank's receiver (addressed_only) belongs to its loss payee assignment, managed by the insurer.
    return WebhookEndpoint.objects.filter(tenant=tenant, addressed_only=False).select_related("created_by")


def webhook_deliveries_for_tenant(
    *, tenant, endpoint: WebhookEndpoint | None = None, event: str | None = None, state: str | None = None
) -> QuerySet[WebhookDelivery]:
    qs = WebhookDelivery.objects.filter(tenant=tenant, endpoint__addressed_only=False).select_related("endpoint")
    if endpoint is not None:
        qs = qs.filter(endpoint=endpoint)
    if event:
        qs = qs.filter(event=event)
    if state:
        qs = qs.filter(state=state)
    return qs
