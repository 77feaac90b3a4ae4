"""The underwriters' buyers to review (/admin/buyer-review/): buyers with recent alerts, largest exposure at risk
first; and its entry among the work queues of the admin home (core.work_queues)."""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from moneyed import Money

from buyers.monitoring.models import BuyerAlert
from core.work_queues import WorkQueue
from limits.monitoring.selectors import QUEUE_WINDOW_DAYS, review_queue

SHOWN = 200
PERMISSION = "limits.decide_limit"


@never_cache
@staff_member_required
def buyer_review_view(request):
    """Insurer staff only; the admin middleware runs it unscoped, across every insured."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    currency = settings.REPORTING_CURRENCY
    buyers = list(review_queue()[:SHOWN])
    for buyer in buyers:
        buyer.exposure_money = Money(buyer.exposure_at_risk, currency)
    return TemplateResponse(request, "limits/buyer_review_admin.html", {
        **admin.site.each_context(request), "title": _("Buyers to review"), "buyers": buyers,
        "currency": currency, "window": QUEUE_WINDOW_DAYS, "shown": SHOWN})


def buyer_review_queues() -> list[WorkQueue]:
    """One aggregate over the window's alerts: how many buyers, since when the oldest alert waits."""
    since = timezone.localdate() - timedelta(days=QUEUE_WINDOW_DAYS)
    row = BuyerAlert.objects.filter(raised_on__gte=since).aggregate(
        buyers=Count("buyer_id", distinct=True), oldest=Min("created_at"))
    return [WorkQueue("buyers_to_review", _("Buyers with alerts to review"), row["buyers"], row["oldest"],
                      reverse("buyer-review:queue"))]
