"""Sortable lists: `?sort=<column>` (ascending) or `?sort=-<column>` (descending), from a whitelist per list.

A list view names its columns once (`SortColumns`): an unknown or absent value falls back to the list's
default order, so a hand-typed parameter never reaches `order_by`. The primary key ends every order, so a
page boundary is stable. The template gets, per column, the value its header links to and the direction it
is sorted in now (`sort_headers`): the header links are built with `{% querystring %}`, which keeps the search
and the filter.
"""

from dataclasses import dataclass

from django.db.models import F, QuerySet


@dataclass(frozen=True)
class SortHeader:
    next: str  # the ?sort= value the header links to
    direction: str  # "ascending", "descending" or "" (the aria-sort values)


class SortColumns:
    def __init__(self, columns: dict[str, str], *, default: list):
        self.columns = columns  # ?sort= key -> field path (annotations allowed)
        self.default = default

    def chosen(self, value: str | None) -> tuple[str, bool] | None:
        key = (value or "").strip()
        descending = key.startswith("-")
        key = key.lstrip("-")
        return (key, descending) if key in self.columns else None

    def apply(self, qs: QuerySet, value: str | None) -> QuerySet:
        chosen = self.chosen(value)
        if chosen is None:
            return qs.order_by(*self.default)
        key, descending = chosen
        field = F(self.columns[key])
        order = field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)
        return qs.order_by(order, "-pk" if descending else "pk")

    def headers(self, value: str | None) -> dict[str, SortHeader]:
        chosen = self.chosen(value)
        headers = {}
        for key in self.columns:
            if chosen and chosen[0] == key:
                headers[key] = SortHeader(key if chosen[1] else f"-{key}", "descending" if chosen[1] else "ascending")
            else:
                headers[key] = SortHeader(key, "")
        return headers
