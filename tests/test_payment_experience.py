"""Payment experience (issue 15, item 2): days beyond terms per paid invoice, weighted by amount, the share paid
late and the trend, from every insured's notified overdues; the nightly summary; the scorecard's input."""

from datetime import date
from decimal import Decimal

import pytest
from django.db.models import Q
from django_scopes import scopes_disabled

from buyers.credit_file.models import PaymentExperience
from claims.overdues.models import Invoice
from claims.overdues.payment_experience import figures_by_buyer, months_before, refresh_payment_experience
from claims.overdues.services import declare_overdue
from core.tenancy import tenant_scope
from tests.factories import PolicyFactory, TenantFactory
from tests.overdue_factories import invoice_line
from tests.payment_factories import paid_invoices

pytestmark = pytest.mark.django_db
ON = date(2026, 11, 30)


def test_days_beyond_terms_are_weighted_by_amount(tenant, policy, buyer):
    # 10,000 paid 20 days late and 30,000 paid 40 days late: (10,000 x 20 + 30,000 x 40) / 40,000 = 35.
    paid_invoices(tenant, policy, buyer, [(10_000, date(2026, 1, 30)), (30_000, date(2026, 2, 19))])
    with tenant_scope(tenant):
        figures = figures_by_buyer(Invoice.objects.filter(tenant=tenant), on=ON)[buyer.pk]
    assert (figures.paid_invoices, figures.paid_late, figures.days_beyond_terms_avg) == (2, 2, Decimal("35.0"))
    assert figures.share_paid_late == Decimal("1.000")


def test_an_invoice_paid_before_its_due_date_counts_as_paid_on_terms(tenant, policy, buyer):
    # Listed before it fell due (domain.md allows it) and paid 5 days early: 0 days, not -5, and not late.
    paid_invoices(tenant, policy, buyer, [(1_000, date(2026, 1, 25))], due=date(2026, 1, 30))
    with tenant_scope(tenant):
        figures = figures_by_buyer(Invoice.objects.all(), on=ON)[buyer.pk]
    assert (figures.paid_late, figures.days_beyond_terms_avg, figures.share_paid_late) == (0, Decimal("0.0"),
                                                                                          Decimal("0.000"))


def test_an_invoice_not_paid_in_full_is_left_out(tenant, policy, buyer):
    paid_invoices(tenant, policy, buyer, [(1_000, date(2026, 1, 30))])
    with tenant_scope(tenant):
        overdue = declare_overdue(tenant=tenant, notified_by=None, policy=PolicyFactory(tenant=tenant), buyer=buyer,
                                  invoices=[invoice_line("OPEN-1")], notified_on=date(2026, 1, 20))
        figures = figures_by_buyer(Invoice.objects.all(), on=ON)[buyer.pk]
        assert overdue.invoices.get().outstanding > 0
    assert figures.paid_invoices == 1


def test_the_trend_compares_the_last_six_months_with_the_six_before(tenant, policy, buyer):
    # On 30 November: paid 19 February (40 days late) is in the previous half year, 10 July (181) in the last.
    paid_invoices(tenant, policy, buyer, [(1_000, date(2026, 2, 19)), (1_000, date(2026, 7, 10))])
    with tenant_scope(tenant):
        figures = figures_by_buyer(Invoice.objects.all(), on=ON)[buyer.pk]
    assert (figures.previous_days_avg, figures.recent_days_avg) == (Decimal("40.0"), Decimal("181.0"))
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)


@pytest.mark.unscoped
def test_the_nightly_summary_counts_reporting_insureds_and_leaves_drafts_out(tenant, policy, buyer, other_tenant):
    paid_invoices(tenant, policy, buyer, [(10_000, date(2026, 1, 30))])
    outsider_policy = PolicyFactory(tenant=other_tenant)
    paid_invoices(other_tenant, outsider_policy, buyer, [(10_000, date(2026, 2, 9))])
    third = TenantFactory(legal_name="Third Exporter")
    with tenant_scope(third):  # a draft is the insured's own until notified: the insurer knows nothing of it
        draft = declare_overdue(tenant=third, notified_by=None, policy=PolicyFactory(tenant=third), buyer=buyer,
                                invoices=[invoice_line("D-1", amount="5000")], draft=True)
        from claims.overdues.services import record_payment

        record_payment(overdue=draft, amount=Decimal(5000), received_on=date(2026, 3, 1))

    assert refresh_payment_experience(on=ON) == 1
    row = PaymentExperience.objects.get(buyer=buyer)
    assert (row.paid_invoices, row.reporting_insureds, row.days_beyond_terms_avg) == (2, 2, Decimal("25.0"))
    assert row.computed_on == ON


