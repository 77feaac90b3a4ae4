"""The API's JSON bodies, bounded in depth: a body nested 10,000 deep made the parser raise RecursionError (a 500).

Size is bounded before any parser runs (core.api.middleware), so what is parsed here is already small.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# Kredo's deepest body is an overdue's invoices' money (3 levels); 32 leaves room and refuses abuse.
DEFAULT_MAX_DEPTH = 32


class TooDeeplyNested(ParseError):
    default_detail = _("The JSON body is nested too deeply.")
    default_code = "too_deeply_nested"


def depth_of(value) -> int:
    """How deeply `value` nests arrays and objects (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:  # deeper than the interpreter's recursion limit (about 1,000)
            raise TooDeeplyNested() from exc
        if depth_of(data) > getattr(settings, "API_MAX_JSON_DEPTH", DEFAULT_MAX_DEPTH):
            raise TooDeeplyNested()
        return data
