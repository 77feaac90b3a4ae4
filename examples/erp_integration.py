"""An exporter's ERP connected to Kredo through the generated client (clients/python) and nothing else.

    pip install ./clients/python standardwebhooks
    python examples/erp_integration.py --url http://127.0.0.1:8000 --token <key> \
        --limit "Rossi=10000" --limit "Dupont=45000" --overdue-buyer "Schmidt" --invoice-amount 8000

What it does, in order, each step an API call an integrator would make:

1. Starts a webhook receiver on 127.0.0.1 (a loopback address: Kredo accepts it only with DEBUG or
   WEBHOOKS_ALLOW_INSECURE_LOOPBACK; in production register a public https:// URL) and registers it as an
   endpoint; every delivery is verified with the endpoint's secret (Standard Webhooks) before it is read.
2. Requests a credit limit per `--limit QUERY=AMOUNT` (the first buyer the registry finds for QUERY, in the
   policy's currency) with an Idempotency-Key, and sends it again with the same key to show that a retry
   returns the first answer. A request the automatic decision takes is answered 201; a referred one is 202
   and waits for an underwriter: the script polls the limit (and watches for its `limit.decided` webhook).
3. Declares an overdue on the buyer of `--overdue-buyer`, on whom the policy already has a limit in force:
   one invoice shipped 90 days ago, due 30 days ago (the cover on the shipment date is checked first).
4. Files a claim on it for the buyer's insolvency, uploads every document of the checklist, submits it.
5. Once the insurer has paid (its `claim.paid` webhook), reads the claim's payment and the calculation, line
   by line with its explanation, in the token's language.
6. When the insurer records a recovery on the paid claim (its `recovery.recorded` webhook), reads the claim's
   recovery ledger: what the insured's share of it is.

The token needs the roles credit manager, finance and tenant admin (webhooks). With `--insurer-token` (an
insurer token with the underwriter role) the referred request is decided through the insurer API too: found in
the underwriting queue and approved in part, with its reason. With `--claims-token` (an insurer token with the
claims handler role) the claim is settled through the insurer API as well: the file confirmed complete, the
calculated indemnity approved and paid, and with `--recovery-amount` a recovery from the liquidator recorded. `run()` is what CI calls (tests/test_example_integration.py, against a
live server) with all three tokens: both sides of every flow through the API alone.
"""

import argparse
import json
import queue
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO

from insurer_side import (  # examples/
    claims_handler_through_the_insurer_api,
    recovery_through_the_insurer_api,
    underwriter_through_the_insurer_api,
)
from kredo_api import KredoError, expect  # examples/: the answers' handling, shared with insurer_side
from kredo_client import AuthenticatedClient
from kredo_client.api.buyers import v1_buyers_list
from kredo_client.api.claims import (
    v1_claims_calculation_retrieve,
    v1_claims_create,
    v1_claims_documents_create,
    v1_claims_retrieve,
    v1_claims_submit_create,
)
from kredo_client.api.limits import (
    v1_limits_cover_retrieve,
    v1_limits_create,
    v1_limits_list,
    v1_limits_retrieve,
)
from kredo_client.api.overdues import v1_overdues_create
from kredo_client.api.policies import v1_policies_list
from kredo_client.api.recoveries import v1_claims_recovery_ledger_retrieve
from kredo_client.api.webhooks import v1_webhooks_endpoints_create
from kredo_client.models import (
    ClaimCauseEnum,
    ClaimCreateInputRequest,
    ClaimPaidWebhook,
    ClaimStateChangedWebhook,
    DocumentUploadInputRequest,
    InvoiceInputRequest,
    LimitDecidedWebhook,
    LimitRequestInputRequest,
    Money,
    OverdueCreateInputRequest,
    OverdueNotifiedWebhook,
    RecoveryRecordedWebhook,
    V1LimitsListState,
    V1PoliciesListStatus,
    WebhookEndpointInputRequest,
)
from kredo_client.types import File
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

# The events it subscribes to, each with the body the OpenAPI document's `webhooks` describe (generated models).
EVENTS = {"limit.decided": LimitDecidedWebhook, "overdue.notified": OverdueNotifiedWebhook,
          "claim.state_changed": ClaimStateChangedWebhook, "claim.paid": ClaimPaidWebhook,
          "recovery.recorded": RecoveryRecordedWebhook}
# The smallest PDF the document check accepts; an ERP uploads its real scans.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# --- Webhooks ------------------------------------------------------------------