@pytest.mark.unscoped
def test_the_nightly_summary_is_idempotent_and_drops_buyers_no_longer_reported(tenant, policy, buyer):
    overdue = paid_invoices(tenant, policy, buyer, [(10_000, date(2026, 1, 30))])
    refresh_payment_experience(on=ON)
    first = list(PaymentExperience.objects.values())
    refresh_payment_experience(on=ON)
    assert list(PaymentExperience.objects.values()) == first

    with scopes_disabled():
        Invoice.objects.filter(overdue=overdue).update(outstanding=1, paid_on=None)
    refresh_payment_experience(on=ON)
    assert not PaymentExperience.objects.exists()


@pytest.mark.unscoped
def test_a_currency_without_a_rate_is_counted_but_left_out_of_the_average(tenant, buyer):
    usd_policy = PolicyFactory(tenant=tenant, currency="USD")
    paid_invoices(tenant, usd_policy, buyer, [(1_000, date(2026, 1, 30))])
    refresh_payment_experience(on=ON)
    row = PaymentExperience.objects.get(buyer=buyer)
    assert (row.paid_invoices, row.days_beyond_terms_avg) == (1, None)


@pytest.mark.unscoped
def test_amounts_in_other_currencies_weigh_by_their_converted_value(tenant, policy, buyer):
    from core.models import ExchangeRate

    ExchangeRate.objects.create(base_currency="EUR", quote_currency="JPY", rate=Decimal("160"),
                                valid_on=date(2026, 1, 1))
    jpy_policy = PolicyFactory(tenant=tenant, currency="JPY")
    paid_invoices(tenant, policy, buyer, [(1_000, date(2026, 1, 30))])  # 20 days on 1,000 EUR
    paid_invoices(tenant, jpy_policy, buyer, [(160_000, date(2026, 2, 19))])  # 40 days on 1,000 EUR's worth
    refresh_payment_experience(on=ON)
    assert PaymentExperience.objects.get(buyer=buyer).days_beyond_terms_avg == Decimal("30.0")


def test_an_outsider_s_invoices_are_not_in_the_insured_s_own_figures(tenant, policy, buyer, other_tenant):
    paid_invoices(tenant, policy, buyer, [(1_000, date(2026, 1, 30))])
    paid_invoices(other_tenant, PolicyFactory(tenant=other_tenant), buyer, [(9_000, date(2026, 6, 30))])
    with tenant_scope(tenant):
        figures = figures_by_buyer(Invoice.objects.filter(Q(tenant=tenant)), on=ON)[buyer.pk]
    assert (figures.paid_invoices, figures.insureds, figures.days_beyond_terms_avg) == (1, {tenant.pk},
                                                                                       Decimal("20.0"))


@pytest.mark.parametrize("reported,value,points", [(False, "unknown", 0), (True, "42.0", 22)])
def test_the_scorecard_reads_days_beyond_terms_from_the_payment_experience(tenant, policy, buyer, reported, value,
                                                                           points):
    from limits.models import Scorecard
    from limits.scorecard.engine import factors
    from limits.scorecard.inputs import automatic_limits, scorecard_input
    from tests.limit_factories import make_limit

    with scopes_disabled():
        version = Scorecard.objects.create(version=1, name="First", is_active=True,
                                           max_automatic_amount=Decimal(250_000), buyer_exposure_cap=Decimal(5_000_000))
        if reported:  # the nightly summary, as the job writes it
            PaymentExperience.objects.create(buyer=buyer, computed_on=ON, paid_invoices=3, paid_late=3,
                                             reporting_insureds=1, days_beyond_terms_avg=Decimal("42.0"))
    with tenant_scope(tenant):
        item = scorecard_input(limit=make_limit(policy, buyer, state="pending"), scorecard=version, on=ON)
    factor = next(f for f in factors(item, version.parameters, automatic_limits(version))
                  if f.code == "days_beyond_terms")
    assert (factor.value, factor.points) == (value, points)


def test_the_celery_task_reads_every_insured(tenant, policy, buyer, other_tenant, no_scope):
    from claims.tasks import refresh_payment_experience as task

    paid_invoices(tenant, policy, buyer, [(1_000, date(2026, 1, 30))])
    paid_invoices(other_tenant, PolicyFactory(tenant=other_tenant), buyer, [(1_000, date(2026, 1, 30))])
    assert task.apply().get() == {"buyers": 1}
    with scopes_disabled():
        assert PaymentExperience.objects.get(buyer=buyer).reporting_insureds == 2
