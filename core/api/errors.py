"""One JSON error shape for the whole API.

    {"error": {"code": "validation_error", "message": "...", "fields": {"name": ["..."]}}}
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django_scopes.exceptions import ScopeError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.exceptions import DomainError, split_field_path


def _field_messages(detail) -> dict:
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    return {"non_field_errors": _flatten(detail)}


def _flatten(value) -> list | dict:
    if isinstance(value, dict):
        return {k: _flatten(v) for k, v in value.items()}
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return [_flatten(v) for v in value]
        out = []
        for v in value:
            out.extend(_flatten(v) if isinstance(v, list) else [str(v)])
        return out
    return [str(value)]


def _domain_field_messages(exc: DomainError) -> dict:
    """A domain error's messages keyed like the serializers' own: a row's field nests under the list and the
    row's position, `{"invoices": {"2": {"due_date": [...]}}}`."""
    fields: dict = {}
    for path, messages in exc.messages_by_field().items():
        *parents, leaf = split_field_path(path) if path else ["non_field_errors"]
        node = fields
        for part in parents:
            node = node.setdefault(str(part), {})
        node.setdefault(str(leaf), []).extend(messages)
    return fields


def error_response(*, status_code: int, code: str, message: str, fields: dict | None = None, headers=None):
    body = {"error": {"code": code, "message": message}}
    if fields:
        body["error"]["fields"] = fields
    return Response(body, status=status_code, headers=headers)


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return error_response(status_code=400, code=exc.code, message=exc.message, fields=_domain_field_messages(exc))
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, ScopeError):
        # A query escaped the tenant scope: answer as if nothing were there.
        exc = exceptions.NotFound()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    headers = {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Retry-After", "Allow")}
    if isinstance(exc, exceptions.ValidationError):
        return error_response(
            status_code=status.HTTP_400_BAD_REQUEST,
            code="validation_error",
            message=_("The request has invalid fields."),
            fields=_field_messages(exc.detail),
        )
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    return error_response(status_code=response.status_code, code=str(code), message=str(detail), headers=headers)
