"""Due-date extensions (counted within the maximum, beyond it only with consent), more invoices, deadlines."""

from datetime import date
from decimal import Decimal

import pytest

from claims.overdues import services
from claims.overdues.models import Invoice, Overdue
from claims.overdues.selectors import (
    deadlines_of,
    effective_due_date,
    invoice_rows,
    overdue_detail,
    overdues_for_tenant,
)
from core.exceptions import DomainError
from core.models import WebhookDelivery
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]


@pytest.fixture
def overdue(tenant, policy, buyer):
    return declare(tenant, policy, buyer, [invoice_line()], date(2026, 2, 1))


def test_an_extension_within_the_maximum_moves_every_deadline(overdue, policy, user):
    invoice = services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=date(2026, 3, 11), requested_by=user)
    assert effective_due_date(invoice, policy) == date(2026, 3, 11)
    deadlines = deadlines_of(invoice, policy)
    assert (deadlines.notification_deadline, deadlines.waiting_period_end, deadlines.claim_filing_deadline) == (
        date(2026, 5, 10), date(2026, 8, 8), date(2026, 11, 6))


def test_an_extension_beyond_the_maximum_counts_only_after_consent(overdue, policy, user, underwriter):
    invoice = services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=date(2026, 3, 12), requested_by=user)
    # Recorded, but without consent the invoice keeps its original due date for every deadline (domain.md).
    assert invoice.extended_due_date == date(2026, 3, 12) and not invoice.extension_consented
    assert effective_due_date(invoice, policy) == date(2026, 1, 10)
    assert deadlines_of(invoice, policy).claim_filing_deadline == date(2026, 9, 7)
    invoice = services.consent_extension(invoice=invoice, consented_by=underwriter)
    assert effective_due_date(invoice, policy) == date(2026, 3, 12)
    with pytest.raises(DomainError, match="already consented"):
        services.consent_extension(invoice=invoice, consented_by=underwriter)


def test_a_new_extension_needs_consent_again(overdue, policy, user, underwriter):
    invoice = services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=date(2026, 4, 1), requested_by=user)
    services.consent_extension(invoice=invoice, consented_by=underwriter)
    invoice = services.extend_due_date(invoice=invoice, new_due_date=date(2026, 5, 1), requested_by=user)
    assert not invoice.extension_consented and effective_due_date(invoice, policy) == date(2026, 1, 10)


def test_the_maximum_is_the_policys_term(tenant, buyer, user):
    from tests.factories import PolicyFactory

    strict = PolicyFactory(tenant=tenant, max_extension_days=30)
    od = declare(tenant, strict, buyer, [invoice_line()], date(2026, 2, 1))
    invoice = services.extend_due_date(invoice=od.invoices.get(), new_due_date=date(2026, 2, 10), requested_by=user)
    assert effective_due_date(invoice, strict) == date(2026, 1, 10)


@pytest.mark.parametrize(
    "new_due_date,message", [(date(2026, 1, 10), "after the original due date"), (date(2025, 12, 1), "after the original")]
)
def test_an_extension_must_be_later_than_the_due_date(overdue, user, new_due_date, message):
    with pytest.raises(DomainError, match=message):
        services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=new_due_date, requested_by=user)
    assert overdue.invoices.get().extended_due_date is None


def test_consent_is_refused_without_an_extension_or_within_the_maximum(overdue, user, underwriter):
    invoice = overdue.invoices.get()
    with pytest.raises(DomainError, match="No extension"):
        services.consent_extension(invoice=invoice, consented_by=underwriter)
    services.extend_due_date(invoice=invoice, new_due_date=date(2026, 2, 1), requested_by=user)
    with pytest.raises(DomainError, match="needs no consent"):
        services.consent_extension(invoice=invoice, consented_by=underwriter)


def test_extensions_only_on_open_overdues(overdue, user):
    services.record_payment(overdue=overdue, amount=Decimal("10000"), received_on=date(2026, 2, 2))
    with pytest.raises(DomainError, match="open overdues only"):
        services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=date(2026, 2, 1), requested_by=user)


# More invoices on an open overdue


