"""Start and stop the two gunicorn servers of `make bench`: Kredo and the floor, the same settings each."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
# The shape: gunicorn, 2 sync workers.
GUNICORN_ARGS = ["--workers", "2", "--worker-class", "sync", "--log-level", "warning", "--timeout", "300"]


def kredo_env(database_url: str) -> dict:
    """Production settings over plain HTTP on the loopback (no TLS in front of it here)."""
    return {
        **os.environ, "DATABASE_URL": database_url, "DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver", "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING", "REDIS_URL": "", "CELERY_BROKER_URL": "memory://",
        # The throttles still run (their cost is part of a request) but at rates wrk cannot reach: at the
        # default 240/min a fast run would measure 429 answers, not the API.
        "API_RATE_PER_TOKEN": "100000000/min", "API_RATE_PER_IP": "100000000/min",
    }


class Server:
    def __init__(self, name: str, app: str, port: int, *, env: dict, chdir: Path):
        self.name, self.port, self.url = name, port, f"http://127.0.0.1:{port}"
        # Its log goes to a file, not a pipe: a pipe nobody drains fills (64 KiB of warnings under load) and
        # blocks the master mid-write, so dead workers are never replaced and the bench waits for ever.
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(GUNICORN), app, "--bind", f"127.0.0.1:{port}", "--chdir", str(chdir), *GUNICORN_ARGS],
            env=env, stdout=subprocess.DEVNULL, stderr=self.log,
        )

    def log_tail(self, size: int = 2000) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-size:]

    def wait(self, path: str = "/", headers: dict | None = None, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log_tail()}")
            try:
                request = urllib.request.Request(self.url + path, headers=headers or {})
                with urllib.request.urlopen(request, timeout=max(1.0, min(120.0, deadline - time.monotonic()))):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer on {self.url}{path}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_pair(database_url: str, *, kredo_port: int = 8731, floor_port: int = 8732) -> tuple[Server, Server]:
    kredo = Server("kredo", "config.wsgi:application", kredo_port, env=kredo_env(database_url), chdir=ROOT)
    floor = Server("floor", "floor_app:application", floor_port, env=dict(os.environ), chdir=ROOT / "bench")
    return kredo, floor
