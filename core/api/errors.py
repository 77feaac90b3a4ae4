"""Every error of the API as RFC 9457 problem details (core.api.problems; docs/api.md, "Errors").

DRF's exceptions, a service's DomainError (its `field`/`fields` become JSON pointers), Django's 404 and
permission errors, a query outside the tenant's scope (answered as "not found"), and a database or broker
outage (503 with Retry-After) all come out of `exception_handler`. What fails before a DRF view runs (an
unknown URL, a body too large, a crash in a middleware) is answered by the handlers in `config.urls`, which
use `problem_for_request` for paths under /api/.
"""

import logging
import sys

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext as _
from django_scopes.exceptions import ScopeError
from kombu.exceptions import OperationalError as BrokerError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from core.api.problems import RETRY_AFTER_UNAVAILABLE, field_errors, pointer_of_path, problem
from core.exceptions import DomainError

logger = logging.getLogger(__name__)

# A database that went away (OperationalError, InterfaceError) or a broker that cannot be reached: the request may
# succeed later, so a 503 with Retry-After rather than a 500.
OUTAGES = (OperationalError, InterfaceError, BrokerError)
_PASSED_ON_HEADERS = ("WWW-Authenticate", "Retry-After", "Allow")


def _instance(context_or_request) -> str:
    request = context_or_request.get("request") if isinstance(context_or_request, dict) else context_or_request
    return getattr(request, "path", "") or ""


def validation_problem(errors: list[dict], *, instance: str = "", detail: str | None = None):
    return problem(status=400, code="validation_error", detail=detail or _("The request has invalid fields."),
                   instance=instance, errors=errors)


def domain_problem(exc: DomainError, *, instance: str = ""):
    errors = [
        {"pointer": pointer_of_path(path), "code": exc.code, "detail": message}
        for path, messages in exc.messages_by_field().items()
        for message in messages
    ]
    return problem(status=400, code=exc.code, detail=exc.message, instance=instance, errors=errors)


def unavailable_problem(*, instance: str = ""):
    return problem(status=503, code="service_unavailable", instance=instance,
                   detail=_("The service is briefly unavailable; try again shortly."),
                   headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE)})


def too_large_problem(*, instance: str = ""):
    return problem(status=413, code="request_too_large", instance=instance,
                   detail=_("The request body is larger than the API accepts."))


def server_error_problem(*, instance: str = ""):
    return problem(status=500, code="server_error", instance=instance,
                   detail=_("Something went wrong on our side; it has been logged."))


def not_found_problem(*, instance: str = ""):
    return problem(status=404, code="not_found", instance=instance, detail=exceptions.NotFound.default_detail)


def _as_drf(exc):
    """Django's and django-scopes' exceptions as the DRF exception with the same meaning."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, Http404 | ScopeError):
        # A query that escaped the tenant scope is answered as if nothing were there.
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, OverflowError):
        # SQLite cannot bind an integer beyond 64 bits (a URL's id of 21 digits, through a foreign key lookup that
        # Django does not range-check): such an id names nothing, as PostgreSQL answers by finding no row.
        return exceptions.NotFound()
    return exc


def exception_handler(exc, context):
    instance = _instance(context)
    if isinstance(exc, DomainError):
        return domain_problem(exc, instance=instance)
    if isinstance(exc, OUTAGES):
        logger.warning("API answered 503: %r", exc)
        return unavailable_problem(instance=instance)
    if isinstance(exc, RequestDataTooBig):
        return too_large_problem(instance=instance)
    exc = _as_drf(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # re-raised by DRF: a 500, answered by config.urls' handler500
    headers = {k: v for k, v in response.items() if k in _PASSED_ON_HEADERS}
    if isinstance(exc, exceptions.ValidationError):
        return validation_problem(field_errors(exc.detail), instance=instance)
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    return problem(status=response.status_code, code=str(code), detail=str(detail), instance=instance,
                   headers=headers)


def problem_for_request(request, status: int, exception=None):
    """The answer of Django's error handlers (404, 500, 400, 403) for an API path: problem details."""
    instance = request.path
    error = exception or sys.exc_info()[1]
    if status == 500:
        if isinstance(error, OUTAGES):
            return unavailable_problem(instance=instance)
        if isinstance(error, RequestDataTooBig):
            return too_large_problem(instance=instance)
        return server_error_problem(instance=instance)
    if status == 404:
        return not_found_problem(instance=instance)
    if status == 403:
        return problem(status=403, code="permission_denied", detail=exceptions.PermissionDenied.default_detail,
                       instance=instance)
    if isinstance(error, RequestDataTooBig):
        return too_large_problem(instance=instance)
    return problem(status=400, code="bad_request", detail=_("The request could not be understood."), instance=instance)
