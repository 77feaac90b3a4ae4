"""Premium invoices, payments and cover suspended for unpaid premium (issue 10, item 5; domain.md, example 18)."""

from datetime import UTC, date
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled
from moneyed import Money

from core.exceptions import DomainError
from core.models import Notification, WebhookDelivery
from limits.selectors import cover_in_force
from policies.premium.invoices import record_payment, run_invoice_job
from policies.premium.models import PremiumInvoice, PremiumPayment, PremiumSuspension
from policies.premium.services import declare_turnover, run_premium_job
from policies.premium.suspension import suspended_on
from tests.factories import PolicyFactory, eur

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

Kind = PremiumInvoice.Kind


@pytest.fixture
def policy(tenant):
    """Example 18's policy: from 1 January 2026, deposit (the minimum premium) 6,000, due in 30 days, 15 days'
    notice of suspension after a reminder."""
    return PolicyFactory(tenant=tenant, number="KR-PREM-001", minimum_premium_amount=Decimal("6000"),
                         premium_deposit_due_days=30, premium_suspension_notice_days=15)


@pytest.fixture
def webhook_endpoint(tenant):
    from core.models import WebhookEndpoint

    return WebhookEndpoint.objects.create(tenant=tenant, url="https://hooks.example.com/kredo",
                                          events=["premium.invoiced", "premium.overdue"], secret="s" * 32)


def deposit(policy):
    return PremiumInvoice.objects.get(policy=policy, kind=Kind.DEPOSIT)


def test_the_deposit_is_the_minimum_premium_due_in_30_days(policy, webhook_endpoint):
    assert run_invoice_job(today=date(2025, 12, 31))["deposits"] == 0  # before the period starts
    assert run_invoice_job(today=date(2026, 1, 1))["deposits"] == 1
    invoice = deposit(policy)
    assert (invoice.amount_money, invoice.issued_on, invoice.due_on, invoice.state) == (
        eur(6_000), date(2026, 1, 1), date(2026, 1, 31), PremiumInvoice.State.OPEN)
    assert Notification.objects.filter(tenant=policy.tenant, event="premium.invoiced").count() == 1
    delivery = WebhookDelivery.objects.get(event="premium.invoiced")
    assert delivery.payload["amount"] == {"amount": "6000.00", "currency": "EUR"}
    assert delivery.payload["due_on"] == "2026-01-31"


def test_the_job_run_twice_changes_nothing_more(policy, webhook_endpoint):
    for day in (date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 16)):
        run_invoice_job(today=day)
        counts = (PremiumInvoice.objects.count(), Notification.objects.count(), WebhookDelivery.objects.count(),
                  PremiumSuspension.objects.count(), list(PremiumInvoice.objects.values_list("reminded_on")))
        assert run_invoice_job(today=day) == {"deposits": 0, "adjustments": 0, "reminded": 0, "suspended": 0}
        assert counts == (PremiumInvoice.objects.count(), Notification.objects.count(),
                          WebhookDelivery.objects.count(), PremiumSuspension.objects.count(),
                          list(PremiumInvoice.objects.values_list("reminded_on")))


def test_example_18_unpaid_premium_suspends_cover_until_paid(policy, limit, buyer, underwriter, webhook_endpoint):
    run_invoice_job(today=date(2026, 1, 1))
    assert run_invoice_job(today=date(2026, 1, 31))["reminded"] == 0  # due today, not yet overdue
    assert run_invoice_job(today=date(2026, 2, 1))["reminded"] == 1
    assert deposit(policy).reminded_on == date(2026, 2, 1)
    assert WebhookDelivery.objects.filter(event="premium.overdue").count() == 1
    overdue = Notification.objects.get(event="premium.overdue")
    assert overdue.code == "premium.overdue" and "2026-02-16" in str(overdue.params["suspension"])

    assert run_invoice_job(today=date(2026, 2, 15))["suspended"] == 0  # the notice runs to the 15th
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 15)).amount == eur(50_000)
    assert run_invoice_job(today=date(2026, 2, 16))["suspended"] == 1
    suspension = PremiumSuspension.objects.get(policy=policy)
    assert (suspension.starts_on, suspension.ends_on) == (date(2026, 2, 16), None)
    cover = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 16))
    assert (cover.amount, cover.suspended) == (eur(0), True)
    assert suspended_on(policy=policy, day=date(2026, 2, 16))
    assert not suspended_on(policy=policy, day=date(2026, 2, 15))

    record_payment(invoice=deposit(policy), amount=eur(6_000), paid_on=date(2026, 3, 1), recorded_by=underwriter,
                   today=date(2026, 3, 2))
    invoice = deposit(policy)
    assert (invoice.state, invoice.paid_on) == (PremiumInvoice.State.PAID, date(2026, 3, 1))
    suspension.refresh_from_db()
    assert suspension.ends_on == date(2026, 3, 1)
    # A shipment during the suspension stays uncovered; from the payment day shipments are covered again.
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 20)).suspended
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 28)).amount == eur(0)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 1)).amount == eur(50_000)
    assert not suspended_on(policy=policy, day=date(2026, 3, 1))
    assert run_invoice_job(today=date(2026, 3, 2)) == {"deposits": 0, "adjustments": 0, "reminded": 0,
                                                        "suspended": 0}


