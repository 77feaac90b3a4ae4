"""Time the payment experience at insurer scale: the nightly summary over every insured's paid invoices, the
same figures computed live for one buyer, and the insured's credit file.

    .venv/bin/python bench/bench_payment_experience.py                       # 100,000 invoices, throwaway db
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kredo_x .venv/bin/python bench/bench_payment_experience.py \
        --invoices 1000000 --buyers 100000

Builds insureds, policies and buyers, cleared overdues of 4 invoices each (one in five left unpaid), one payment
per overdue allocated to its paid invoices (so each paid invoice has a payment date), then times
`refresh_payment_experience` (a first run writes the summary, a second rewrites the same rows), the live
figures of the busiest buyer, and the credit file of one insured on it. Rolled back at the end.
"""

import argparse
import time
from datetime import date, timedelta
from decimal import Decimal

from _common import RollBack, timed, with_database

INVOICES_PER_OVERDUE = 4


def build(*, invoices: int, buyers: int, tenants: int):
    from accounts.models import Tenant
    from buyers.models import Buyer
    from claims.overdues.models import Invoice, Overdue, OverduePayment, PaymentAllocation
    from policies.models import Policy

    today = date.today()
    stamp = time.time_ns()
    tenant_rows = Tenant.objects.bulk_create([
        Tenant(legal_name=f"Bench Exporter {n}", country="ES", registration_number=f"BENCH{stamp}T{n}",
               contact_email=f"bench{n}@example.com") for n in range(tenants)])
    policies = Policy.objects.bulk_create([
        Policy(tenant=t, number=f"BENCH-{stamp}-{n}", status=Policy.Status.ACTIVE, currency="EUR",
               start_date=today - timedelta(days=700), end_date=today + timedelta(days=30))
        for n, t in enumerate(tenant_rows)])
    buyer_rows = Buyer.objects.bulk_create([
        Buyer(legal_name=f"Bench Buyer {n}", country="DE", registration_number=f"BENCH{stamp}B{n:07d}",
              status=Buyer.Status.CONFIRMED, grade=4) for n in range(buyers)], batch_size=5000)
    overdues = invoices // INVOICES_PER_OVERDUE
    overdue_rows = Overdue.objects.bulk_create([
        Overdue(tenant_id=policies[n % tenants].tenant_id, policy=policies[n % tenants],
                buyer=buyer_rows[(n * 7919) % buyers], currency="EUR", state=Overdue.State.CLEARED,
                notified_on=today - timedelta(days=30 + n % 330), cleared_on=today - timedelta(days=n % 330))
        for n in range(overdues)], batch_size=5000)
    payments = OverduePayment.objects.bulk_create([
        OverduePayment(tenant_id=o.tenant_id, overdue=o, received_on=o.cleared_on, amount=Decimal("4000.00"),
                       currency="EUR") for o in overdue_rows], batch_size=5000)
    invoice_rows = []
    for n, overdue in enumerate(overdue_rows):
        for k in range(INVOICES_PER_OVERDUE):
            due = overdue.cleared_on - timedelta(days=(n + k) % 90)
            unpaid = (n + k) % 5 == 0
            invoice_rows.append(Invoice(
                tenant_id=overdue.tenant_id, overdue=overdue, number=f"F{n}-{k}", invoice_date=due - timedelta(days=60),
                shipment_date=due - timedelta(days=60), due_date=due, amount=Decimal(1000 + 10 * k),
                outstanding=Decimal(1000 + 10 * k) if unpaid else Decimal(0), currency="EUR",
                paid_on=None if unpaid else overdue.cleared_on))
    invoice_rows = Invoice.objects.bulk_create(invoice_rows, batch_size=5000)
    PaymentAllocation.objects.bulk_create([
        PaymentAllocation(tenant_id=i.tenant_id, payment=payments[n // INVOICES_PER_OVERDUE], invoice=i, amount=i.amount)
        for n, i in enumerate(invoice_rows) if i.outstanding == 0], batch_size=5000)
    print(f"data: {tenants} insureds, {buyers} buyers, {len(overdue_rows)} overdues, {len(invoice_rows)} invoices")
    return tenant_rows, buyer_rows


def run(*, invoices: int, buyers: int, tenants: int) -> None:
    from django.db import transaction
    from django_scopes import scopes_disabled

    from buyers.credit_file.models import PaymentExperience
    from buyers.credit_file.selectors import tenant_credit_file
    from claims.overdues.models import Invoice, Overdue
    from claims.overdues.payment_experience import figures_by_buyer, refresh_payment_experience
    from core.tenancy import tenant_scope
    from tests.factories import member

    with scopes_disabled():
        try:
            with transaction.atomic():
                start = time.perf_counter()
                tenant_rows, buyer_rows = build(invoices=invoices, buyers=buyers, tenants=tenants)
                print(f"setup: {time.perf_counter() - start:.1f} s (bulk_create)")
                from django.db import connection

                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                first = timed("refresh_payment_experience, first run", refresh_payment_experience)
                second = timed("refresh_payment_experience, second run", refresh_payment_experience)
                print(f"  buyers summarised: {first} then {second}; rows {PaymentExperience.objects.count()}")
                busiest = (Overdue.objects.values("buyer_id").order_by().annotate(n=__import__("django").db.models
                           .Count("pk")).order_by("-n").values_list("buyer_id", flat=True).first())
                timed("live figures of one buyer, every insured", lambda: figures_by_buyer(
                    Invoice.objects.filter(overdue__buyer_id=busiest)))
                tenant = tenant_rows[0]
                user = member(tenant, ["Credit manager"])
                with tenant_scope(tenant):
                    timed("the insured's credit file on that buyer", lambda: tenant_credit_file(
                        tenant=tenant, user=user, buyer_id=busiest))
                raise RollBack
        except RollBack:
            print("rolled back: the database is as it was")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--buyers", type=int, default=10_000)
    parser.add_argument("--tenants", type=int, default=20)
    parser.add_argument("--configured-db", action="store_true")
    args = parser.parse_args()
    with_database(lambda: run(invoices=args.invoices, buyers=args.buyers, tenants=args.tenants),
                  configured_db=args.configured_db)


if __name__ == "__main__":
    main()
