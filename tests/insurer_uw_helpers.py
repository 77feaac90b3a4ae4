"""Shared by the underwriting insurer API tests (limits, buyers, overdues): who must be refused, and how.

The underwriter's own client is conftest's `underwriter_api` fixture (a session, then an insurer token).
"""

from rest_framework.test import APIClient

from accounts.roles import CLAIMS_HANDLER
from tests.factories import insurer_token_client, logged_in


def call(client, method, path, body=None):
    if method == "get":
        return client.get(path)
    return getattr(client, method)(path, body or {}, format="json")


def refused_statuses(calls, *, user, outsider, api_client, api_client_of_outsider, claims_handler):
    """The status of every (method, path, body) for each caller who must be refused, by caller."""
    callers = {
        "anonymous": APIClient(),
        "tenant user": logged_in(user, client_class=APIClient),
        "outsider": logged_in(outsider, client_class=APIClient),
        "tenant token": api_client,
        "outsider token": api_client_of_outsider,
        "claims handler": logged_in(claims_handler, client_class=APIClient),
        "claims handler token": insurer_token_client([CLAIMS_HANDLER]),
    }
    return {name: [call(client, *c).status_code for c in calls] for name, client in callers.items()}


def assert_only_underwriters(calls, **callers):
    statuses = refused_statuses(calls, **callers)
    assert statuses["anonymous"] == [401] * len(calls)
    for name in ("tenant user", "outsider", "tenant token", "outsider token", "claims handler",
                 "claims handler token"):
        assert statuses[name] == [403] * len(calls), name
