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


# Warnings where cover is stopped or not in force (claims.overdues.selectors.uncovered_invoices)


@pytest.fixture
def insured(tenant, policy, user):
    from tests.factories import logged_in

    return logged_in(user)


def _rows(*rows):
    data = {"invoices-TOTAL_FORMS": "3", "invoices-INITIAL_FORMS": "0", "invoices-MIN_NUM_FORMS": "1",
            "invoices-MAX_NUM_FORMS": "200"}
    for i, (number, shipped) in enumerate(rows):
        data.update({f"invoices-{i}-number": number, f"invoices-{i}-invoice_date": shipped,
                     f"invoices-{i}-shipment_date": shipped, f"invoices-{i}-due_date": "2026-04-01",
                     f"invoices-{i}-amount": "1000", f"invoices-{i}-outstanding": "1000"})
    return data


def _uncovered_declaration(tenant, policy, underwriter, today):
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter,
                  effective=date(2026, 2, 1))
    today(date(2026, 4, 10))
    return {"policy": policy.pk, "buyer": buyer.pk, "reference": "OD-W", **_rows(("F-EARLY", "2026-01-15"),
                                                                                ("F-OK", "2026-02-10"))}


def _overdues(tenant, reference="OD-W"):
    from claims.overdues.models import Overdue
    from core.tenancy import tenant_scope

    with tenant_scope(tenant):
        return list(Overdue.objects.filter(reference=reference))


@pytest.mark.usefixtures("in_tenant_scope")
def test_declaring_an_overdue_warns_which_invoices_are_not_covered_and_why_before_saving(
        insured, tenant, policy, underwriter, today, client_of_outsider):
    data = _uncovered_declaration(tenant, policy, underwriter, today)
    response = insured.post("/overdues/new/", data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Invoice F-EARLY: not covered, because no credit limit on this buyer was in force on the shipment " \
           "date, 2026-01-15." in text
    assert "Invoice F-OK" not in text  # shipped under the limit
    assert "Save anyway" in text
    assert _overdues(tenant) == []  # nothing written before the insured confirms

    confirmed = insured.post("/overdues/new/", {**data, "confirm_uncovered": response.context["confirm_uncovered"]},
                             follow=True)
    # Declared knowingly; the detail page says it once more.
    assert "These invoices will not be covered: F-EARLY, because no credit limit on this buyer was in force on " \
           "the shipment date, 2026-01-15." in confirmed.content.decode()
    [overdue] = _overdues(tenant)
    # The outsider's claim page never reads the tenant's overdue.
    assert client_of_outsider.get(f"/claims/new/?overdue={overdue.pk}").status_code == 404


@pytest.mark.usefixtures("in_tenant_scope")
def test_a_confirmation_given_for_some_invoices_does_not_pass_others(insured, tenant, policy, underwriter, today):
    data = _uncovered_declaration(tenant, policy, underwriter, today)
    confirmation = insured.post("/overdues/new/", data).context["confirm_uncovered"]
    # The insured adds another invoice shipped before the limit: warned again, nothing written.
    changed = {**data, "invoices-2-number": "F-EARLIER", "invoices-2-invoice_date": "2026-01-10",
               "invoices-2-shipment_date": "2026-01-10", "invoices-2-due_date": "2026-04-01",
               "invoices-2-amount": "500", "invoices-2-outstanding": "500", "confirm_uncovered": confirmation}
    response = insured.post("/overdues/new/", changed)
    assert "Invoice F-EARLIER: not covered" in response.content.decode()
    assert _overdues(tenant) == []


@pytest.mark.usefixtures("in_tenant_scope")
def test_the_csv_declaration_warns_before_saving_too(insured, tenant, policy, underwriter, today):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = _uncovered_declaration(tenant, policy, underwriter, today)
    header = {key: data[key] for key in ("policy", "buyer", "reference")}
    rows = ("number,invoice_date,shipment_date,due_date,amount,outstanding\n"
            "F-EARLY,2026-01-15,2026-01-15,2026-04-01,1000,1000\n")

    def upload(**extra):
        return insured.post("/overdues/new/csv/", {**header, **extra,
                                                   "file": SimpleUploadedFile("o.csv", rows.encode())})

    response = upload()
    assert "Choose the file again before you save." in response.content.decode()
    assert _overdues(tenant) == []
    upload(confirm_uncovered=response.context["confirm_uncovered"])
    assert len(_overdues(tenant)) == 1


@pytest.mark.usefixtures("in_tenant_scope")
def test_the_claim_form_warns_before_filing_on_invoices_shipped_after_cover_stopped(tenant, policy, underwriter,
                                                                                  finance, today):
    from claims.overdues import services as overdue_services
    from core.tenancy import tenant_scope
    from tests.factories import logged_in
    from tests.overdue_factories import invoice_line

    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    today(date(2026, 3, 20))
    first = declare(tenant, policy, buyer, [invoice_line("F-1", due=date(2026, 2, 1), shipped=date(2026, 1, 5))],
                    notified_on=date(2026, 3, 1))  # cover on the buyer stops for shipments from 1 March
    with tenant_scope(tenant):
        overdue_services.add_invoices(overdue=first, invoices=[
            invoice_line("F-LATE", due=date(2026, 3, 15), shipped=date(2026, 3, 5))], added_by=finance,
            notified_on=date(2026, 3, 20))
    page = logged_in(finance).get(f"/claims/new/?overdue={first.pk}").content.decode()
    assert "These invoices will not be covered" in page
    assert "F-LATE: not covered, because cover on this buyer was stopped on the shipment date, 2026-03-05" in page
    assert "Invoice F-1:" not in page
