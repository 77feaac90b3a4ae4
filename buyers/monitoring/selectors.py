"""The insured's alerts, newest first, already scoped to its tenant (and the text each reads, in its language)."""

from django.db.models import QuerySet

from buyers.monitoring.models import BuyerAlert


def alerts_for_tenant(*, tenant, buyer_id: int | None = None, unread: bool | None = None) -> QuerySet[BuyerAlert]:
    qs = BuyerAlert.objects.filter(tenant=tenant).select_related("buyer")
    if buyer_id is not None:
        qs = qs.filter(buyer_id=buyer_id)
    if unread is not None:
        qs = qs.filter(read_at__isnull=unread)
    return qs.order_by("-created_at", "-pk")


def alert_text(alert: BuyerAlert) -> str:
    """The alert's sentence in the active language (its code and parameters, rendered now)."""
    from core.messages import render_message

    return render_message(f"buyer_alert.{alert.code}", alert.params)
