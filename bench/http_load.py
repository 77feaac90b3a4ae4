"""Load against a URL: wrk when installed (2 threads x 16 connections, as the issue measured), else a
Python client with the same concurrency; and sequential timings for the pages' p95."""

import http.client
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

THREADS, CONNECTIONS = 2, 16
UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


@dataclass(frozen=True)
class Load:
    rps: float
    p50: float  # seconds
    p99: float
    requests: int
    errors: int  # non-2xx/3xx answers and socket errors


def _seconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output: str) -> Load:
    p50 = _seconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _seconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(g) for g in m.groups())
    return Load(rps=rps, p50=p50, p99=p99, requests=requests, errors=errors)


POST_SCRIPT = """
local bodies = {%(bodies)s}
local threads = 0
function setup(thread) thread:set("tid", threads); threads = threads + 1 end
function init(args) n = 0 end
function request()
  n = n + 1
  local body = bodies[((n * %(threads)d + tid) %% #bodies) + 1]
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"%(headers)s}, body)
end
"""


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk(url: str, *, seconds: int, headers: dict | None = None, post_bodies: list[str] | None = None) -> Load:
    if shutil.which("wrk") is None:
        return python_load(url, seconds=seconds, headers=headers, post_bodies=post_bodies)
    args = ["wrk", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    script = None
    if post_bodies:
        extra = "".join(f", [{_lua_string(k)}] = {_lua_string(v)}" for k, v in (headers or {}).items())
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write(POST_SCRIPT % {"bodies": ", ".join(_lua_string(b) for b in post_bodies),
                                    "threads": THREADS, "headers": extra})
        script.close()
        args += ["-s", script.name]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def _one(connection: http.client.HTTPConnection, method: str, path: str, headers: dict, body: str | None) -> int:
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def python_load(url: str, *, seconds: int, headers: dict | None = None, post_bodies: list[str] | None = None) -> Load:
    """The fallback when wrk is not installed: CONNECTIONS keep-alive connections in threads."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {**(headers or {}), **({"Content-Type": "application/json"} if post_bodies else {})}
    latencies: list[float] = []
    errors = [0]
    counter = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.perf_counter() < deadline:
            with lock:
                counter[0] += 1
                body = post_bodies[counter[0] % len(post_bodies)] if post_bodies else None
            start = time.perf_counter()
            try:
                status = _one(connection, "POST" if body else "GET", path, headers, body)
            except OSError:
                status = 0
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            with lock:
                latencies.append(time.perf_counter() - start)
                errors[0] += not 200 <= status < 400

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Load(rps=len(latencies) / elapsed, p50=q[49], p99=q[98], requests=len(latencies), errors=errors[0])


@dataclass(frozen=True)
class Timings:
    p50: float
    p95: float
    count: int
    errors: int


def sequential(url: str, *, count: int, headers: dict | None = None, budget: float = 30.0) -> Timings:
    """One client, `count` requests one after the other: a page's latency as one user sees it.

    A page slower than `budget` seconds in all gets at least 3 requests (its p95 is then their slowest).
    """
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
    samples, errors = [], 0
    deadline = time.perf_counter() + budget
    for n in range(count):
        if n >= 3 and time.perf_counter() > deadline:
            break
        start = time.perf_counter()
        status = _one(connection, "GET", path, headers or {}, None)
        samples.append(time.perf_counter() - start)
        errors += status != 200
    q = statistics.quantiles(samples, n=20, method="inclusive")
    return Timings(p50=statistics.median(samples), p95=q[18], count=len(samples), errors=errors)