class WebhookReceiver:
    """A loopback HTTP server that verifies every delivery before it believes it (Standard Webhooks)."""

    def __init__(self):
        self.verifier: Webhook | None = None
        self.events: queue.Queue = queue.Queue()
        self.seen_ids: set[str] = set()
        self.rejected = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(receiver.receive(body, {k.lower(): v for k, v in self.headers.items()}))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/kredo/webhooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def receive(self, body: bytes, headers: dict[str, str]) -> int:
        if self.verifier is None:
            return HTTPStatus.SERVICE_UNAVAILABLE  # not set up yet: Kredo retries
        try:
            event = self.verifier.verify(body, headers)  # the raw bytes, before parsing
        except WebhookVerificationError:
            self.rejected += 1
            return HTTPStatus.BAD_REQUEST
        # Deliveries are at least once: a retry or a replay carries the same webhook-id.
        if headers["webhook-id"] not in self.seen_ids:
            self.seen_ids.add(headers["webhook-id"])
            EVENTS[event["event"]].from_dict(event)  # the documented shape, or an error here
            self.events.put(event)
        return HTTPStatus.NO_CONTENT

    def wait_for(self, event: str, timeout: float = 30, **data) -> dict:
        """The first verified event named `event` whose data has `data`'s values; others are kept."""
        deadline = time.monotonic() + timeout
        kept = []
        try:
            while (left := deadline - time.monotonic()) > 0:
                try:
                    received = self.events.get(timeout=left)
                except queue.Empty:
                    break
                if received["event"] == event and all(received["data"].get(k) == v for k, v in data.items()):
                    return received
                kept.append(received)
            raise TimeoutError(f"no {event} webhook with {data} within {timeout} s")
        finally:
            for other in kept:
                self.events.put(other)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def register_webhooks(client: AuthenticatedClient, receiver: WebhookReceiver) -> int:
    endpoint = expect(v1_webhooks_endpoints_create.sync_detailed(
        client=client, idempotency_key=str(uuid.uuid4()),
        body=WebhookEndpointInputRequest(url=receiver.url, events=list(EVENTS), description="ERP example")), 201)
    receiver.verifier = Webhook(endpoint.secret)  # "whsec_...": shown with the endpoint
    return endpoint.id


# --- Steps -----------------------------------------------------------------------


def active_policy(client: AuthenticatedClient, number: str | None):
    policies = expect(v1_policies_list.sync_detailed(client=client, status=V1PoliciesListStatus.ACTIVE), 200).results
    chosen = [p for p in policies if number in (None, p.number)]
    if not chosen:
        raise SystemExit(f"no active policy {number or ''}")
    return chosen[0]


def find_buyer(client: AuthenticatedClient, query: str):
    found = expect(v1_buyers_list.sync_detailed(client=client, q=query, page_size=1), 200).results
    if not found:
        raise SystemExit(f"no buyer matches {query!r}")
    return found[0]


@dataclass
class LimitOutcome:
    id: int
    buyer: str
    first_status: int
    state: str
    decision: str  # the latest decision's kind; its reasons are in the client's language
    reasons: list[str]
    granted: str | None
    webhook_verified: bool
    replayed: bool


def request_limit(client, receiver, policy, query: str, amount: str, on_referred: Callable) -> LimitOutcome:
    buyer = find_buyer(client, query)
    body = LimitRequestInputRequest(policy=policy.id, buyer=buyer.id, terms_days=60,
                                    amount=Money(amount=amount, currency=policy.currency),
                                    reference=f"ERP-{uuid.uuid4().hex[:8]}")
    key = str(uuid.uuid4())
    first = v1_limits_create.sync_detailed(client=client, body=body, idempotency_key=key)
    limit = expect(first, 201, 202)
    # A network failure after sending would leave us not knowing: retrying with the same key is safe.
    retry = v1_limits_create.sync_detailed(client=client, body=body, idempotency_key=key)
    assert expect(retry, int(first.status_code)).id == limit.id
    replayed = retry.headers.get("Idempotent-Replayed") == "true"
    if first.status_code == HTTPStatus.ACCEPTED:  # referred: an underwriter decides
        on_referred(limit.id)
        limit = wait_until_decided(client, limit.id)
    event = receiver.wait_for("limit.decided", limit_id=limit.id)
    granted = limit.in_force.amount if limit.in_force else None
    latest = limit.decisions[-1]  # oldest first
    return LimitOutcome(id=limit.id, buyer=buyer.legal_name, first_status=int(first.status_code), state=str(limit.state),
                        decision=str(latest.kind), reasons=latest.reasons, granted=granted, webhook_verified=event["data"]["limit_id"] == limit.id, replayed=replayed)


