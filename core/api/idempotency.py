"""`Idempotency-Key` on POST, as the IETF draft (draft-ietf-httpapi-idempotency-key-header) says.

- The first request with a key claims it: an "in progress" row is committed at once, before the work starts.
- A request with the same key while the first still runs gets 409 `idempotency_key_in_use` (retry later);
  once the first succeeded, its response is replayed (`Idempotent-Replayed: true`) and nothing is created;
  the same key with a different request (method, path or body) gets 422 `idempotency_key_reused`.
- The response is stored in the transaction of the work itself, so a key either has its response or the
  work rolled back. Only successes are remembered: a refusal (4xx) or a crash changed nothing, its key is
  released and the request may be retried, fixed, with the same key.
- A claim left "in progress" by a process that died is taken over after IDEMPOTENCY_IN_FLIGHT_SECONDS; keys
  are kept IDEMPOTENCY_KEY_TTL_HOURS (72 by default), then purged by the daily job `purge_idempotency_keys`.
"""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
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


def _answer_for(stored: IdempotencyKey, fingerprint: str, request):
    """What a request with an already claimed key gets."""
    if stored.request_fingerprint != fingerprint:
        return problem(status=422, code="idempotency_key_reused", instance=request.path,
                       detail=_("This Idempotency-Key was already used with a different request."))
    if stored.response_status is None:
        return _in_use(request)
    response = Response(stored.response_body, status=stored.response_status)
    response["Idempotent-Replayed"] = "true"
    return response


def _in_use(request):
    return problem(status=409, code="idempotency_key_in_use", instance=request.path,
                   detail=_("A request with this Idempotency-Key is still in progress; retry later."),
                   headers={"Retry-After": "1"})


def _abandoned(stored: IdempotencyKey) -> bool:
    seconds = getattr(settings, "IDEMPOTENCY_IN_FLIGHT_SECONDS", 300)
    return stored.response_status is None and stored.created_at < timezone.now() - timedelta(seconds=seconds)


def _claim(*, tenant, key: str, request, fingerprint: str) -> IdempotencyKey | None:
    """The key's new "in progress" row, committed; None when another request holds the key."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return IdempotencyKey.objects.create(tenant=tenant, key=key, method=request.method,
                                                     path=request.path[:500], request_fingerprint=fingerprint)
        except IntegrityError:
            stored = IdempotencyKey.objects.filter(tenant=tenant, key=key).first()
            if stored is None or not _abandoned(stored):
                return None
            # Its process died mid-request (its work rolled back with it): the key is free again.
            IdempotencyKey.objects.filter(pk=stored.pk, response_status__isnull=True).delete()
    return None


class IdempotentPostMixin:
    """Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.
    """

    # True on insurer endpoints whose writes belong to no insured (buyers, the matrix): their keys are filed
    # under no tenant, unique among themselves, instead of going unremembered.
    insurer_wide_keys = False

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
        if tenant is None and not self.insurer_wide_keys:
            # Nothing to file the key under; the handler refuses such a caller anyway.
            return self._post_handler()(request, *args, **kwargs)
        if request.content_type.startswith("multipart/"):
            request.data  # noqa: B018  (DRF parses the stream once; the fingerprint reads the parsed parts)
            fingerprint = _multipart_fingerprint(request._request)
        else:
            fingerprint = _fingerprint(request._request)
        stored = IdempotencyKey.objects.filter(tenant=tenant, key=key).first()
        if stored is not None and not _abandoned(stored):
            return _answer_for(stored, fingerprint, request)
        claimed = _claim(tenant=tenant, key=key, request=request, fingerprint=fingerprint)
        if claimed is None:
            stored = IdempotencyKey.objects.filter(tenant=tenant, key=key).first()
            return _answer_for(stored, fingerprint, request) if stored else _in_use(request)
        return self._run_claimed(claimed, request, *args, **kwargs)

    def _run_claimed(self, claimed: IdempotencyKey, request, *args, **kwargs):
        try:
            with transaction.atomic():
                response = self._post_handler()(request, *args, **kwargs)
                if 200 <= response.status_code < 300:
                    IdempotencyKey.objects.filter(pk=claimed.pk).update(
                        response_status=response.status_code,
                        response_body=json.loads(json.dumps(response.data, default=str)),
                    )
        except BaseException:
            IdempotencyKey.objects.filter(pk=claimed.pk).delete()
            raise
        if not 200 <= response.status_code < 300:
            IdempotencyKey.objects.filter(pk=claimed.pk).delete()
        return response
