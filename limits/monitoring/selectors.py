"""The insured's monitoring list (its buyers with their alerts) and the underwriters' review queue (buyers with
alerts, largest exposure at risk first). Set-based: the list is one query with its counts as subqueries, the
page's latest alerts one more; the queue converts the insurer's exposure in the database.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from buyers.models import Buyer
from buyers.monitoring.models import BuyerAlert
from core import rates
from core.sorting import SortColumns
from limits.models import CreditLimit

IN_FORCE = CreditLimit.State.IN_FORCE
LATEST_ALERTS = 3  # alerts shown beside each buyer of the monitoring list
QUEUE_WINDOW_DAYS = 30  # alerts this recent put a buyer in the underwriters' queue

# The headers' links and which column is sorted (core.sorting); the values sorted on are limits.monitoring.paging's.
MONITORING_SORT = SortColumns({key: key for key in ("buyer", "country", "grade", "limits", "unread", "latest")},
                              default=["legal_name", "pk"])


def _count(qs, field="pk"):
    return Coalesce(Subquery(qs.order_by().values(field).annotate(n=Count("pk")).values("n")[:1],
                             output_field=IntegerField()), Value(0))


def with_alert_columns(buyers: QuerySet[Buyer], *, tenant) -> QuerySet[Buyer]:
    """The monitoring list's columns of each buyer: the insured's limits in force, unread alerts, latest alert."""
    limits = CreditLimit.objects.filter(tenant=tenant, state=IN_FORCE, buyer_id=OuterRef("pk"))
    alerts = BuyerAlert.objects.filter(tenant=tenant, buyer_id=OuterRef("pk"))
    return buyers.annotate(limits_in_force=_count(limits, "buyer_id"),
                           unread_alerts=_count(alerts.filter(read_at__isnull=True), "buyer_id"),
                           latest_alert_at=Subquery(alerts.order_by("-created_at").values("created_at")[:1]))


def monitored_buyers(*, tenant, q: str = "", unread_only: bool = False) -> QuerySet[Buyer]:
    """The buyers the insured holds a limit in force on, or has an alert on, with their alert counts."""
    # From the insured's own rows (its limits, its alerts) to the buyers, never a scan of the whole registry.
    watched = (CreditLimit.objects.filter(tenant=tenant, state=IN_FORCE).order_by().values("buyer_id")
               .union(BuyerAlert.objects.filter(tenant=tenant).order_by().values("buyer_id")))
    qs = with_alert_columns(Buyer.objects.filter(pk__in=watched), tenant=tenant)
    if q:
        from buyers.normalize import normalize

        qs = qs.filter(search_text__contains=normalize(q))
    if unread_only:
        qs = qs.filter(pk__in=BuyerAlert.objects.filter(tenant=tenant, read_at__isnull=True).values("buyer_id"))
    return qs


def monitoring_page(*, tenant, q: str = "", unread_only: bool = False, sort: tuple[str, bool] | None,
                    after: str | None, size: int):
    """A page of the monitoring list in the chosen order, from `after` on (limits.monitoring.paging). Sorted by
    unread alerts it is read from the unread alerts (unread_paging), not by counting every watched buyer's."""
    from limits.monitoring.paging import keyset_page
    from limits.monitoring.unread_paging import KEY, unread_page  # it reads this module's columns

    buyers = monitored_buyers(tenant=tenant, q=q, unread_only=unread_only)
    if sort is not None and sort[0] == KEY:
        return unread_page(buyers, tenant=tenant, q=q, descending=sort[1], after=after, size=size,
                           unread_only=unread_only)
    return keyset_page(buyers, sort=sort, after=after, size=size)


def latest_alerts_of(*, tenant, buyers: list[Buyer]) -> dict[int, list[BuyerAlert]]:
    """The newest LATEST_ALERTS alerts of each buyer on a page: one query for the page, whatever its length."""
    by_buyer: dict[int, list[BuyerAlert]] = {buyer.pk: [] for buyer in buyers}
    rows = BuyerAlert.objects.filter(tenant=tenant, buyer_id__in=by_buyer).order_by("buyer_id", "-created_at", "-pk")
    for alert in rows:
        if len(by_buyer[alert.buyer_id]) < LATEST_ALERTS:
            by_buyer[alert.buyer_id].append(alert)
    return by_buyer


def _converted_amount(on: date):
    """Each in-force limit's amount in the reporting currency, at the rate recorded on or before `on`: the rates
    are looked up once per currency and go into the query; a currency without a rate counts 0."""
    to = settings.REPORTING_CURRENCY
    amount = DecimalField(max_digits=38, decimal_places=12)
    whens = []
    for currency in CreditLimit.objects.filter(state=IN_FORCE).order_by().values_list("currency", flat=True).distinct():
        try:
            rate = Decimal(1) if currency == to else rates.rate(base=currency, quote=to, on=on)
        except rates.MissingRate:
            continue
        whens.append(When(currency=currency, then=F("decided_amount") * Value(rate, output_field=amount)))
    return Sum(Case(*whens, default=Value(Decimal(0), output_field=amount), output_field=amount))


def review_queue(*, on: date | None = None, since: date | None = None) -> QuerySet[Buyer]:
    """Buyers with alerts raised since `since` (default the last 30 days), across insureds, the largest
    insurer exposure at risk first (the limits in force on them, converted to the reporting currency).
    Insurer staff only: run unscoped."""
    on = on or timezone.localdate()
    since = since or on - timedelta(days=QUEUE_WINDOW_DAYS)
    alerts = BuyerAlert.objects.filter(buyer_id=OuterRef("pk"), raised_on__gte=since)
    exposure = (CreditLimit.objects.filter(state=IN_FORCE, buyer_id=OuterRef("pk")).order_by().values("buyer_id")
                .annotate(total=_converted_amount(on)).values("total")[:1])
    return (Buyer.objects.filter(Exists(alerts))
            .annotate(exposure_at_risk=Coalesce(Subquery(exposure, output_field=DecimalField(max_digits=38,
                                                                                             decimal_places=3)),
                                                Value(Decimal(0))),
                      recent_alerts=_count(alerts, "buyer_id"),
                      insureds_alerted=Coalesce(Subquery(
                          alerts.order_by().values("buyer_id").annotate(n=Count("tenant_id", distinct=True))
                          .values("n")[:1], output_field=IntegerField()), Value(0)),
                      latest_alert_on=Subquery(alerts.order_by().values("buyer_id")
                                               .annotate(m=Max("raised_on")).values("m")[:1]))
            .order_by("-exposure_at_risk", "pk"))
