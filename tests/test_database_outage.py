"""The database unreachable for a moment (issue 12, item 6): while it is, the API answers 503 problem details
and pages a 503 page, both with Retry-After, never a 500; when it is back, the next request is served again,
with no restart. The outage is real: the connection is pointed at a port nothing listens on, as when
PostgreSQL restarts or fails over, so Django's own connect fails as it would in production."""

import socket

import pytest
from django.db import connection

from tests.factories import api_problem

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="SQLite's test database lives in memory: closing its connection would drop it"),
]


def _port_nobody_listens_on() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Outage:
    """The default connection pointed at a closed port until the block ends, then back at the database."""

    def __enter__(self):
        self.port = connection.settings_dict["PORT"]
        self.host = connection.settings_dict["HOST"]
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(_port_nobody_listens_on()))

    def __exit__(self, *exc):
        connection.close()
        connection.settings_dict.update(HOST=self.host, PORT=self.port)


def test_the_api_answers_503_while_the_database_is_down_and_recovers_by_itself(api_client, api_client_of_outsider,
                                                                               policy):
    api_client.raise_request_exception = False  # as in production: the handler answers, the test sees it
    assert api_client.get("/api/v1/policies/").status_code == 200

    with _Outage():
        down = api_client.get("/api/v1/policies/")
        assert down.status_code == 503 and down["Retry-After"]
        assert down["Content-Type"].startswith("application/problem+json")
        assert api_problem(down)["code"] == "service_unavailable"

    back = api_client.get("/api/v1/policies/")
    assert back.status_code == 200 and [row["id"] for row in back.json()["results"]] == [policy.pk]
    # The outsider, served again too, still sees nothing of the tenant's.
    assert policy.pk not in [row["id"] for row in api_client_of_outsider.get("/api/v1/policies/").json()["results"]]


def test_a_page_answers_a_503_page_while_the_database_is_down_and_recovers(client_of_user, policy):
    client_of_user.raise_request_exception = False
    with _Outage():
        down = client_of_user.get("/policies/")
        assert down.status_code == 503 and down["Retry-After"]
        assert down["Content-Type"].startswith("text/html")
    assert client_of_user.get("/policies/").status_code == 200
