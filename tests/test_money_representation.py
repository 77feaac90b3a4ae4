"""One Money representation in every output (issue 14 item 1): {"amount": "<decimal at the currency's minor
unit>", "currency": "ISO"} in the API and webhooks, a plain decimal at the minor unit in CSV files.

A JPY claim reads "9000" (not "9000.00"), a KWD one "9000.000", a calculation line "10000.00" (not
"10000.0000"). Another insured's claim is at hand and reached by no one here.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from moneyed import Money

from accounts.roles import FINANCE
from claims.claims import services as claims
from core.tenancy import tenant_scope
from limits import services as limit_services
from limits.models import CreditLimit, LimitDecision
from tests.claim_helpers import complete_claim, late_payer
from tests.factories import PolicyFactory, logged_in, member
from tests.overdue_factories import declare, invoice

# Places at the minor unit (ISO 4217): yen none, euro two, Kuwaiti dinar three.
PLACES = {"JPY": 0, "EUR": 2, "KWD": 3}


def at_minor_unit(amount: int, currency: str) -> str:
    places = PLACES[currency]
    return f"{amount}.{'0' * places}" if places else str(amount)


def paid_claim_in(currency, *, tenant, finance, handler, underwriter, invoice_amount=10_000):
    """A 50,000 limit and a 10,000 overdue in `currency`, its claim approved (9,000 at 90%) and paid."""
    policy = PolicyFactory(tenant=tenant, currency=currency)
    buyer = late_payer()
    with tenant_scope(tenant):
        outcome = limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                               amount=Money(50_000, currency), terms_days=60,
                                               today=date(2026, 1, 2))
    if not outcome.decided:
        with scopes_disabled():
            limit_services.decide_limit(limit=outcome.limit, decided_by=underwriter,
                                        kind=LimitDecision.Kind.APPROVED, effective_date=date(2026, 1, 2))
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=invoice_amount)])
    claim = complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)
    with scopes_disabled():
        claim = claims.approve_claim(claim=claim, approved_by=handler)
        return claims.record_claim_payment(claim=claim, amount=Money(claim.approved_indemnity, currency),
                                           paid_on=timezone.localdate(), recorded_by=handler)


@pytest.fixture
def outsider_claim(other_tenant, claims_handler, underwriter):
    return paid_claim_in("EUR", tenant=other_tenant, finance=member(other_tenant, [FINANCE]),
                         handler=claims_handler, underwriter=underwriter)


@pytest.mark.parametrize("currency", ["JPY", "EUR", "KWD"])
def test_claim_amounts_and_calculation_lines_at_the_currency_minor_unit(
        currency, tenant, finance, claims_handler, underwriter, api_client, outsider_claim, media):
    claim = paid_claim_in(currency, tenant=tenant, finance=finance, handler=claims_handler, underwriter=underwriter)

    body = api_client.get(f"/api/v1/claims/{claim.pk}/").json()

    nine_thousand = {"amount": at_minor_unit(9000, currency), "currency": currency}
    assert body["calculated_indemnity"] == nine_thousand
    assert body["approved_indemnity"] == nine_thousand
    assert body["paid_amount"] == nine_thousand
    assert body["recovered_before_payment"] == {"amount": at_minor_unit(0, currency), "currency": currency}
    (line,) = body["calculation"]["lines"]
    assert line["covered"] == {"amount": at_minor_unit(10_000, currency), "currency": currency}
    assert line["indemnity"] == nine_thousand
    assert body["calculation"]["indemnity"] == nine_thousand
    assert api_client.get(f"/api/v1/claims/{outsider_claim.pk}/").status_code == 404


def test_a_dinar_claim_keeps_its_fils_from_the_invoice_to_the_payment(
        tenant, finance, claims_handler, underwriter, api_client, outsider_claim, media):
    """KWD has three places and so do the money columns: 10,000.125 at 90% is 9,000.1125, rounded once, half up,
    to 9,000.113 (domain.md, rule 12), stored, approved and paid as such."""
    claim = paid_claim_in("KWD", tenant=tenant, finance=finance, handler=claims_handler, underwriter=underwriter,
                          invoice_amount="10000.125")
    claim.refresh_from_db()
    assert claim.calculated_indemnity == claim.paid_amount == Decimal("9000.113")
    body = api_client.get(f"/api/v1/claims/{claim.pk}/").json()
    assert body["paid_amount"] == {"amount": "9000.113", "currency": "KWD"}
    assert body["calculation"]["lines"][0]["outstanding"] == {"amount": "10000.125", "currency": "KWD"}
    assert api_client.get(f"/api/v1/claims/{outsider_claim.pk}/").status_code == 404


def test_a_dinar_limit_requested_with_fils_is_held_to_the_fils(tenant, api_client, underwriter):
    policy = PolicyFactory(tenant=tenant, currency="KWD")
    response = api_client.post("/api/v1/limits/", {"policy": policy.pk, "buyer": late_payer().pk, "terms_days": 60,
                                                   "amount": {"amount": "1500.125", "currency": "KWD"}}, format="json")
    assert response.status_code in (201, 202), response.content
    assert response.json()["requested"] == {"amount": "1500.125", "currency": "KWD"}
    with tenant_scope(tenant):
        assert CreditLimit.objects.get(pk=response.json()["id"]).requested_amount == Decimal("1500.125")


@pytest.mark.parametrize("currency", ["JPY", "KWD"])
def test_limits_overdues_and_csv_at_the_currency_minor_unit(
        currency, tenant, finance, claims_handler, underwriter, api_client, outsider_claim, media):
    claim = paid_claim_in(currency, tenant=tenant, finance=finance, handler=claims_handler, underwriter=underwriter)
    fifty, ten = at_minor_unit(50_000, currency), at_minor_unit(10_000, currency)

    (limit,) = api_client.get("/api/v1/limits/", {"policy": claim.policy_id}).json()["results"]
    assert limit["requested"] == {"amount": fifty, "currency": currency}
    decisions = api_client.get(f"/api/v1/limits/{limit['id']}/").json()["decisions"]
    assert {d["amount"]["amount"] for d in decisions} <= {fifty, at_minor_unit(0, currency)}
    overdue = api_client.get(f"/api/v1/overdues/{claim.overdue_id}/").json()
    assert overdue["total_outstanding"]["amount"] == ten
    assert overdue["invoices"][0]["amount"] == {"amount": ten, "currency": currency}

    csv = logged_in(finance).get("/limits/export.csv")
    rows = [line.split(",") for line in b"".join(csv.streaming_content).decode().splitlines()]
    header, (row,) = rows[0], [r for r in rows[1:] if r[rows[0].index("currency")] == currency]
    assert row[header.index("requested_amount")] == fifty
    assert row[header.index("decided_amount")] == fifty


@pytest.mark.parametrize("currency", ["JPY", "EUR", "KWD"])
def test_statement_csv_files_write_plain_decimals_at_the_minor_unit(
        currency, tenant, finance, claims_handler, underwriter, outsider_claim, media):
    claim = paid_claim_in(currency, tenant=tenant, finance=finance, handler=claims_handler, underwriter=underwriter)
    client = logged_in(finance)

    ledger = client.get(f"/recoveries/claims/{claim.pk}/statement.csv").content.decode().splitlines()
    assert f",total,indemnity_paid,,,{at_minor_unit(9000, currency)},{currency},," in ledger
    policy = client.get(f"/recoveries/policies/{claim.policy_id}/statement.csv").content.decode()
    assert f",{at_minor_unit(9000, currency)},{currency}" in policy and "€" not in policy
    assert client.get(f"/recoveries/claims/{outsider_claim.pk}/statement.csv").status_code == 404
