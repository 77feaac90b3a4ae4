"""Login lockout (django-axes): who is counted, and what a locked-out person reads.

Failures are counted per username and client address together: a guesser is stopped on that
account from that address, while the colleague at the next desk (another username) and the same
user from home (another address) still sign in. A success resets the count; the lock lifts after
AXES_COOLOFF_TIME. The browser login and the admin login are both watched (they call
django.contrib.auth.authenticate with the request).
"""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework.throttling import BaseThrottle

ADMIN_PREFIX = "/admin/"


class LoginLockoutBackend(AxesStandaloneBackend):
    """Axes' check, for authentication that comes from a request.

    Server-side code that holds the credentials itself (the test client's login(), a management
    command) calls authenticate() without a request: there is no address to count and no one to
    guess, so it goes on to the next backend instead of failing with Axes' "request required".
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str | None:
    """The client address exactly as the API throttles see it (DRF's own reading of NUM_PROXIES and
    X-Forwarded-For), so a lockout and a rate limit never disagree on who is asking."""
    return BaseThrottle().get_ident(request)


def lockout_response(request, original_response=None, credentials=None):
    """429 with Retry-After and the login page's own look (the admin's in the admin)."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    context = {"minutes": minutes}
    template = "registration/locked_out.html"
    if request.path.startswith(ADMIN_PREFIX):
        from django.contrib import admin

        context = {**admin.site.each_context(request), **context, "title": _("Log in")}
        template = "admin/locked_out.html"
    response = render(request, template, context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
