"""The example integration (examples/erp_integration.py) against a live server, through the generated client.

Marked `example` (excluded from the default run, like the fuzzer; CI runs `pytest -m example` on PostgreSQL):
a real HTTP server on a free port (pytest-django's live_server), its own seed data, the committed client of
clients/python. A schema change that breaks the client, or a flow an integrator relies on, fails here. The
underwriter's decision on the referred limit goes through the insurer API as well (an underwriter's insurer
token: the queue, then the decision), and so does the claim's settlement (a claims handler's insurer token:
complete, approve, pay), so both sides of every flow run through the API alone.
"""

import ast
import importlib.util
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts import services as account_services
from accounts.roles import CLAIMS_HANDLER, CREDIT_MANAGER, FINANCE, TENANT_ADMIN, UNDERWRITER
from claims.claims.models import Claim
from core.models import WebhookDelivery
from limits.models import CreditLimit, LimitDecision
from tests.buyer_factories import make_buyer
from tests.claim_helpers import approve_limit
from tests.factories import PolicyFactory

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "erp_integration.py"
pytestmark = pytest.mark.example
TODAY = timezone.localdate()


def load_example():
    # As `python examples/erp_integration.py` runs it: the client installed, its sibling modules beside it.
    sys.path.insert(0, str(ROOT / "clients" / "python"))
    sys.path.insert(0, str(ROOT / "examples"))
    spec = importlib.util.spec_from_file_location("erp_integration", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def token(tenant, roles):
    return account_services.create_api_token(tenant=tenant, created_by=None, name="ERP", roles=roles)[1]


@pytest.fixture
def book(tenant, underwriter, settings):
    """The insured's policy in force since 300 days, three buyers, a limit on one of them since then."""
    settings.WEBHOOKS_ALLOW_INSECURE_LOOPBACK = True
    policy = PolicyFactory(tenant=tenant, number="KR-ERP-001", start_date=TODAY - timedelta(days=300),
                           end_date=TODAY + timedelta(days=65))
    make_buyer("Rossi Meccanica S.p.A.", "IT", grade=2)       # within the matrix: decided at once
    make_buyer("Dupont Industries SA", "FR", grade=5)         # 45,000 EUR at grade 5: referred
    schmidt = make_buyer("Schmidt Maschinenbau GmbH", "DE", grade=3)
    approve_limit(tenant=tenant, policy=policy, buyer=schmidt, amount=40_000, underwriter=underwriter,
                  effective=policy.start_date + timedelta(days=1))
    return policy


# Against the live server: real commits the server thread sees (a transactional database, flushed after).
@pytest.mark.unscoped
@pytest.mark.django_db(transaction=True)
def test_the_example_runs_every_flow_through_the_client(live_server, book, tenant, underwriter, other_tenant,
                                                        outsider_policy):
    example = load_example()
    referred = []
    # The insurer's side through the insurer API as well: an underwriter's insurer token.
    insurer_token, insurer_key = account_services.create_insurer_api_token(name="Rules engine", roles=[UNDERWRITER],
                                                                         created_by=None)
    through_the_api = example.underwriter_through_the_insurer_api(url=live_server.url, insurer_token=insurer_key,
                                                                  amount="30000.00")

    def underwriter_decides(limit_id):
        referred.append(limit_id)
        through_the_api(limit_id)

    # The claims handler's side: another insurer token, with the claims handler's role only.
    handler_token, handler_key = account_services.create_insurer_api_token(name="Claims system",
                                                                         roles=[CLAIMS_HANDLER], created_by=None)
    settle = example.claims_handler_through_the_insurer_api(url=live_server.url, insurer_token=handler_key,
                                                            paid_on=TODAY)
    # After the payment, the liquidator pays 1,000: recorded through the insurer API, shared by the policy's rule.
    recover = example.recovery_through_the_insurer_api(url=live_server.url, insurer_token=handler_key,
                                                       amount="1000.00", received_on=TODAY)
    outcome = example.run(url=live_server.url, token=token(tenant, [CREDIT_MANAGER, FINANCE, TENANT_ADMIN]),
                          limits=[("Rossi", "10000.00"), ("Dupont", "45000.00")], overdue_buyer="Schmidt",
                          invoice_amount="8000.00", on_referred=underwriter_decides, on_submitted=settle, on_paid=recover,
                          today=TODAY)

    rossi, dupont = outcome.limits
    assert (rossi.first_status, rossi.state, rossi.decision, rossi.granted) == (201, "in_force", "approved", "10000.00")
    assert (dupont.first_status, dupont.state, dupont.decision, dupont.granted) == (
        202, "in_force", "partially_approved", "30000.00")
    assert dupont.reasons == ["Buyer grade"]
    # Decided by the insurer API's service user, not by a person in the admin.
    decision = LimitDecision.objects.filter(limit_id=dupont.id).latest("created_at")
    assert (decision.kind, decision.decided_by) == (LimitDecision.Kind.PARTIALLY_APPROVED, insurer_token.service_user)
    assert referred == [dupont.id]
    assert rossi.replayed and dupont.replayed and rossi.webhook_verified and dupont.webhook_verified
    assert CreditLimit.objects.filter(tenant=tenant, policy=book).count() == 3  # the retries created nothing
    assert outcome.overdue_state == "open"
    claim = Claim.objects.get(pk=outcome.claim_id)
    # Settled by the claims system's token: the calculated indemnity approved and paid, as the ERP then read it.
    assert (claim.tenant, claim.state, outcome.claim_state) == (tenant, Claim.State.PAID, "paid")
    movers = dict(claim.transitions.values_list("target", "by"))
    assert movers[Claim.State.COMPLETE] == movers[Claim.State.APPROVED] == movers[Claim.State.PAID] == \
        handler_token.service_user.pk == claim.approved_by_id
    assert claim.paid_amount == claim.approved_indemnity == claim.calculated_indemnity > 0
    assert outcome.paid == f"{claim.paid_amount:.2f} EUR" and Decimal(outcome.indemnity) == claim.paid_amount
    assert outcome.explanation and all(isinstance(line, str) and line for line in outcome.explanation)
    # The recovery as the ERP read it is the server's ledger, and the shares add up to what came in.
    from recoveries.ledger import build_ledger
    split = build_ledger(claim=claim).split
    assert (Decimal(outcome.insured_share), Decimal(outcome.insurer_share)) == (split.insured.amount,
                                                                                split.insurer.amount)
    assert Decimal(outcome.insured_share) + Decimal(outcome.insurer_share) == Decimal("1000.00")
    assert Decimal(outcome.insured_share) > 0 and Decimal(outcome.insurer_share) > 0
    assert outcome.documents == len(claim.required_documents) == claim.documents.count() > 0
    assert outcome.webhooks_rejected == 0
    deliveries = WebhookDelivery.objects.filter(endpoint__tenant=tenant)
    assert not deliveries.exclude(state=WebhookDelivery.State.SUCCEEDED).exists()  # every one answered 204
    assert set(deliveries.values_list("event", flat=True)) == {"limit.decided", "overdue.notified",
                                                              "claim.state_changed", "claim.paid",
                                                              "recovery.recorded"}
    # The outsider's book is untouched and nothing was sent on its behalf.
    with scopes_disabled():
        assert not CreditLimit.objects.filter(tenant=other_tenant).exists()
        assert not WebhookDelivery.objects.filter(endpoint__tenant=other_tenant).exists()


def test_the_receiver_refuses_a_tampered_body_and_another_secrets_signature():
    example = load_example()
    receiver = example.WebhookReceiver()
    try:
        from standardwebhooks import Webhook

        secret = "whsec_" + "c2VjcmV0LWZvci10aGUtZXhhbXBsZS10ZXN0"
        receiver.verifier = Webhook(secret)
        body = b'{"id": "e1", "event": "limit.decided", "created_at": "2026-01-01T00:00:00Z", "data": {}}'
        stamp = timezone.now()
        signed = Webhook(secret).sign("msg_1", stamp, body.decode())
        headers = {"webhook-id": "msg_1", "webhook-timestamp": str(int(stamp.timestamp())),
                   "webhook-signature": signed}
        assert receiver.receive(body.replace(b"e1", b"e2"), headers) == 400
        other = Webhook("whsec_" + "b3RoZXItc2VjcmV0LW9mLWFub3RoZXItdGVuYW50").sign("msg_1", stamp, body.decode())
        assert receiver.receive(body, {**headers, "webhook-signature": other}) == 400
        assert receiver.rejected == 2 and receiver.events.empty()
    finally:
        receiver.close()


@pytest.mark.unscoped
@pytest.mark.django_db(transaction=True)
def test_a_refusal_reads_as_problem_details_through_the_client(live_server, book, tenant, outsider_policy):
    """The outsider's policy named in a request is an unknown policy, and the client parses the problem."""
    example = load_example()
    from kredo_client import AuthenticatedClient
    from kredo_client.api.limits import v1_limits_create
    from kredo_client.models import LimitRequestInputRequest, Money

    client = AuthenticatedClient(base_url=live_server.url, token=token(tenant, [CREDIT_MANAGER]), prefix="Token",
                                 headers={"Accept-Language": "es"})
    body = LimitRequestInputRequest(policy=outsider_policy.pk, buyer=make_buyer().pk, terms_days=60,
                                    amount=Money(amount="1000.00", currency="EUR"))
    with pytest.raises(example.KredoError) as refused:
        example.expect(v1_limits_create.sync_detailed(client=client, body=body), 201, 202)
    assert (refused.value.status, refused.value.code) == (400, "validation_error")
    assert [pointer for pointer, _code, _detail in refused.value.errors] == ["/policy"]
    assert not CreditLimit.objects.filter(policy=outsider_policy).exists()


def test_the_example_uses_the_client_only():
    """Integrators have the client, not Kredo's code: the example's modules import the standard library, the
    generated client, the Standard Webhooks library and each other, nothing of the project."""
    modules = sorted((ROOT / "examples").glob("*.py"))
    own = {path.stem for path in modules}
    assert {"erp_integration", "insurer_side", "kredo_api"} <= own
    for path in modules:
        tree = ast.parse(path.read_text())
        imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert imported - set(sys.stdlib_module_names) - own <= {"kredo_client", "standardwebhooks"}, path.name


def test_decimal_amounts_survive_the_client():
    """Amounts are strings in the client's models too: no float on the way."""
    sys.path.insert(0, str(ROOT / "clients" / "python"))
    from kredo_client.models import Money

    amount = Money(amount="1234.57", currency="EUR")
    assert amount.to_dict() == {"amount": "1234.57", "currency": "EUR"}
    assert Decimal(Money.from_dict(amount.to_dict()).amount) == Decimal("1234.57")
