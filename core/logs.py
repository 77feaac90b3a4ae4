"""Structured logs: one JSON object a line, with the request id, tenant and user; secrets masked.

- `RequestIdMiddleware` (early) takes a well-formed `X-Request-ID` or makes one, echoes it in the
  response, logs one `request` line per request, and remembers the request's own secrets (its API
  key, session and CSRF cookies) so that they are masked wherever they show up in a log line.
- `RequestActorMiddleware` (after the tenant middleware) adds the tenant and the user.
- `ContextFilter` and `SensitiveDataFilter` sit on the handlers, so third-party loggers
  (django.request's tracebacks, Celery) pass through them too; `JsonFormatter` renders.
- Celery: a task published during a request carries its request id in a header and logs with it.
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.core.signals import request_finished
from django.views.debug import SafeExceptionReporterFilter

MASK = "***"
# A UUID, or any id a proxy makes (letters, digits and . _ : -), of a sane length; anything else is replaced.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
SENSITIVE_NAME = re.compile(r"pass|secret|token|authorization|api_?key|cookie|session|signature|csrf", re.I)
_SECRET_PATTERNS = [
    # Authorization: Token abc / Bearer abc / Basic abc
    (re.compile(r"\b(Token|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}"), r"\1 " + MASK),
    # webhook signing secrets
    (re.compile(r"whsec_[A-Za-z0-9_-]+"), "whsec_" + MASK),
    # password=..., "token": "...", 'secret': '...', api_key=... in messages, reprs and query strings
    (re.compile(r"""(?i)(["']?[\w-]*(?:pass(?:word|wd)?|secret|token|api_?key|signature|sessionid)[\w-]*["']?"""
                r"""\s*[:=]\s*["']?)([^\s"'&,;}]+)"""), r"\1" + MASK),
    # credentials in URLs: scheme://user:password@host
    (re.compile(r"(\w+://[^:/\s@]*:)[^@\s/]+@"), r"\1" + MASK + "@"),
    # one-time password-reset links: /account/reset/<uid>/<token>/
    (re.compile(r"(/reset/)[^/\s]+/[^/\s]+/"), r"\1" + MASK + "/" + MASK + "/"),
]

_context: ContextVar[dict | None] = ContextVar("kredo_log_context", default=None)
access_log = logging.getLogger("kredo.request")


def current_request_id() -> str | None:
    context = _context.get()
    return context.get("request_id") if context else None


def mask(text: str) -> str:
    context = _context.get() or {}
    for value in context.get("secrets", ()):
        text = text.replace(value, MASK)
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _mask_value(name: str, value):
    if SENSITIVE_NAME.search(name):
        return MASK
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {key: _mask_value(str(key), item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_mask_value(name, item) for item in value]
    return value


def _request_secrets(request) -> list[str]:
    found = []
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if key.strip():
        found.append(key.strip())
    found += [value for name, value in request.COOKIES.items() if SENSITIVE_NAME.search(name) and value]
    # Short values would mask ordinary words.
    return [value for value in found if len(value) >= 8]


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until request_finished: Django logs 4xx/5xx responses ("Unauthorized: /api/...") after the
        # middleware chain has returned, and those lines need the id too.
        _context.set({"request_id": request_id, "secrets": _request_secrets(request)})
        started = time.monotonic()
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        access_log.info("request", extra={
            "method": request.method, "path": request.path, "status": response.status_code,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
        })
        return response


def _forget_request(**kwargs):
    _context.set(None)


request_finished.connect(_forget_request, dispatch_uid="kredo-logs-forget-request")


class RequestActorMiddleware:
    """After accounts.middleware.TenantScopeMiddleware: the tenant and user it resolved (also for tokens)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        context = _context.get()
        if context is not None:
            tenant = getattr(request, "tenant", None)
            user = getattr(request, "user", None)
            context["tenant_id"] = tenant.pk if tenant is not None else None
            context["user_id"] = user.pk if user is not None and user.is_authenticated else None
        return self.get_response(request)


class ContextFilter(logging.Filter):
    def filter(self, record):
        context = _context.get() or {}
        for field in ("request_id", "tenant_id", "user_id"):
            if not hasattr(record, field):
                setattr(record, field, context.get(field))
        return True


_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime", "request_id", "tenant_id", "user_id", "request", "taskName",
}


class SensitiveDataFilter(logging.Filter):
    """Masks secrets in the message, its arguments, extra fields and the traceback before any handler writes."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = mask(message), None
        for name in set(vars(record)) - _STANDARD:
            setattr(record, name, _mask_value(name, getattr(record, name)))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
            record.exc_info = None  # the masked text is what gets written
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "tenant_id": getattr(record, "tenant_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        entry.update({name: value for name, value in vars(record).items() if name not in _STANDARD})
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, default=str, ensure_ascii=False)


class ExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error pages and reports also hide URLs with credentials (DATABASE_URL, EMAIL_URL, REDIS_URL)."""

    hidden_settings = re.compile(
        "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DATABASE_URL|EMAIL_URL|REDIS_URL|CACHE_URL|BROKER_URL",
        flags=re.I,
    )


# --- Celery: the request id travels with the task --------------------------------

HEADER = "kredo_request_id"


def _on_publish(headers=None, **kwargs):
    request_id = current_request_id()
    if headers is not None and request_id:
        headers[HEADER] = request_id


_task_tokens: dict[str, object] = {}


def _on_task_start(task_id=None, task=None, **kwargs):
    request_id = getattr(task.request, HEADER, None) if task is not None else None
    if request_id is None and task is not None:
        request_id = (getattr(task.request, "headers", None) or {}).get(HEADER)
    if request_id is None and _context.get() is not None:
        return  # an eager task inside a request: it already logs with the request's id
    _task_tokens[task_id] = _context.set({"request_id": request_id or f"task-{task_id}"})


def _on_task_end(task_id=None, **kwargs):
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        _context.reset(token)


def connect_celery_signals():
    from celery import signals

    signals.before_task_publish.connect(_on_publish, weak=False)
    signals.task_prerun.connect(_on_task_start, weak=False)
    signals.task_postrun.connect(_on_task_end, weak=False)
