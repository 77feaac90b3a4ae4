"""API rate limits: per token (or signed-in user) and per client IP, counted in the shared cache.

The counts live in CACHES["default"] (Redis when configured), so every gunicorn worker and every
web node sees one budget. The rates are read from settings.API_THROTTLE_RATES at each request
(DRF's own THROTTLE_RATES is frozen at import), so a deployment sets them by environment and a
test can lower one for itself. A throttled request raises DRF's Throttled: a 429 with Retry-After.
"""

import logging

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

log = logging.getLogger(__name__)


class _ConfiguredRateThrottle(SimpleRateThrottle):
    def get_rate(self):
        return settings.API_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception as exc:  # the cache (Redis) is unreachable
            # Fail open: an outage of the counter must not take the whole API down with it;
            # /health/ready reports the cache as failing meanwhile.
            log.warning("API throttle %s not applied, cache unreachable: %s", self.scope, exc)
            return True


class TokenRateThrottle(_ConfiguredRateThrottle):
    """One budget per API token (tenant and insurer tokens alike), or per user for browser sessions."""

    scope = "token"

    def get_cache_key(self, request, view):
        token = request.auth
        if token is not None and getattr(token, "pk", None) is not None:
            ident = f"{type(token).__name__}-{token.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            return None  # anonymous: the IP budget applies
        return self.cache_format % {"scope": self.scope, "ident": ident}


class IpRateThrottle(_ConfiguredRateThrottle):
    """One budget per client address, whoever is signed in: many tokens from one host share it.

    The address is REMOTE_ADDR, or the X-Forwarded-For entry added by the NUM_PROXIES trusted proxies.
    """

    scope = "ip"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
