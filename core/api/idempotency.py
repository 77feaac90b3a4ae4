"""`Idempotency-Key` on POST: a repeated key replays the first response and creates nothing.

The handler runs in a transaction that also stores the key; if two requests
race with one key, the database's unique (tenant, key) constraint lets one
commit and rolls the other back, which then replays the winner's response.
"""

import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework.response import Response

from core.api.errors import validation_problem
from core.api.problems import problem
from core.models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255


def _fingerprint(request) -> str:
    body = request.body if hasattr(request, "body") else b""
    return hashlib.sha256(request.method.encode() + request.path.encode() + b"\0" + body).hexdigest()


def _multipart_fingerprint(request) -> str:
    """Uploads may exceed the size Django lets a view read as one body: hash the parsed fields and files."""
    digest = hashlib.sha256(request.method.encode() + request.path.encode() + b"\0")
    for name in sorted(request.POST):
        for value in request.POST.getlist(name):
            digest.update(f"{name}={value}\0".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"{name}:{upload.name}:{upload.size}\0".encode())
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    return digest.hexdigest()


def _replay(stored: IdempotencyKey, fingerprint: str):
    if stored.request_fingerprint != fingerprint:
        return problem(status=422, code="idempotency_key_reused", instance=stored.path,
                       detail=_("This Idempotency-Key was already used with a different request."))
    response = Response(stored.response_body, status=stored.response_status)
    response["Idempotent-Replayed"] = "true"
    return response


class IdempotentPostMixin:
    """Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.
    """

    def idempotency_tenant(self, request, *args, **kwargs):
        """Whose keys these are (keys are unique per tenant): the caller's tenant; the insurer API, which has
        none, files a request under the tenant whose data it changes."""
        return request.tenant

    def _post_handler(self):
        return getattr(self, "handle_post", None) or super().post

    def post(self, request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if not key:
            return self._post_handler()(request, *args, **kwargs)
        if len(key) > MAX_KEY_LENGTH:
            # A header, not the body: no pointer into the body names it, the summary does.
            return validation_problem([{"pointer": "", "code": "max_length",
                                        "detail": _("At most %(n)d characters.") % {"n": MAX_KEY_LENGTH}}],
                                      instance=request.path, detail=_("The Idempotency-Key header is too long."))
        tenant = self.idempotency_tenant(request, *args, **kwargs)
        if request.content_type.startswith("multipart/"):
            request.data  # noqa: B018  (DRF parses the stream once; the fingerprint reads the parsed parts)
            fingerprint = _multipart_fingerprint(request._request)
        else:
            fingerprint = _fingerprint(request._request)
        stored = IdempotencyKey.objects.filter(tenant=tenant, key=key).first()
        if stored is not None:
            return _replay(stored, fingerprint)
        try:
            with transaction.atomic():
                response = self._post_handler()(request, *args, **kwargs)
                # Only successes are remembered: a 4xx changed nothing and may be retried fixed.
                if 200 <= response.status_code < 300:
                    with transaction.atomic():
                        IdempotencyKey.objects.create(
                            tenant=tenant,
                            key=key,
                            method=request.method,
                            path=request.path[:500],
                            request_fingerprint=fingerprint,
                            response_status=response.status_code,
                            response_body=json.loads(json.dumps(response.data, default=str)),
                        )
        except IntegrityError:
            stored = IdempotencyKey.objects.filter(tenant=tenant, key=key).first()
            if stored is None:
                raise
            return _replay(stored, fingerprint)
        return response
