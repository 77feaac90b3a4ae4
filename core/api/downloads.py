"""A file answered by the API (a CSV of row errors, a claim document): whatever the client accepts, the file;
errors stay JSON problem details. One helper for every download view."""

from collections.abc import Iterable

from django.http import StreamingHttpResponse
from rest_framework.negotiation import BaseContentNegotiation


class AnyAccept(BaseContentNegotiation):
    """A download answers with the file whatever the client accepts; errors stay JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def csv_download(lines: Iterable[str], *, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