def wait_until_decided(client, limit_id: int, timeout: float = 3600, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        limit = expect(v1_limits_retrieve.sync_detailed(limit_id, client=client), 200)
        if str(limit.state) != "pending":
            return limit
        time.sleep(every)
    raise TimeoutError(f"limit {limit_id} still pending")


def declare_overdue(client, receiver, policy, query: str, amount: str, today: date):
    buyer = find_buyer(client, query)
    limits = expect(v1_limits_list.sync_detailed(client=client, policy=policy.id,
                                                         state=V1LimitsListState.IN_FORCE), 200).results
    limit = next((li for li in limits if li.buyer.id == buyer.id), None)
    if limit is None:
        raise SystemExit(f"no limit in force on {buyer.legal_name}")
    shipped, due = today - timedelta(days=90), today - timedelta(days=30)
    cover = expect(v1_limits_cover_retrieve.sync_detailed(limit.id, client=client, on=shipped), 200)
    print(f"  cover on {buyer.legal_name} for a shipment on {shipped}: {cover.amount.amount} {cover.amount.currency}")
    money = Money(amount=amount, currency=policy.currency)
    body = OverdueCreateInputRequest(
        policy=policy.id, buyer=buyer.id, reference=f"ERP-OD-{uuid.uuid4().hex[:8]}",
        invoices=[InvoiceInputRequest(number="INV-1001", invoice_date=shipped, shipment_date=shipped, due_date=due,
                                      amount=money, outstanding=money)])
    overdue = expect(v1_overdues_create.sync_detailed(client=client, body=body, idempotency_key=str(uuid.uuid4())),
                     201)
    receiver.wait_for("overdue.notified", overdue_id=overdue.id)
    return overdue


def file_claim(client, receiver, overdue, today: date):
    body = ClaimCreateInputRequest(overdue=overdue.id, cause=ClaimCauseEnum.INSOLVENCY,
                                   event_date=today - timedelta(days=2), reference=f"ERP-CL-{uuid.uuid4().hex[:8]}")
    claim = expect(v1_claims_create.sync_detailed(client=client, body=body, idempotency_key=str(uuid.uuid4())), 201)
    for item in claim.checklist:
        if item.required and not item.satisfied:
            document = DocumentUploadInputRequest(
                kind=item.kind, file=File(payload=BytesIO(PDF), file_name=f"{item.kind}.pdf", mime_type="application/pdf"))
            expect(v1_claims_documents_create.sync_detailed(claim.id, client=client, body=document,
                                                            idempotency_key=str(uuid.uuid4())), 201)
    submitted = expect(v1_claims_submit_create.sync_detailed(claim.id, client=client,
                                                             idempotency_key=str(uuid.uuid4())), 200)
    receiver.wait_for("claim.state_changed", claim_id=claim.id)
    return expect(v1_claims_retrieve.sync_detailed(submitted.id, client=client), 200)


@dataclass
class Outcome:
    limits: list[LimitOutcome] = field(default_factory=list)
    overdue_id: int | None = None
    overdue_state: str = ""
    claim_id: int | None = None
    claim_state: str = ""
    documents: int = 0
    paid: str = ""
    indemnity: str = ""
    explanation: list[str] = field(default_factory=list)
    insured_share: str = ""
    insurer_share: str = ""
    webhooks_rejected: int = 0


def wait_for_an_underwriter(limit_id: int) -> None:
    print(f"  limit {limit_id} is referred: waiting for an underwriter's decision (the admin's queue)")


def wait_for_a_claims_handler(claim_id: int) -> None:
    print(f"  claim {claim_id} is submitted: the claims handler settles it in the admin; its payment comes later")


def read_the_payment(client, receiver, claim_id: int, outcome: "Outcome") -> None:
    """After the insurer's `claim.paid`: what was paid, and the calculation that explains it."""
    receiver.wait_for("claim.paid", claim_id=claim_id)
    claim = expect(v1_claims_retrieve.sync_detailed(claim_id, client=client), 200)
    calculation = expect(v1_claims_calculation_retrieve.sync_detailed(claim_id, client=client), 200)
    outcome.claim_state, outcome.paid = str(claim.state), f"{claim.paid_amount.amount} {claim.paid_amount.currency}"
    outcome.indemnity, outcome.explanation = calculation.indemnity.amount, list(calculation.explanation)
    print(f"  claim {claim_id} {claim.state}: {outcome.paid} on {claim.paid_on}")
    for line in calculation.explanation:
        print(f"    {line}")


def read_the_recovery(client, receiver, claim_id: int, outcome: "Outcome") -> None:
    """After the insurer's `recovery.recorded`: the claim's ledger, and the insured's share of what came in."""
    receiver.wait_for("recovery.recorded", claim_id=claim_id)
    totals = expect(v1_claims_recovery_ledger_retrieve.sync_detailed(claim_id, client=client), 200).totals
    outcome.insured_share, outcome.insurer_share = totals.insured_share.amount, totals.insurer_share.amount
    print(f"  recovery on claim {claim_id}: {totals.insured_share.amount} {totals.insured_share.currency} to the "
          f"insured, {totals.insurer_share.amount} to the insurer")


def run(*, url: str, token: str, limits: list[tuple[str, str]], overdue_buyer: str, invoice_amount: str,
        policy_number: str | None = None, language: str = "en",
        on_referred: Callable[[int], None] = wait_for_an_underwriter,
        on_submitted: Callable[[int], None] = wait_for_a_claims_handler, on_paid: Callable[[int], None] | None = None,
        today: date | None = None) -> Outcome:
    today = today or date.today()
    client = AuthenticatedClient(base_url=url, token=token, prefix="Token", raise_on_unexpected_status=True,
                                 headers={"Accept-Language": language})
    receiver = WebhookReceiver()
    outcome = Outcome()
    try:
        with client:
            policy = active_policy(client, policy_number)
            print(f"policy {policy.number} ({policy.currency}); webhooks to {receiver.url}")
            register_webhooks(client, receiver)
            for query, amount in limits:
                limit = request_limit(client, receiver, policy, query, amount, on_referred)
                print(f"  limit on {limit.buyer}: answered {limit.first_status}, {limit.decision} "
                      f"{'; '.join(limit.reasons)}, in force {limit.granted}")
                outcome.limits.append(limit)
            overdue = declare_overdue(client, receiver, policy, overdue_buyer, invoice_amount, today)
            outcome.overdue_id, outcome.overdue_state = overdue.id, str(overdue.state)
            print(f"  overdue {overdue.id} {overdue.state}, outstanding {invoice_amount} {policy.currency}")
            claim = file_claim(client, receiver, overdue, today)
            outcome.claim_id, outcome.claim_state, outcome.documents = claim.id, str(claim.state), len(claim.documents)
            print(f"  claim {claim.id} {claim.state} with {len(claim.documents)} documents")
            on_submitted(claim.id)
            if on_submitted is not wait_for_a_claims_handler:
                read_the_payment(client, receiver, claim.id, outcome)
            if on_paid is not None:
                on_paid(claim.id)
                read_the_recovery(client, receiver, claim.id, outcome)
    finally:
        outcome.webhooks_rejected = receiver.rejected
        receiver.close()
    return outcome


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--policy", help="policy number (default: the first active one)")
    parser.add_argument("--limit", action="append", default=[], metavar="QUERY=AMOUNT")
    parser.add_argument("--overdue-buyer", required=True, metavar="QUERY")
    parser.add_argument("--invoice-amount", default="8000.00")
    parser.add_argument("--language", default="en", help="Accept-Language: en, es or zh-hans")
    parser.add_argument("--insurer-token", help="an underwriter's insurer token: decide referred requests too")
    parser.add_argument("--claims-token", help="a claims handler's insurer token: settle the claim too")
    parser.add_argument("--recovery-amount", help="with --claims-token: a recovery from the liquidator afterwards")
    parser.add_argument("--partial-amount", default="30000.00", help="what the underwriter grants a referred request")
    args = parser.parse_args(argv)
    on_referred = (underwriter_through_the_insurer_api(url=args.url, insurer_token=args.insurer_token,
                                                       amount=args.partial_amount, language=args.language)
                   if args.insurer_token else wait_for_an_underwriter)
    on_submitted = (claims_handler_through_the_insurer_api(url=args.url, insurer_token=args.claims_token,
                                                           language=args.language)
                    if args.claims_token else wait_for_a_claims_handler)
    on_paid = (recovery_through_the_insurer_api(url=args.url, insurer_token=args.claims_token,
                                                amount=args.recovery_amount, language=args.language)
               if args.claims_token and args.recovery_amount else None)
    try:
        outcome = run(url=args.url, token=args.token, policy_number=args.policy, language=args.language,
                      limits=[tuple(item.rsplit("=", 1)) for item in args.limit], on_referred=on_referred,
                      on_submitted=on_submitted, on_paid=on_paid,
                      overdue_buyer=args.overdue_buyer, invoice_amount=args.invoice_amount)
    except KredoError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    print(json.dumps(outcome.__dict__, default=lambda o: o.__dict__, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