def test_paid_on_the_day_the_suspension_would_start_cover_never_stops(policy, limit, buyer, underwriter):
    run_invoice_job(today=date(2026, 1, 1))
    run_invoice_job(today=date(2026, 2, 1))
    record_payment(invoice=deposit(policy), amount=eur(6_000), paid_on=date(2026, 2, 16), recorded_by=underwriter,
                   today=date(2026, 2, 16))
    run_invoice_job(today=date(2026, 2, 16))
    assert not PremiumSuspension.objects.exists()
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 16)).amount == eur(50_000)


def test_a_payment_recorded_late_writes_the_suspension_it_ended(policy, limit, buyer, underwriter):
    """The job did not run between the notice's end and the payment: the suspension is still a fact."""
    run_invoice_job(today=date(2026, 1, 1))
    run_invoice_job(today=date(2026, 2, 1))
    record_payment(invoice=deposit(policy), amount=eur(6_000), paid_on=date(2026, 3, 1), recorded_by=underwriter,
                   today=date(2026, 3, 1))
    suspension = PremiumSuspension.objects.get(policy=policy)
    assert (suspension.starts_on, suspension.ends_on) == (date(2026, 2, 16), date(2026, 3, 1))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 20)).suspended


def test_a_part_payment_keeps_the_invoice_open_and_cover_suspended(policy, limit, buyer, underwriter):
    run_invoice_job(today=date(2026, 1, 1))
    run_invoice_job(today=date(2026, 2, 1))
    run_invoice_job(today=date(2026, 2, 16))
    record_payment(invoice=deposit(policy), amount=eur(4_000), paid_on=date(2026, 2, 20), recorded_by=underwriter,
                   today=date(2026, 2, 20))
    assert deposit(policy).state == PremiumInvoice.State.OPEN
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 25)).suspended
    with pytest.raises(DomainError) as refused:
        record_payment(invoice=deposit(policy), amount=eur(2_001), paid_on=date(2026, 2, 25),
                       recorded_by=underwriter, today=date(2026, 2, 25))
    assert refused.value.code == "too_much"
    record_payment(invoice=deposit(policy), amount=eur(2_000), paid_on=date(2026, 2, 25), recorded_by=underwriter,
                   today=date(2026, 2, 25))
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 25)).amount == eur(50_000)
    assert PremiumPayment.objects.filter(invoice__policy=policy).count() == 2


@pytest.mark.parametrize("amount,paid_on,field", [
    (eur(0), date(2026, 1, 10), "amount"),
    (Money(100, "USD"), date(2026, 1, 10), "amount"),
    (eur("1.001"), date(2026, 1, 10), "amount"),
    (eur(100), date(2026, 1, 21), "paid_on"),  # after today
    (eur(100), date(2025, 12, 31), "paid_on"),  # before it was issued
])
def test_a_payment_is_refused_with_a_field(policy, underwriter, amount, paid_on, field):
    run_invoice_job(today=date(2026, 1, 1))
    with pytest.raises(DomainError) as refused:
        record_payment(invoice=deposit(policy), amount=amount, paid_on=paid_on, recorded_by=underwriter,
                       today=date(2026, 1, 20))
    assert refused.value.field == field
    assert not PremiumPayment.objects.exists()


def test_turnover_is_invoiced_beyond_the_deposit(policy, finance):
    run_invoice_job(today=date(2026, 1, 1))
    # 1,000,000 at 0.25% = 2,500: within the 6,000 deposit, nothing more to pay.
    declare_turnover(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=date(2026, 1, 1),
                     country="ES", turnover=eur(1_000_000), today=date(2026, 2, 3))
    january = PremiumInvoice.objects.get(policy=policy, kind=Kind.TURNOVER, period_start=date(2026, 1, 1))
    assert (january.amount_money, january.state) == (eur(0), PremiumInvoice.State.PAID)
    # 2,000,000 more = 5,000: 7,500 declared, 6,000 asked for -> 1,500, due in 30 days.
    declare_turnover(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=date(2026, 2, 1),
                     country="ES", turnover=eur(2_000_000), today=date(2026, 3, 2))
    february = PremiumInvoice.objects.get(policy=policy, kind=Kind.TURNOVER, period_start=date(2026, 2, 1))
    assert (february.amount_money, february.due_on, february.state) == (eur(1_500), date(2026, 4, 1),
                                                                       PremiumInvoice.State.OPEN)
    # Another country of the period, before anything was paid on it: the period's invoice is amended.
    declare_turnover(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=date(2026, 2, 1),
                     country="DE", turnover=eur(200_000), today=date(2026, 3, 3))
    february.refresh_from_db()
    assert february.amount_money == eur(2_000)
    record_payment(invoice=february, amount=eur(2_000), paid_on=date(2026, 3, 4), recorded_by=finance,
                   today=date(2026, 3, 4))
    # Once paid, a correction raises nothing now: it is trued up at the period end.
    declare_turnover(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=date(2026, 2, 1),
                     country="ES", turnover=eur(2_200_000), today=date(2026, 3, 5))
    february.refresh_from_db()
    assert (february.amount_money, february.state) == (eur(2_000), PremiumInvoice.State.PAID)
    assert PremiumInvoice.objects.filter(policy=policy, kind=Kind.TURNOVER).count() == 2
    run_premium_job(today=date(2027, 1, 2))  # settles the period: 8,500 declared
    assert run_invoice_job(today=date(2027, 1, 2))["adjustments"] == 1
    adjustment = PremiumInvoice.objects.get(policy=policy, kind=Kind.MINIMUM_ADJUSTMENT)
    assert adjustment.amount_money == eur(500)  # 8,500 due - 8,000 invoiced
    assert run_invoice_job(today=date(2027, 1, 3))["adjustments"] == 0