def test_added_invoices_are_late_against_the_day_they_are_added(overdue, user):
    services.add_invoices(overdue=overdue, invoices=[invoice_line("F-2"), invoice_line("F-3", due=date(2026, 1, 11))], added_by=user,
                          notified_on=date(2026, 3, 12))
    assert dict(overdue.invoices.values_list("number", "notified_late")) == {"F-1": False, "F-2": True, "F-3": False}


@pytest.mark.parametrize(
    "lines,message",
    [
        ([invoice_line("F-1")], "listed twice"),
        ([invoice_line("F-2"), invoice_line("F-2")], "listed twice"),
        ([invoice_line("F-2", due=date(2025, 11, 1))], "before the invoice date"),
        ([invoice_line("F-2", amount="-1")], "greater than zero"),
        ([], "at least one"),
    ],
)
def test_bad_added_invoices_write_nothing(overdue, user, lines, message):
    with pytest.raises(DomainError, match=message):
        services.add_invoices(overdue=overdue, invoices=lines, added_by=user, notified_on=date(2026, 2, 2))
    assert overdue.invoices.count() == 1


def test_invoices_are_not_added_before_the_notification_or_to_a_cleared_overdue(overdue, user):
    with pytest.raises(DomainError, match="before the overdue itself"):
        services.add_invoices(overdue=overdue, invoices=[invoice_line("F-2")], added_by=user, notified_on=date(2026, 1, 31))
    services.record_payment(overdue=overdue, amount=Decimal("10000"), received_on=date(2026, 2, 2))
    with pytest.raises(DomainError, match="open overdues only"):
        services.add_invoices(overdue=overdue, invoices=[invoice_line("F-2")], added_by=user, notified_on=date(2026, 2, 3))
    assert Invoice.objects.count() == 1


# Selectors


def test_selectors_are_scoped_to_the_tenant(overdue, tenant, other_tenant):
    assert list(overdues_for_tenant(tenant=other_tenant)) == []
    with pytest.raises(Overdue.DoesNotExist):
        overdue_detail(tenant=other_tenant, pk=overdue.pk)
    detail = overdue_detail(tenant=tenant, pk=overdue.pk)
    assert detail.total_outstanding == Decimal("10000") and detail.late_invoices == 0
    (row,) = detail.invoice_rows
    assert row.deadlines.waiting_period_end == date(2026, 6, 9) and not row.extension_pending_consent


def test_invoice_rows_flag_an_extension_waiting_for_consent(overdue, tenant, user):
    services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=date(2026, 6, 1), requested_by=user)
    (row,) = invoice_rows(overdue=overdue_detail(tenant=tenant, pk=overdue.pk))
    assert row.extension_pending_consent and row.effective_due_date == date(2026, 1, 10)


def test_no_webhook_without_a_subscribed_endpoint(overdue):
    assert not WebhookDelivery.objects.exists()


def test_the_cover_stop_follows_an_older_invoice_added_later(tenant, policy, buyer, user):
    from limits.models import CoverStop

    # Due 20 March, notified 1 May: the maximum extension ended 19 May, so the stop starts at the notification.
    overdue = declare(tenant, policy, buyer, [invoice_line(due=date(2026, 3, 20))], date(2026, 5, 1))
    assert CoverStop.objects.get(pk=overdue.cover_stop_id).stopped_from == date(2026, 5, 1)
    # An invoice due 10 January ended its maximum extension on 11 March: no shipment is covered from 12 March.
    services.add_invoices(overdue=overdue, invoices=[invoice_line("F-0")], added_by=user, notified_on=date(2026, 5, 2))
    assert CoverStop.objects.get(pk=overdue.cover_stop_id).stopped_from == date(2026, 3, 12)


def test_the_cover_stop_follows_an_extension_that_counts(tenant, policy, buyer, user):
    from limits.models import CoverStop

    overdue = declare(tenant, policy, buyer, [invoice_line()], date(2026, 4, 1))
    assert CoverStop.objects.get(pk=overdue.cover_stop_id).stopped_from == date(2026, 3, 12)
    services.extend_due_date(invoice=overdue.invoices.get(), new_due_date=date(2026, 2, 10), requested_by=user)
    # Due 10 February now: the maximum extension ends 11 April, after the notification on 1 April.
    assert CoverStop.objects.get(pk=overdue.cover_stop_id).stopped_from == date(2026, 4, 1)
