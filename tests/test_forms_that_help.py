"""Forms that help (issue 9, item 7): the claims handler is warned before approving 0.00 and the payment
defaults to the approved amount; formsets speak of invoices and countries, not of forms."""

from datetime import date

import pytest
from django.test import Client

from claims.claims.models import Claim
from claims.overdues.forms import InvoiceFormSet
from policies.premium.forms import TurnoverFormSet
from tests.claim_helpers import approve_limit, complete_claim, late_payer
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]


@pytest.fixture
def handler_client(claims_handler):
    client = Client()
    client.force_login(claims_handler)
    return client


def _review(client, claim, **data):
    return client.post(f"/admin/claims/claim/{claim.pk}/review/", data)


def _claim(tenant, policy, finance, claims_handler, underwriter=None):
    buyer = late_payer()
    if underwriter is not None:
        approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=10_000)])
    return complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=claims_handler)


def test_approving_nothing_payable_needs_the_handlers_confirmation(handler_client, tenant, policy, finance,
                                                                   claims_handler, client_of_outsider):
    claim = _claim(tenant, policy, finance, claims_handler)  # no limit on the buyer: nothing is covered
    assert client_of_outsider.get(f"/admin/claims/claim/{claim.pk}/review/").status_code == 302  # to the login
    page = handler_client.get(f"/admin/claims/claim/{claim.pk}/review/").content.decode()
    assert "The calculated indemnity is €0.00: approving it pays the insured nothing." in page
    response = _review(handler_client, claim, action="approve")
    assert response.status_code == 200 and "tick the box to approve it anyway" in response.content.decode()
    claim.refresh_from_db()
    assert claim.state == Claim.State.COMPLETE
    assert _review(handler_client, claim, action="approve", confirm_nothing_payable="on").status_code == 302
    claim.refresh_from_db()
    assert (claim.state, claim.approved_indemnity) == (Claim.State.APPROVED, 0)


def test_a_claim_with_something_to_pay_is_approved_without_the_box(handler_client, tenant, policy, finance,
                                                                  claims_handler, underwriter):
    claim = _claim(tenant, policy, finance, claims_handler, underwriter)
    assert "pays the insured nothing" not in handler_client.get(
        f"/admin/claims/claim/{claim.pk}/review/").content.decode()
    assert _review(handler_client, claim, action="approve").status_code == 302
    # The payment form is filled with the approved amount; sent as it is, it pays that amount.
    page = handler_client.get(f"/admin/claims/claim/{claim.pk}/review/")
    assert page.context["form"]["amount"].value() == 9000
    assert _review(handler_client, claim, action="pay", paid_on=date.today().isoformat()).status_code == 302
    claim.refresh_from_db()
    assert (claim.state, claim.paid_amount) == (Claim.State.PAID, 9000)


def _management(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "1",
            f"{prefix}-MAX_NUM_FORMS": "1000"}


def test_an_overdue_without_invoices_says_so_in_words():
    rows = InvoiceFormSet(_management("invoices", 3), prefix="invoices")
    assert not rows.is_valid()
    assert rows.non_form_errors() == ["Fill in at least one invoice: its number, dates and amounts."]


def test_too_many_rows_says_what_to_do():
    rows = TurnoverFormSet(_management("rows", 301), prefix="rows")
    assert not rows.is_valid()
    assert rows.non_form_errors() == ["Declare at most 300 countries at once: upload a CSV file for more."]
