"""The insured's recovery pages: the list, the recourse statement (examples 8 and 9), a direct receipt, the CSV."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from moneyed import Money

from accounts.roles import CREDIT_MANAGER, TENANT_ADMIN
from claims.claims import services as claims
from recoveries import services
from recoveries.ledger import build_ledger
from recoveries.models import CollectionCase, Recovery
from recoveries.selectors import claims_with_recoveries, summarize
from tests.claim_helpers import approve_limit, complete_claim, complete_claim_on, late_payer, paid_claim
from tests.factories import PolicyFactory, eur, logged_in, member
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]
TODAY = date.today()
LIST = "/recoveries/"


def statement_url(claim):
    return f"/recoveries/claims/{claim.pk}/"


def recover(claim, amount, source=Recovery.Source.LIQUIDATOR):
    return services.record_recovery(claim=claim, amount=eur(amount), received_on=TODAY, source=source)


# --- Example 8 on the recourse statement ------------------------------------------------------------------

@pytest.mark.parametrize("rule,insurer,insured,owed", [
    ("pro_rata", "4500.00", "500.00", "The insurer owes you €500.00"),
    ("insurer_first", "5000.00", "0.00", "Nothing is owed either way."),
])
def test_example_8_statement_shows_the_shares_and_who_owes_whom(tenant, finance, client_of_finance, claims_handler,
                                                                  underwriter, rule, insurer, insured, owed):
    claim = paid_claim(tenant, finance, claims_handler, underwriter, rule=rule)
    recover(claim, 5_000)
    response = client_of_finance.get(statement_url(claim))
    assert response.status_code == 200
    totals = {row["label"]: row["amount"].amount for row in response.context["totals"]}
    assert str(totals["Indemnity paid by the insurer"]) == "9000.00"
    assert str(totals["Insurer's share (kept by the insurer)"]) == insurer
    assert str(totals["Your share (what you get back)"]) == insured
    assert str(totals["Net cost of the claim to the insurer"]) == str(Decimal("9000.00") - Decimal(insurer))
    line = response.context["lines"][0]
    assert (str(line["insurer_share"].amount), str(line["insured_share"].amount)) == (insurer, insured)
    assert owed in response.content.decode()


def test_example_9_recovery_before_payment_is_marked_as_having_reduced_the_loss(tenant, policy, finance,
                                                                                client_of_finance, claims_handler,
                                                                                underwriter):
    claim = complete_claim_on(tenant, policy, finance, claims_handler, underwriter)
    recover(claim, 4_000, source=Recovery.Source.BUYER)
    claim = claims.approve_claim(claim=claim, approved_by=claims_handler)
    claims.record_claim_payment(claim=claim, amount=eur(5_400), paid_on=TODAY, recorded_by=claims_handler)
    response = client_of_finance.get(statement_url(claim))
    [line] = response.context["lines"]
    assert line["reduced_loss"] and line["insurer_share"] is None
    totals = {row["label"]: str(row["amount"].amount) for row in response.context["totals"]}
    assert totals["Indemnity paid by the insurer"] == "5400.00"
    assert totals["Recovered before payment (reduced the loss)"] == "4000.00"
    assert totals["Net recovery to share"] == "0.00"
    assert "before payment: reduced the loss" in response.content.decode()


def test_statement_shows_the_collection_status_to_the_insured(tenant, finance, client_of_finance, claims_handler,
                                                              underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    case = services.open_collection_case(overdue=claim.overdue, claim=claim, agency="Cobros Madrid SL")
    services.update_collection_status(case=case, status=CollectionCase.Status.PAYMENT_PLAN, note="12 instalments")
    body = client_of_finance.get(statement_url(claim)).content.decode()
    assert "Payment plan agreed" in body and "12 instalments" in body and "Cobros Madrid SL" in body
    row = client_of_finance.get(LIST).context["rows"][0]
    assert row["collection_status"] == CollectionCase.Status.PAYMENT_PLAN


# --- A direct receipt declared in the browser ------------------------------------------------------------

def test_direct_receipt_declared_in_the_browser_is_owed_to_the_insurer(tenant, finance, client_of_finance,
                                                                      claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    response = client_of_finance.post(statement_url(claim), {"amount": "5000.00", "received_on": TODAY.isoformat(),
                                                          "note": "Transfer from the buyer"})
    assert response.status_code == 302
    recovery = Recovery.objects.get(claim=claim)
    assert (recovery.source, recovery.recorded_by) == (Recovery.Source.INSURED_DIRECT, finance)
    page = client_of_finance.get(statement_url(claim))
    assert "You owe the insurer €4,500.00" in page.content.decode()
    assert "You owe the insurer €4,500.00" in client_of_finance.get(LIST).content.decode()


def test_settling_what_was_received_directly_squares_the_statement(tenant, finance, client_of_finance, claims_handler,
                                                                  underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    services.declare_direct_receipt(tenant=tenant, claim=claim, amount=eur(5_000), received_on=TODAY,
                                    declared_by=finance)
    services.record_settlement(claim=claim, amount=eur(4_500), settled_on=TODAY, to_insurer=True)
    response = client_of_finance.get(statement_url(claim))
    receipt_line, settlement_line = response.context["lines"]
    assert str(receipt_line["held_by"]) == "You" and settlement_line["label"] == "Paid by you to the insurer"
    assert "Nothing is owed either way." in response.content.decode()


@pytest.mark.parametrize("data,field", [
    ({"amount": "0", "received_on": TODAY.isoformat()}, "amount"),
    ({"amount": "-5", "received_on": TODAY.isoformat()}, "amount"),
    ({"amount": "100", "received_on": (TODAY + timedelta(days=1)).isoformat()}, "received_on"),
    ({"amount": "abc", "received_on": TODAY.isoformat()}, "amount"),
    ({"amount": "100", "received_on": "31/02/2026"}, "received_on"),
])
def test_bad_direct_receipt_is_a_form_error_and_writes_nothing(tenant, finance, client_of_finance, claims_handler,
                                                               underwriter, data, field):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    response = client_of_finance.post(statement_url(claim), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Recovery.objects.exists()


def test_declaring_needs_the_finance_permission(tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    admin_client = logged_in(member(tenant, [TENANT_ADMIN]))  # may read claims, may not declare
    page = admin_client.get(statement_url(claim))
    assert page.status_code == 200 and page.context["form"] is None
    response = admin_client.post(statement_url(claim), {"amount": "100", "received_on": TODAY.isoformat()})
    assert response.status_code == 403
    assert not Recovery.objects.exists()


def test_a_user_who_may_not_see_claims_is_refused(tenant, finance, claims_handler, underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    credit_manager = logged_in(member(tenant, [CREDIT_MANAGER]))
    for url in (LIST, statement_url(claim), f"{statement_url(claim)}statement.csv"):
        assert credit_manager.get(url).status_code == 403


# --- CSV ------------------------------------------------------------------------------------------------

def test_statement_csv_has_the_lines_and_totals_as_decimal_strings(tenant, finance, client_of_finance, claims_handler,
                                                                   underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    recover(claim, 5_000)
    services.record_collection_cost(claim=claim, amount=eur("1000.50"), incurred_on=TODAY, kind="legal_fees")
    response = client_of_finance.get(f"{statement_url(claim)}statement.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    recovery, cost = rows[0], rows[1]
    assert recovery == {"date": TODAY.isoformat(), "kind": "recovery", "label": "Liquidator or administrator",
                        "held_by": "insurer", "reduced_loss": "false", "amount": "5000.00", "currency": "EUR",
                        "insurer_share_to_date": "4500.00", "insured_share_to_date": "500.00"}
    # Net 3,999.50 at 90%: 3,599.55 to the insurer, the rest to the insured.
    assert (cost["kind"], cost["amount"], cost["insurer_share_to_date"], cost["insured_share_to_date"]) == (
        "cost", "1000.50", "3599.55", "399.95")
    totals = {r["label"]: r["amount"] for r in rows if r["kind"] == "total"}
    assert totals["indemnity_paid"] == "9000.00" and totals["net_recovery"] == "3999.50"
    assert totals["insurer_owes_insured"] == "399.95" and totals["insured_owes_insurer"] == "0.00"


# --- Isolation --------------------------------------------------------------------------------------------

def test_outsider_sees_nothing_of_the_tenants_recoveries(tenant, finance, client_of_outsider, claims_handler,
                                                         underwriter):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    recover(claim, 5_000)
    for url in (statement_url(claim), f"{statement_url(claim)}statement.csv"):
        assert client_of_outsider.get(url).status_code == 404
    response = client_of_outsider.post(statement_url(claim), {"amount": "100", "received_on": TODAY.isoformat()})
    assert response.status_code == 404
    assert client_of_outsider.get(LIST).context["rows"] == []
    assert Recovery.objects.count() == 1


# --- The list ---------------------------------------------------------------------------------------------

def _more_paid_claims(claim, n):
    """Copies of a paid claim on new overdues of the same buyer: quick rows for the query count."""
    overdue = claim.overdue
    copies = []
    for i in range(n):
        new_overdue = type(overdue).objects.get(pk=overdue.pk)
        new_overdue.pk = None
        new_overdue.reference = f"COPY-{i}"
        new_overdue.save()
        copy = type(claim).objects.get(pk=claim.pk)
        copy.pk = None
        copy.overdue = new_overdue
        copy.reference = f"COPY-{i}"
        copy.save()
        copies.append(copy)
    return copies


def test_list_totals_agree_with_the_ledger_without_a_query_per_claim(tenant, finance, client_of_finance,
                                                                     claims_handler, underwriter,
                                                                     django_assert_num_queries):
    claim = paid_claim(tenant, finance, claims_handler, underwriter)
    for copy in [claim, *_more_paid_claims(claim, 8)]:
        recover(copy, 5_000)
        services.declare_direct_receipt(tenant=tenant, claim=copy, amount=eur(1_000), received_on=TODAY,
                                        declared_by=finance)
        services.record_collection_cost(claim=copy, amount=eur(200), incurred_on=TODAY, kind="other")
        services.record_settlement(claim=copy, amount=eur(100), settled_on=TODAY, to_insurer=True)
        services.open_collection_case(overdue=copy.overdue, claim=copy)
    # Session, user, membership, permissions (2), count, the claims with their totals: 7 whatever the rows.
    with django_assert_num_queries(10):
        response = client_of_finance.get(LIST)
    assert response.status_code == 200 and len(response.context["rows"]) == 9
    for row_claim in claims_with_recoveries(tenant=tenant):
        summary, ledger = summarize(row_claim), build_ledger(claim=row_claim)
        assert (summary.split, summary.insured_owes_insurer, summary.insurer_owes_insured) == (
            ledger.split, ledger.insured_owes_insurer, ledger.insurer_owes_insured)


def test_list_has_claims_with_recoveries_before_payment_but_not_other_open_claims(tenant, finance, claims_handler,
                                                                                  underwriter):
    policy = PolicyFactory(tenant=tenant)
    claims_ = []
    for _ in range(2):
        buyer = late_payer()
        approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
        overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                          invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
        claims_.append(complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler))
    services.record_recovery(claim=claims_[0], amount=Money(1_000, "EUR"), received_on=TODAY, source="buyer")
    assert list(claims_with_recoveries(tenant=tenant)) == [claims_[0]]
