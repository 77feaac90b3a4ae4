"""Building blocks for overdue tests: invoice lines and a declared overdue."""

from datetime import date, timedelta
from decimal import Decimal

from claims.overdues import services as overdue_services
from claims.overdues.services import InvoiceLine
from core.tenancy import tenant_scope


def invoice_line(number="F-1", due=date(2026, 1, 10), amount="10000", outstanding=None, shipped=date(2025, 12, 1),
                 ) -> InvoiceLine:
    """An invoice shipped and issued on `shipped` (1 December 2025), due 10 January 2026 unless told."""
    return InvoiceLine(number=number, invoice_date=shipped, shipment_date=shipped, due_date=due,
                       amount=Decimal(str(amount)), outstanding=Decimal(str(outstanding or amount)))


def invoice(number="F-1", *, shipped, amount, due=None, outstanding=None) -> InvoiceLine:
    """An invoice shipped on `shipped`, due 60 days later unless told."""
    return invoice_line(number, due=due or shipped + timedelta(days=60), amount=amount, outstanding=outstanding,
                        shipped=shipped)


def declare(tenant, policy, buyer, invoices, notified_on=None):
    """The insured declares an overdue, in its own scope; notified 30 days after the first due date unless told."""
    notified_on = notified_on or min(i.due_date for i in invoices) + timedelta(days=30)
    with tenant_scope(tenant):
        return overdue_services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                                invoices=invoices, notified_on=notified_on)


def saved_on(overdue, day):
    """Backdate when a draft was saved: it may not be notified before that day (notify_overdue)."""
    from datetime import datetime, time

    from django.utils import timezone
    from django_scopes import scopes_disabled

    from claims.overdues.models import Overdue

    with scopes_disabled():
        Overdue.objects.filter(pk=overdue.pk).update(created_at=timezone.make_aware(datetime.combine(day, time(12))))
    overdue.created_at = timezone.make_aware(datetime.combine(day, time(12)))
    return overdue


def post_declaration(client, url, data):
    """Posts an overdue form as an insured who reads the warning would: when it warns of invoices that will
    not be covered (shipped before any limit, in tests about deadlines), it saves again, confirming them."""
    response = client.post(url, data)
    confirmation = response.context.get("confirm_uncovered") if response.context else None
    if response.status_code != 200 or not confirmation:
        return response
    for value in data.values():
        if hasattr(value, "seek"):
            value.seek(0)  # the file is sent again, as the page asks
    return client.post(url, {**data, "confirm_uncovered": confirmation})
