"""Overdue notifications: lateness at the boundary (example 6), cover stop, payments oldest first."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from moneyed import Money

from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from claims.overdues.selectors import overdues_for_tenant
from core.exceptions import DomainError
from core.tenancy import tenant_scope
from limits.selectors import cover_in_force
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]



@pytest.mark.parametrize("notified_on,late", [(date(2026, 3, 11), False), (date(2026, 3, 12), True)])
def test_example_6_notification_deadline_is_60_days_after_due_date(tenant, policy, buyer, notified_on, late):
    overdue = declare(tenant, policy, buyer, [invoice_line()], notified_on)
    assert overdue.invoices.get().notified_late is late


def test_overdue_stops_cover_from_the_notification_date(tenant, policy, buyer, limit):
    declare(tenant, policy, buyer, [invoice_line(due=date(2026, 2, 20))], date(2026, 3, 2))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 1)).amount == Money(50_000, "EUR")
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 2)).stopped


def test_late_notification_stops_cover_from_the_end_of_the_maximum_extension(tenant, policy, buyer, limit):
    # Due 10 January: the maximum extension ends 11 March; shipments from 12 March are not covered, notified or not.
    declare(tenant, policy, buyer, [invoice_line()], date(2026, 4, 1))
    assert not cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 11)).stopped
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 12)).stopped


@pytest.mark.parametrize(
    "bad,message",
    [
        (invoice_line(due=date(2025, 11, 30)), "due date is before the invoice date"),
        (invoice_line(amount="-5"), "greater than zero"),
        (invoice_line(amount="100", outstanding="150"), "at most the invoice amount"),
        (invoice_line(number=" "), "invoice number is required"),
    ],
)
def test_bad_invoices_are_refused_and_nothing_is_written(tenant, policy, buyer, bad, message):
    with pytest.raises(DomainError, match=message):
        declare(tenant, policy, buyer, [invoice_line("OK-1"), bad], date(2026, 2, 1))
    assert not Overdue.objects.exists() and not Invoice.objects.exists()


def test_one_open_overdue_per_buyer(tenant, policy, buyer):
    declare(tenant, policy, buyer, [invoice_line()], date(2026, 2, 1))
    with pytest.raises(DomainError, match="already open"):
        declare(tenant, policy, buyer, [invoice_line("F-2")], date(2026, 2, 2))


def test_database_refuses_an_invoice_due_before_it_was_issued(tenant, policy, buyer):
    overdue = declare(tenant, policy, buyer, [invoice_line()], date(2026, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Invoice.objects.create(tenant=tenant, overdue=overdue, number="X", invoice_date=date(2026, 2, 1),
                               shipment_date=date(2026, 2, 1), due_date=date(2026, 1, 1), amount=1, outstanding=1,
                               currency="EUR")


def test_payments_go_to_the_oldest_invoice_first_and_clear_the_overdue(tenant, policy, buyer, underwriter, limit):
    overdue = declare(tenant, policy, buyer, [invoice_line("NEW", due=date(2026, 2, 10), amount="3000"),
                                              invoice_line("OLD", due=date(2026, 1, 10), amount="5000")], date(2026, 2, 20))
    services.record_payment(overdue=overdue, amount=Decimal("6000"), received_on=date(2026, 2, 25))
    outstanding = dict(overdue.invoices.values_list("number", "outstanding"))
    assert outstanding == {"OLD": Decimal("0"), "NEW": Decimal("2000")}
    with pytest.raises(DomainError, match="more than what is outstanding"):
        services.record_payment(overdue=overdue, amount=Decimal("2000.01"), received_on=date(2026, 2, 26))
    with pytest.raises(DomainError, match="only once the overdue is cleared"):
        services.reinstate_cover(overdue=overdue, reinstated_by=underwriter, on=date(2026, 3, 1))
    services.record_payment(overdue=overdue, amount=Decimal("2000"), received_on=date(2026, 2, 27))
    overdue.refresh_from_db()
    assert (overdue.state, overdue.cleared_on) == (Overdue.State.CLEARED, date(2026, 2, 27))
    # Still stopped until the underwriter reinstates cover.
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 5)).stopped
    services.reinstate_cover(overdue=overdue, reinstated_by=underwriter, on=date(2026, 3, 10))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 10)).amount == Money(50_000, "EUR")


def test_designated_payment_goes_to_that_invoice(tenant, policy, buyer):
    overdue = declare(tenant, policy, buyer, [invoice_line("A", due=date(2026, 1, 10)), invoice_line("B", due=date(2026, 1, 20))],
                      date(2026, 2, 1))
    b = overdue.invoices.get(number="B")
    services.record_payment(overdue=overdue, amount=Decimal("4000"), received_on=date(2026, 2, 2), designated_invoice=b)
    assert dict(overdue.invoices.values_list("number", "outstanding")) == {"A": Decimal("10000"), "B": Decimal("6000")}


def test_underwriter_waives_lateness(tenant, policy, buyer, underwriter):
    overdue = declare(tenant, policy, buyer, [invoice_line()], date(2026, 3, 12))
    invoice = services.waive_lateness(invoice=overdue.invoices.get(), waived_by=underwriter)
    assert invoice.lateness_waived


# The outsider: another insured's overdue on the same buyer

def test_an_outsiders_overdue_on_the_same_buyer_stops_neither_the_tenants_cover_nor_shows(
    tenant, policy, buyer, limit, other_tenant, outsider_policy
):
    declare(other_tenant, outsider_policy, buyer, [invoice_line("THEIRS-1", due=date(2026, 2, 20))], date(2026, 3, 2))
    assert not cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 5)).stopped
    assert list(overdues_for_tenant(tenant=tenant)) == []


def test_a_payment_on_an_outsiders_overdue_cannot_be_recorded_from_the_tenants_side(
    tenant, policy, buyer, other_tenant, outsider_policy
):
    theirs = declare(other_tenant, outsider_policy, buyer, [invoice_line("THEIRS-1")], date(2026, 2, 1))
    with pytest.raises(Overdue.DoesNotExist):
        services.record_payment(overdue=theirs, amount=Decimal("10000"), received_on=date(2026, 2, 2))
    with tenant_scope(other_tenant):
        assert theirs.invoices.get().outstanding == Decimal("10000")
        assert theirs.payments.count() == 0
