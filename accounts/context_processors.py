from django.utils.functional import SimpleLazyObject


def tenant(request):
    """The request's tenant, and the user's unread notifications for the top bar (counted only if shown)."""
    tenant = getattr(request, "tenant", None)
    context = {"tenant": tenant}
    user = getattr(request, "user", None)
    if tenant is not None and user is not None and user.is_authenticated:
        from core.selectors import unread_notification_count

        context["unread_notifications"] = SimpleLazyObject(
            lambda: unread_notification_count(user=user, tenant=tenant))
    return context
