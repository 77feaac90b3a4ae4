"""RFC 9457 problem details: the one shape of every error the API answers (docs/api.md, "Errors").

    HTTP/1.1 400 Bad Request
    Content-Type: application/problem+json

    {"type": "/problems/validation_error", "title": "Invalid input", "status": 400,
     "detail": "The request has invalid fields.", "instance": "/api/v1/overdues/", "code": "validation_error",
     "errors": [{"pointer": "/invoices/0/due_date", "code": "invalid", "detail": "Date has wrong format."}]}

`type` is a relative URI per `code` (stable: integrators branch on `code`), `errors` lists each field's
problems with an RFC 6901 JSON pointer into the request body ("" for the body as a whole, row indexes as
numbers). Messages are in the request's language (LocaleMiddleware reads Accept-Language).
"""

import json

from django.http import HttpResponse
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _

from core.exceptions import split_field_path

CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "/problems/"
# Seconds a client should wait before retrying after a 503 (database or broker unreachable).
RETRY_AFTER_UNAVAILABLE = 30


def _titles() -> dict[str, str]:
    # Translated when an answer is built, in the request's language.
    return {
        "validation_error": _("Invalid input"),
        "parse_error": _("Malformed request body"),
        "too_deeply_nested": _("Request body nested too deeply"),
        "not_authenticated": _("Authentication required"),
        "authentication_failed": _("Authentication failed"),
        "permission_denied": _("Permission denied"),
        "not_found": _("Not found"),
        "method_not_allowed": _("Method not allowed"),
        "not_acceptable": _("Not acceptable"),
        "request_too_large": _("Request body too large"),
        "unsupported_media_type": _("Unsupported media type"),
        "idempotency_key_in_use": _("Request with this Idempotency-Key still in progress"),
        "idempotency_key_reused": _("Idempotency-Key reused with a different request"),
        "throttled": _("Too many requests"),
        "server_error": _("Server error"),
        "service_unavailable": _("Service unavailable"),
    }


def _title_by_status(status: int) -> str:
    return {
        400: _("Refused by a business rule"),
        401: _("Authentication required"),
        403: _("Permission denied"),
        404: _("Not found"),
        409: _("Conflict"),
        413: _("Request body too large"),
        415: _("Unsupported media type"),
        422: _("Unprocessable request"),
        429: _("Too many requests"),
        503: _("Service unavailable"),
    }.get(status, _("Error"))


def escape_pointer_part(part) -> str:
    """RFC 6901: '~' is written '~0' and '/' '~1'."""
    return str(part).replace("~", "~0").replace("/", "~1")


def pointer(parts) -> str:
    return "".join(f"/{escape_pointer_part(part)}" for part in parts)


def pointer_of_path(path: str | None) -> str:
    """A domain error's field path (`"invoices[2].due_date"`) as a JSON pointer (`"/invoices/2/due_date"`)."""
    return pointer(split_field_path(path)) if path else ""


class ProblemResponse(HttpResponse):
    """A problem+json answer. A plain HttpResponse, so DRF's content negotiation never renders it as HTML;
    `data` holds the body as a dict, as on a DRF Response."""

    def __init__(self, body: dict, *, headers=None):
        self.data = body
        super().__init__(json.dumps(body, ensure_ascii=False), status=body["status"], content_type=CONTENT_TYPE,
                         headers=headers)


def problem(*, status: int, code: str, detail: str, instance: str = "", errors: list[dict] | None = None,
            headers=None, title: str | None = None) -> ProblemResponse:
    body = {
        "type": f"{TYPE_PREFIX}{code}",
        "title": str(title or _titles().get(code) or _title_by_status(status)),
        "status": status,
        "detail": str(detail),
        # A URI reference, as RFC 9457 says: the decoded path percent-encoded again ("/api/v1/buyers/%C3%8C6/").
        "instance": escape_uri_path(instance),
        "code": code,
        "errors": [{"pointer": e["pointer"], "code": str(e["code"]), "detail": str(e["detail"])} for e in errors or []],
    }
    return ProblemResponse(body, headers=headers)


def field_errors(detail, parts=()) -> list[dict]:
    """A DRF ValidationError's detail (dicts by field, lists by row, ErrorDetail leaves) as pointed errors.

    `non_field_errors` is about the object that holds it: its pointer is the object's."""
    if isinstance(detail, dict):
        found = []
        for key, value in detail.items():
            found += field_errors(value, parts if key in ("non_field_errors", "__all__") else (*parts, key))
        return found
    if isinstance(detail, list | tuple):
        found = []
        rows = [v for v in detail if isinstance(v, dict | list)]
        if rows and len(rows) == len(detail):  # a list of rows (many=True): one entry per row, empty if valid
            for index, value in enumerate(detail):
                found += field_errors(value, (*parts, index))
            return found
        for value in detail:
            found += field_errors(value, parts)
        return found
    return [{"pointer": pointer(parts), "code": getattr(detail, "code", None) or "invalid", "detail": str(detail)}]
