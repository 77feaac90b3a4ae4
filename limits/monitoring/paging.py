"""The monitoring list paged by key: each page starts after the last row of the one before (its sort value and
id, in a signed `?after=` token), so page 2,000 reads what page 1 does and no page counts the list.

A column's value is made total (Coalesce to a sentinel: an ungraded buyer sorts after grade 10, a buyer without
alerts before every alert) so that (value, id) orders every row once. A token of another sort, or tampered
with, starts again at the first page.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.core import signing
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

SIGNER = signing.Signer(salt="kredo.limits.monitoring.after")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
NO_GRADE = 11

# ?sort= key -> (the value sorted on, the value's type in the token)
COLUMNS = {
    "buyer": (F("legal_name"), "str"), "country": (F("country"), "str"),
    "grade": (Coalesce(F("grade"), Value(NO_GRADE)), "int"), "limits": (F("limits_in_force"), "int"),
    "unread": (F("unread_alerts"), "int"), "latest": (Coalesce(F("latest_alert_at"), Value(EPOCH)), "datetime"),
}
DEFAULT = ("buyer", False)


@dataclass(frozen=True)
class KeysetPage:
    rows: list
    next_token: str | None  # the ?after= of the next page; None on the last
    is_first: bool


def _encode(value, kind: str):
    return value.isoformat() if kind == "datetime" else value


def _decode(value, kind: str):
    if kind == "datetime":
        return datetime.fromisoformat(value)
    return int(value) if kind == "int" else str(value)


def keyset_page(qs: QuerySet, *, sort: tuple[str, bool] | None, after: str | None, size: int) -> KeysetPage:
    key, descending = sort or DEFAULT
    expression, kind = COLUMNS[key]
    qs = qs.annotate(sort_value=expression)
    direction = ("-sort_value", "-pk") if descending else ("sort_value", "pk")
    position = position_of(after, key=key, descending=descending)
    if position is not None:
        value, pk = position
        beyond = "lt" if descending else "gt"
        qs = qs.filter(Q(**{f"sort_value__{beyond}": value}) | Q(sort_value=value, **{f"pk__{beyond}": pk}))
    return page_of(list(qs.order_by(*direction)[:size + 1]), key=key, descending=descending, size=size,
                   is_first=position is None)


def position_of(after: str | None, *, key: str, descending: bool) -> tuple | None:
    """The (sort value, id) the token names, or None (no token, another sort's, or tampered with)."""
    if not after:
        return None
    try:
        position = SIGNER.unsign_object(after)
        if position.get("sort") != f"{'-' if descending else ''}{key}":
            return None
        return _decode(position["value"], COLUMNS[key][1]), int(position["pk"])
    except (signing.BadSignature, ValueError, TypeError, AttributeError, KeyError):
        return None


def page_of(rows: list, *, key: str, descending: bool, size: int, is_first: bool) -> KeysetPage:
    """`rows`: up to size + 1 rows in the page's order, each with its `sort_value`."""
    next_token = None
    if len(rows) > size:
        rows, last = rows[:size], rows[size - 1]
        next_token = SIGNER.sign_object({"sort": f"{'-' if descending else ''}{key}",
                                         "value": _encode(last.sort_value, COLUMNS[key][1]), "pk": last.pk})
    return KeysetPage(rows=rows, next_token=next_token, is_first=is_first)
