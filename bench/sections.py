"""What `make bench` measures, one function per section; each returns result lines (label, figure, target, ok).

Runs inside the bench process (Django set up on the bench database): HTTP sections go through the gunicorn
servers, the others call the code in-process.
"""

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from http_load import sequential, wrk

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Line:
    label: str
    figure: str
    target: str
    ok: bool | None  # None: no target, a figure to read

    def text(self) -> str:
        verdict = {True: "ok", False: "MISSED", None: ""}[self.ok]
        return f"{self.label:<52} {self.figure:<44} target {self.target:<22} {verdict}".rstrip()


def credentials(seed: int) -> dict:
    """An API token of the large insured, and browser sessions of its user and of an underwriter."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_scopes import scopes_disabled

    from accounts.roles import TENANT_ROLES
    from accounts.services import create_api_token
    from portal.loadgen import admin_username

    User = get_user_model()
    with scopes_disabled():
        user = User.objects.get(username=admin_username(seed, 0))
        tenant = user.membership.tenant
        _, key = create_api_token(tenant=tenant, created_by=user, name=f"bench {time.time_ns()}", roles=list(TENANT_ROLES))
    sessions = {}
    for name, who in (("insured", user), ("underwriter", User.objects.get(username=f"load{seed}-underwriter"))):
        client = Client()
        client.force_login(who)
        sessions[name] = client.cookies["sessionid"].value
    return {"tenant": tenant, "token": key, "sessions": sessions}


def samples(tenant) -> dict:
    """Rows to point the requests at: a limit, a claim, search words that match a few buyers, buyers to request on."""
    from django_scopes import scopes_disabled

    from buyers.models import Buyer
    from claims.claims.models import Claim
    from limits.models import CreditLimit
    from policies.models import Policy

    with scopes_disabled():
        limit = CreditLimit.objects.filter(tenant=tenant, state="in_force").select_related("buyer").order_by("pk")[500]
        claim = Claim.objects.filter(tenant=tenant).exclude(state="draft").order_by("pk").first()
        policy = Policy.objects.filter(tenant=tenant, currency="EUR").order_by("pk").first()
        taken = CreditLimit.objects.filter(policy=policy).values("buyer_id")
        free = list(Buyer.objects.filter(status="confirmed", grade__lte=3).exclude(pk__in=taken)
                    .order_by("pk").values_list("pk", flat=True)[:20_000])
        words = limit.buyer.legal_name.split()
    return {"limit": limit, "claim": claim, "policy": policy, "free_buyers": free,
            "q": f"{words[0].lower()} {words[1].lower()}", "q_ident": limit.buyer.registration_number}


def _interleaved(name: str, kredo_url: str, floor_url: str, *, seconds: int, rounds: int, headers: dict,
                 drain, post_bodies=None, share: float) -> list[Line]:
    """Floor, Kredo, floor, Kredo ...: both suffer whatever else the machine is doing at that moment."""
    floors, kredos = [], []
    for _ in range(rounds):
        floors.append(wrk(floor_url, seconds=seconds))
        kredos.append(wrk(kredo_url, seconds=seconds, headers=headers, post_bodies=post_bodies))
        drain()  # requests wrk gave up on still hold the workers: let them finish before the next run
    floor_rps = statistics.mean(f.rps for f in floors)
    rps = statistics.mean(k.rps for k in kredos)
    p50 = statistics.mean(k.p50 for k in kredos)
    p99 = statistics.mean(k.p99 for k in kredos)
    errors = sum(k.errors for k in kredos)
    figure = (f"{rps:7.1f} req/s = {100 * rps / floor_rps:5.1f}% of floor {floor_rps:6.0f}; "
              f"p50 {p50 * 1000:.0f} ms p99 {p99 * 1000:.0f} ms" + (f"; {errors} errors" if errors else ""))
    return [Line(name, figure, f">= {share:.0%} of the floor", rps >= share * floor_rps and not errors)]


def api(kredo, floor, creds, rows, *, seconds: int, rounds: int) -> list[Line]:
    headers = {"Authorization": f"Token {creds['token']}", "Accept": "application/json"}
    base = f"{kredo.url}/api/v1"
    gets = [
        ("GET /api/v1/limits/?page_size=50", "/limits/?page_size=50"),
        ("GET /api/v1/limits/?page_size=50&state=in_force", "/limits/?page_size=50&state=in_force&country=DE"),
        ("GET /api/v1/limits/?page_size=50&q=<two words>", f"/limits/?page_size=50&q={rows['q'].replace(' ', '+')}"),
        ("GET /api/v1/limits/<id>/", f"/limits/{rows['limit'].pk}/"),
        ("GET /api/v1/claims/<id>/", f"/claims/{rows['claim'].pk}/"),
        ("GET /api/v1/buyers/?q=<two words>", f"/buyers/?q={rows['q'].replace(' ', '+')}"),
    ]
    lines = []

    def drain():
        kredo.wait("/api/v1/policies/", headers=headers, timeout=600)

    for name, path in gets:
        lines += _interleaved(name, base + path, floor.url, seconds=seconds, rounds=rounds, headers=headers,
                              drain=drain, share=0.6)
    bodies = [json.dumps({"policy": rows["policy"].pk, "buyer": pk, "amount": {"amount": "10000.00", "currency": "EUR"},
                          "terms_days": 60}) for pk in rows["free_buyers"]]
    lines += _interleaved("POST /api/v1/limits/ (decided at once)", f"{base}/limits/", floor.url, seconds=seconds,
                          rounds=rounds, headers=headers, drain=drain, post_bodies=bodies, share=0.4)
    return lines


def pages(kredo, creds, rows, *, count: int) -> list[Line]:
    insured = {"Cookie": f"sessionid={creds['sessions']['insured']}"}
    staff = {"Cookie": f"sessionid={creds['sessions']['underwriter']}"}
    urls = [
        ("tenant dashboard /", "/", insured),
        ("/limits/", "/limits/", insured),
        ("/limits/?q=<two words>", f"/limits/?q={rows['q'].replace(' ', '+')}", insured),
        ("/buyers/?q=<two words>", f"/buyers/?q={rows['q'].replace(' ', '+')}", insured),
        ("/overdues/", "/overdues/", insured),
        ("/claims/", "/claims/", insured),
        ("/admin/exposure/", "/admin/exposure/", staff),
        ("/admin/limits/creditlimit/", "/admin/limits/creditlimit/", staff),
    ]
    lines = []
    for name, path, headers in urls:
        timing = sequential(kredo.url + path, count=count, headers=headers)
        figure = f"p95 {timing.p95 * 1000:6.0f} ms, p50 {timing.p50 * 1000:6.0f} ms" + (
            f"; {timing.errors} non-200" if timing.errors else "")
        lines.append(Line(f"page {name}", figure, "p95 < 200 ms", timing.p95 < 0.2 and not timing.errors))
    return lines


def _timed(call):
    from _common import QueryCounter
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = call()
    return result, time.perf_counter() - start, counter.count


def jobs() -> list[Line]:
    """The two daily jobs over the generated rows: a first run (work to do), then the same day again (idle);
    rolled back, so every run of the bench finds the same work."""
    from _common import RollBack
    from django.db import transaction
    from django.utils import timezone

    today = timezone.localdate()
    lines = []
    try:
        with transaction.atomic():
            _jobs(lines, today)
            raise RollBack  # the next `make bench --reuse` finds the same work to do
    except RollBack:
        pass
    return lines


def _jobs(lines: list, today) -> None:
    from django_scopes import scopes_disabled

    from claims.claims.models import Claim
    from claims.overdues.models import Invoice
    from claims.reminders import run_claim_deadlines
    from limits.models import CreditLimit
    from limits.review import run_limit_review

    with scopes_disabled():
        limits = CreditLimit.objects.count()
        invoices = Invoice.objects.filter(overdue__state="open").count() + Claim.objects.count()
        for run in ("first", "idle"):
            result, seconds, queries = _timed(lambda: run_limit_review(today=today))
            per_million = seconds * 1_000_000 / limits
            lines.append(Line(f"limit review job, {run} run, {limits:,} limits",
                              f"{seconds:6.2f} s, {queries} queries, {len(result.expired)} expired, "
                              f"{len(result.put_under_review)} flagged (~{per_million:.0f} s per 1M)",
                              "1M limits < 60 s", per_million < 60))
        for run in ("first", "idle"):
            result, seconds, queries = _timed(lambda: run_claim_deadlines(today=today + timedelta(days=0)))
            target, ok = ("idle < 5 s", seconds < 5) if run == "idle" else ("1M invoices < 60 s",
                                                                            seconds * 1_000_000 / invoices < 60)
            lines.append(Line(f"claim deadlines job, {run} run, ~{invoices:,} open invoices",
                              f"{seconds:6.2f} s, {queries} queries (~{seconds * 1_000_000 / invoices:.0f} s per 1M)",
                              target, ok))
        # A day's run after that: only the overdues whose stored next deadline is the next day (claims.next_deadline).
        result, seconds, queries = _timed(lambda: run_claim_deadlines(today=today + timedelta(days=1)))
        lines.append(Line(f"claim deadlines job, the next day, ~{invoices:,} open invoices",
                          f"{seconds:6.2f} s, {queries} queries, {len(result.window_opened)} windows opened, "
                          f"{len(result.filing_deadline)} deadlines", "a figure to read", None))


def imports(database_url: str, *, rows: int) -> list[Line]:
    """The limit import (bench_bulk_import.py) on the bench database: row by row on a sample, then as a job of
    `rows` rows; its rows are deleted after."""
    import os
    import re

    env = {**os.environ, "DATABASE_URL": database_url}
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_bulk_import.py"), "--configured-db",
                          "--rows", str(rows), "--before-rows", "500"], capture_output=True, text=True, env=env,
                         check=True).stdout
    before = re.search(r"before: \d+ rows row by row in [\d.]+ s: (\d+) rows/s, ([\d.]+) queries a row", out)
    after = re.search(r"after: \d+ rows as a job in ([\d.]+) s: (\d+) rows/s, \d+ queries \(([\d.]+) per batch", out)
    seconds = float(after.group(1))
    return [Line("limit CSV import, row by row (500 rows)", f"{before.group(1)} rows/s, {before.group(2)} queries a row",
                 "100,000 rows < 60 s", False),
            Line(f"limit CSV import as a job, {rows:,} rows", f"{seconds:.1f} s, {after.group(2)} rows/s, "
                 f"{after.group(3)} queries a batch of 1,000", "100,000 rows < 60 s", seconds * 100_000 / rows < 60),
            Line("buyer import", "does not exist yet", "100,000 < 30 s", False)]
