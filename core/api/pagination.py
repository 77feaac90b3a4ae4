"""The API's pagination: page numbers with a count (the default), or a keyset cursor for large lists.

`?page=` / `?page_size=` answer {count, next, previous, results}: counting means reading every matching row,
fine for thousands, not for an insured's 100,000 limits on every page. `?cursor=` (empty to start) walks the
same list by keyset instead: {next, previous, results}, each page read from the list's index where it left
off (`created_at < the last one seen`), never counted and never offset, so page 2,000 costs what page 1 does.
"""

from rest_framework import pagination


class KeysetPagination(pagination.CursorPagination):
    page_size_query_param = "page_size"
    max_page_size = 500

    def __init__(self, ordering):
        self.ordering = ordering


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500
    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        self.keyset = None
        if self.cursor_query_param in request.query_params:
            # The list's own order (newest first for limits) is the keyset; its first field carries the position.
            ordering = tuple(queryset.query.order_by or queryset.model._meta.ordering or ("-pk",))
            self.keyset = KeysetPagination(ordering)
            self.keyset.page_size = self.get_page_size(request)
            return self.keyset.paginate_queryset(queryset, request, view)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        if self.keyset is not None:
            return self.keyset.get_paginated_response(data)
        return super().get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        paged = super().get_paginated_response_schema(schema)
        # A keyset page has no count: the schema must not promise one (the fuzzer checks every answer against it).
        paged["required"] = [name for name in paged.get("required", []) if name != "count"]
        paged["description"] = ("With ?cursor= (empty to start, then the `next` link): the same list by keyset, "
                                "without `count`.")
        return paged

    def get_schema_operation_parameters(self, view):
        return [*super().get_schema_operation_parameters(view), {
            "name": self.cursor_query_param, "required": False, "in": "query",
            "description": "Walk a large list by keyset: empty to start, then follow `next`. No count is returned.",
            "schema": {"type": "string"},
        }]
