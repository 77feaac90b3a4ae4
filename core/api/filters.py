"""Query filters of the API that read ids: whole numbers within a database id's range, or a 400.

django-filter's NumberFilter reads a decimal, so `?overdue=-4e68` reached the query (a 500 on SQLite's integer
conversion) and `?policy=1.5` filtered by a fraction."""

import django_filters
from django import forms

from core.dates import BoundedDateFormField

# BigAutoField: the ids of every table.
MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class BoundedDateFilter(django_filters.DateFilter):
    """A date in a query within the bounds of core.dates (none before 1900, none 50 years ahead), or a 400."""

    field_class = BoundedDateFormField
