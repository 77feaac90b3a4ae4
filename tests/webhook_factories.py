"""Webhook fixtures: a real HTTP receiver on 127.0.0.1 in a thread, and endpoints of the tenant and an outsider.

tests/conftest.py offers them to every module.
"""

import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from core import webhooks
from core.models import WebhookDelivery


class Receiver:
    """What the tenant's server saw; answers with queued status codes, then 200."""

    def __init__(self):
        self.requests: list[SimpleNamespace] = []
        self.statuses: list[int] = []
        self.port = 0
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/kredo/hooks"

    def record(self, request) -> int:
        with self._lock:
            self.requests.append(request)
            return self.statuses.pop(0) if self.statuses else 200


@pytest.fixture
def loopback_allowed(settings):
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = True


@pytest.fixture
def receiver(loopback_allowed):
    received = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = received.record(SimpleNamespace(path=self.path, headers=self.headers, body=body))
            answer = b"thanks" if status < 300 else b"receiver exploded"
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    received.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield received
    server.shutdown()
    server.server_close()


@pytest.fixture
def endpoint(tenant, user, receiver):
    return webhooks.create_endpoint(
        tenant=tenant, created_by=user, url=receiver.url, events=["limit.decided", "limit.reduced"],
        description="ERP",
    )


@pytest.fixture
def outsider_endpoint(other_tenant, outsider, loopback_allowed):
    return webhooks.create_endpoint(
        tenant=other_tenant, created_by=outsider, url="https://outsider.example/hooks", events=["limit.decided"]
    )


def finished_delivery(endpoint, state=WebhookDelivery.State.SUCCEEDED, **kwargs):
    return WebhookDelivery.objects.create(
        tenant=endpoint.tenant, endpoint=endpoint, event="limit.decided", event_id=uuid.uuid4(), payload={"n": 1},
        state=state, attempts=1, last_status_code=200 if state == "succeeded" else 500, **kwargs,
    )