def test_a_period_below_the_minimum_owes_no_adjustment_beyond_the_deposit(policy):
    """Example 10's minimum: the deposit already asked for it."""
    run_invoice_job(today=date(2026, 1, 1))
    run_premium_job(today=date(2027, 1, 2))
    run_invoice_job(today=date(2027, 1, 2))
    assert PremiumInvoice.objects.get(policy=policy, kind=Kind.MINIMUM_ADJUSTMENT).amount_money == eur(0)


def test_the_job_leaves_drafts_and_other_tenants_alone(policy, other_tenant):
    PolicyFactory(tenant=policy.tenant, number="KR-DRAFT", status="draft")
    outsider_policy = PolicyFactory(tenant=other_tenant, number="KR-OUT-9")
    with scopes_disabled():  # as the Celery task runs it
        run_invoice_job(today=date(2026, 1, 1))
    # The tenant sees its own invoice only; the outsider's is its own.
    assert list(PremiumInvoice.objects.values_list("policy__number", flat=True)) == ["KR-PREM-001"]
    with scopes_disabled():
        assert PremiumInvoice.objects.get(policy=outsider_policy).tenant_id == other_tenant.pk
        assert not PremiumInvoice.objects.filter(policy__status="draft").exists()


def test_the_database_refuses_a_second_invoice_and_a_negative_amount(policy):
    from django.db import IntegrityError, transaction

    run_invoice_job(today=date(2026, 1, 1))
    twin = deposit(policy)
    twin.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        PremiumInvoice.objects.filter(pk=deposit(policy).pk).update(amount=Decimal("-1"))


def test_credit_limit_fees_are_invoiced_month_by_month_once(tenant, buyer):
    from datetime import datetime

    from limits import services as limit_services
    from limits.fees import run_credit_limit_fees
    from limits.models import CreditLimit

    charged = PolicyFactory(tenant=tenant, number="KR-FEES", credit_limit_fee_per_request_amount=Decimal("50"),
                            credit_limit_fee_per_buyer_year_amount=Decimal("200"))
    limit = limit_services.request_limit(tenant=tenant, requested_by=None, policy=charged, buyer=buyer,
                                         amount=eur(50_000), terms_days=60, today=date(2026, 1, 2)).limit
    # Requested on 10 March; in force (first monitored) from 2 January, as the automatic decision dated it.
    CreditLimit.objects.filter(pk=limit.pk).update(created_at=datetime(2026, 3, 10, 12, tzinfo=UTC))
    free = PolicyFactory(tenant=tenant, number="KR-NOFEES")  # the default terms charge nothing
    with scopes_disabled():
        assert run_credit_limit_fees(today=date(2026, 4, 1)) == 3  # January to March have ended
        assert run_credit_limit_fees(today=date(2026, 4, 1)) == 0
        fees = {i.period_start: i.amount_money for i in PremiumInvoice.objects.filter(kind=Kind.CREDIT_LIMIT_FEE)}
        assert not PremiumInvoice.objects.filter(policy=free).exists()
    assert fees == {date(2026, 1, 1): eur(200), date(2026, 2, 1): eur(0), date(2026, 3, 1): eur(50)}


def test_periods_ended_before_premium_was_invoiced_here_are_left_alone(tenant):
    """The first run after deployment: an ended period's premium was paid outside Kredo."""
    PolicyFactory(tenant=tenant, number="KR-2025", status="expired", start_date=date(2025, 1, 1),
                  end_date=date(2025, 12, 31))
    with scopes_disabled():
        run_premium_job(today=date(2026, 3, 1))  # settles 2025
        assert run_invoice_job(today=date(2026, 3, 1)) == {"deposits": 0, "adjustments": 0, "reminded": 0,
                                                           "suspended": 0}
        assert not PremiumInvoice.objects.filter(policy__number="KR-2025").exists()
