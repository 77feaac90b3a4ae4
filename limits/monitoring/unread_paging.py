"""The monitoring list sorted by unread alerts, read from the unread alerts rather than from every watched buyer.

Sorting the whole list by a count computed per buyer costs the count of every buyer the insured watches (2.9 s
at 100,000: bench/RESULTS.md, "Early warnings"). But only buyers with an unread alert have a count above 0, and
those are found from the insured's unread alerts alone (a partial index on them): the page is those buyers by
(count, id), then, once they run out, the watched buyers without an unread alert by id, where a count of 0 sorts
(last when descending, first when ascending). The same order as paging.keyset_page's (value, id) on
`unread_alerts`, the same signed tokens; a page reads the rows it shows, plus at most one query more where it
crosses from one part to the other.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from buyers.models import Buyer
from buyers.monitoring.models import BuyerAlert
from limits.monitoring.paging import KeysetPage, page_of, position_of
from limits.monitoring.selectors import with_alert_columns

KEY = "unread"


def _unread(tenant, q: str) -> QuerySet:
    alerts = BuyerAlert.objects.filter(tenant=tenant, read_at__isnull=True)
    if q:
        from buyers.normalize import normalize

        alerts = alerts.filter(buyer__search_text__contains=normalize(q))
    return alerts


def _with_unread(*, tenant, q: str, descending: bool, position, room: int) -> list:
    """Buyers with unread alerts in (count, id) order after `position`, at most `room`: the top of the counts
    grouped from the unread alerts (a bounded subquery), then their rows."""
    counts = _unread(tenant, q).order_by().values("buyer_id").annotate(n=Count("pk"))
    if position is not None:
        value, pk = position
        beyond = "lt" if descending else "gt"
        counts = counts.filter(Q(**{f"n__{beyond}": value}) | Q(n=value, **{f"buyer_id__{beyond}": pk}))
    top = counts.order_by(*(("-n", "-buyer_id") if descending else ("n", "buyer_id"))).values("buyer_id")[:room]
    order = ("-unread_alerts", "-pk") if descending else ("unread_alerts", "pk")
    # A buyer with an alert is watched: no need of the watched set (the union of every limit's buyer) here.
    return list(with_alert_columns(Buyer.objects.filter(pk__in=top), tenant=tenant).order_by(*order))


def _without_unread(buyers: QuerySet, *, tenant, descending: bool, after_pk: int | None, room: int) -> list:
    unread = BuyerAlert.objects.filter(tenant=tenant, read_at__isnull=True, buyer_id=OuterRef("pk"))
    rest = buyers.filter(~Exists(unread))
    if after_pk is not None:
        rest = rest.filter(**{f"pk__{'lt' if descending else 'gt'}": after_pk})
    return list(rest.order_by("-pk" if descending else "pk")[:room])


def unread_page(buyers: QuerySet, *, tenant, q: str, descending: bool, after: str | None, size: int,
                unread_only: bool = False) -> KeysetPage:
    """`buyers`: limits.monitoring.selectors.monitored_buyers(...) for the same tenant, q and filter."""
    position = position_of(after, key=KEY, descending=descending)
    room = size + 1
    rows: list = []
    in_zeros = position is not None and position[0] == 0
    if descending:
        if not in_zeros:
            rows = _with_unread(tenant=tenant, q=q, descending=True, position=position, room=room)
        if len(rows) < room and not unread_only:
            rows += _without_unread(buyers, tenant=tenant, descending=True,
                                    after_pk=position[1] if in_zeros else None, room=room - len(rows))
    else:
        if (position is None or in_zeros) and not unread_only:
            rows = _without_unread(buyers, tenant=tenant, descending=False,
                                   after_pk=position[1] if in_zeros else None, room=room)
        if len(rows) < room:
            rows += _with_unread(tenant=tenant, q=q, descending=False,
                                 position=None if position is None or in_zeros else position,
                                 room=room - len(rows))
    for row in rows:
        row.sort_value = row.unread_alerts
    return page_of(rows, key=KEY, descending=descending, size=size, is_first=position is None)
