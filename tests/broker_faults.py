"""What tests/test_broker_faults.py injects faults into: a Redis server of the test's own, real `celery worker`
processes, and a webhook receiver that counts what it received and can hold a request in flight.

The Redis server is started by the test on its own port (KREDO_FAULT_REDIS_PORT, default 6390), never the
shared one, because the tests stop it. Workers are subprocesses sharing the test database (PostgreSQL), so
SIGKILL kills a real worker in the middle of a task.
"""

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent
CELERY = Path(os.sys.executable).with_name("celery")


def wait_for(condition, *, timeout=30.0, step=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class OwnRedis:
    """A redis-server this test started (and may stop): nothing else uses its port."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def _ping(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_connect_timeout=0.5).ping())
        except redis.exceptions.ConnectionError:
            return False

    def start(self):
        if shutil.which("redis-server") is None:
            pytest.skip("the fault tests start their own redis-server: install Redis")
        if self._ping():
            pytest.fail(f"port {self.port} already has a Redis: the fault tests need their own (KREDO_FAULT_REDIS_PORT)")
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self._ping, timeout=10, what=f"redis on {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("a worker process shares the test database: PostgreSQL only")
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Starts real `celery worker` processes on the own Redis; kills whatever is left at the end."""

    def __init__(self, broker_url: str, tmp_path: Path):
        self.broker_url, self.tmp_path = broker_url, tmp_path
        self.started: list[subprocess.Popen] = []

    def start(self, name: str, *, visibility_timeout: int = 7200, pool: str = "solo") -> subprocess.Popen:
        env = {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": self.broker_url,
               "CELERY_VISIBILITY_TIMEOUT": str(visibility_timeout), "WEBHOOKS_ALLOW_INSECURE_LOOPBACK": "1",
               "CELERY_TASK_ALWAYS_EAGER": "0", "PYTHONPATH": str(PROJECT)}
        log = (self.tmp_path / f"{name}.log").open("w")
        process = subprocess.Popen(
            [str(CELERY), "-A", "config", "worker", "--pool", pool, "--concurrency", "1", "-n", f"{name}@%h",
             "--without-mingle", "--without-gossip", "--loglevel", "INFO"],
            cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.started.append(process)
        wait_for(lambda: "ready" in (self.tmp_path / f"{name}.log").read_text() or process.poll() is not None,
                 timeout=60, what=f"worker {name}")
        assert process.poll() is None, (self.tmp_path / f"{name}.log").read_text()[-3000:]
        return process

    def log(self, name: str) -> str:
        return (self.tmp_path / f"{name}.log").read_text()

    def stop_all(self):
        for process in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


class CountingReceiver:
    """An integrator's server: records each POST (headers, body); can hold requests until released."""

    def __init__(self):
        self.requests: list[SimpleNamespace] = []
        self.hold = threading.Event()
        self.hold.set()  # set: answer at once; clear: keep each request in flight until set
        self.in_flight = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append(SimpleNamespace(headers=self.headers, body=body))
                receiver.in_flight.set()
                receiver.hold.wait(timeout=60)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:  # the sender died while we held its request
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def event_ids(self) -> set[str]:
        """What a receiver deduplicates on: the event's id, the same in every attempt and replay."""
        return {json.loads(r.body)["id"] for r in self.requests}

    def close(self):
        self.hold.set()
        self.server.shutdown()
        self.server.server_close()
