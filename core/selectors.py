from django.db.models import Q, QuerySet

from core.models import Notification


def notifications_for_user(*, user, tenant) -> QuerySet[Notification]:
    """The tenant's notifications addressed to this user, to one of their roles, or to everyone."""
    role_names = list(user.groups.values_list("name", flat=True))
    return Notification.objects.filter(tenant=tenant).filter(
        Q(recipient=user) | Q(recipient__isnull=True, role="") | Q(recipient__isnull=True, role__in=role_names)
    )
