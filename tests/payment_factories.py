"""Building blocks for payment-experience tests: an insured's overdue on a buyer whose invoices were paid."""

from datetime import date
from decimal import Decimal

from claims.overdues import services as overdue_services
from core.tenancy import tenant_scope
from tests.overdue_factories import declare, invoice_line


def paid_invoices(tenant, policy, buyer, payments, *, due=date(2026, 1, 10), notified_on=date(2026, 1, 20)):
    """An overdue of `tenant` on `buyer` listing one invoice per (amount, paid_on), all due on `due`, each paid
    in full on its day (payments go to the oldest invoice first, so in the order given)."""
    lines = [invoice_line(f"P-{index}", due=due, amount=str(amount)) for index, (amount, _paid) in enumerate(payments)]
    overdue = declare(tenant, policy, buyer, lines, notified_on)
    with tenant_scope(tenant):
        for amount, paid_on in payments:
            overdue_services.record_payment(overdue=overdue, amount=Decimal(str(amount)), received_on=paid_on)
    return overdue
