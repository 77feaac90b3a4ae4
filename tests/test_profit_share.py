"""Profit share, a no-claims bonus (issue 10, item 6; domain.md, example 17): the arithmetic, the service, the job."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from claims.claims.models import Claim
from claims.profit_share import claims_paid_and_reserved, run_profit_share_job
from policies.models import TermsVersion
from policies.premium.invoices import run_invoice_job
from policies.premium.models import PeriodPremium, PremiumInvoice
from policies.premium.profit_share import credit_profit_share, profit_share
from policies.premium.selectors import premium_statement
from policies.premium.services import run_premium_job
from tests.factories import PolicyFactory, eur

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

CREDIT = PremiumInvoice.Kind.PROFIT_SHARE_CREDIT


def share(premium, paid, reserved=0):
    return profit_share(premium_earned=eur(premium), claims_paid=eur(paid), claims_reserved=eur(reserved),
                        share_percent=Decimal("20"), loss_ratio_threshold_percent=Decimal("40"))


def test_example_17():
    assert share(50_000, 10_000) == share(50_000, 10_000, 0)
    assert (share(50_000, 10_000).loss_ratio_percent, share(50_000, 10_000).credit) == (Decimal("20.00"),
                                                                                        eur(8_000))
    assert (share(50_000, 25_000).loss_ratio_percent, share(50_000, 25_000).credit) == (Decimal("50.00"), eur(0))


def test_the_threshold_is_inclusive_and_reserves_count():
    assert share(50_000, 20_000).credit == eur(6_000)  # exactly 40%: 20% x 30,000
    assert share(50_000, "20000.01").credit == eur(0)  # just above
    assert share(50_000, 5_000, 5_000).credit == eur(8_000)  # paid and reserved alike
    assert share(0, 0).credit == eur(0)  # no premium, no share
    assert share("1000.03", 0).credit == eur("200.01")  # 200.006, rounded once


@pytest.fixture
def policy(tenant):
    """Example 17's terms: 20% at a loss ratio of at most 40%; the minimum premium makes 50,000 earned."""
    return PolicyFactory(tenant=tenant, number="KR-PS-001", minimum_premium_amount=Decimal("50000"),
                         profit_share_percent=Decimal("20"), profit_share_loss_ratio_percent=Decimal("40"))


def settle(policy):
    with scopes_disabled():  # as the Celery task runs it
        run_premium_job(today=date(2027, 1, 2))


def test_example_17_through_the_service_on_the_statement(policy):
    settle(policy)
    result, credit = credit_profit_share(policy=policy, claims_paid=eur(10_000), claims_reserved=eur(0),
                                         today=date(2027, 1, 2))
    assert (result.loss_ratio_percent, credit.amount_money, credit.kind) == (Decimal("20.00"), eur(8_000), CREDIT)
    statement = premium_statement(policy=policy)
    assert statement.credited == eur(8_000)
    # Run again (with other figures, even): the credit stays the one raised.
    _again, same = credit_profit_share(policy=policy, claims_paid=eur(0), claims_reserved=eur(0),
                                       today=date(2027, 1, 3))
    assert same.pk == credit.pk and PremiumInvoice.objects.filter(kind=CREDIT).count() == 1


def test_a_period_above_the_threshold_is_credited_nothing(policy):
    settle(policy)
    result, credit = credit_profit_share(policy=policy, claims_paid=eur(25_000), claims_reserved=eur(0),
                                         today=date(2027, 1, 2))
    assert result.loss_ratio_percent == Decimal("50.00")
    assert (credit.amount_money, credit.state) == (eur(0), PremiumInvoice.State.PAID)
    assert premium_statement(policy=policy).credited == eur(0)


def test_nothing_is_credited_before_the_period_is_settled(policy):
    result, credit = credit_profit_share(policy=policy, claims_paid=eur(0), claims_reserved=eur(0),
                                         today=date(2026, 6, 1))
    assert credit is None and not PremiumInvoice.objects.filter(kind=CREDIT).exists()


def test_the_job_counts_paid_and_reserved_claims_and_runs_once(tenant, finance, underwriter, other_tenant):
    from tests.test_insurer_claims_api import submitted_claim

    claim = submitted_claim(tenant, finance, underwriter)  # 10,000 unpaid at 90%: 9,000 calculated, reserved
    policy = claim.policy
    TermsVersion.objects.filter(policy=policy).update(profit_share_percent=Decimal("20"))
    paid_claim = submitted_claim(tenant, finance, underwriter, amount=5_000)
    Claim.objects.filter(pk=paid_claim.pk).update(policy=policy, state=Claim.State.PAID, approved_indemnity=4_500,
                                                  paid_amount=4_500, paid_on=timezone.localdate())
    outsider = PolicyFactory(tenant=other_tenant, number="KR-PS-OUT")
    assert claims_paid_and_reserved(policy_ids=[policy.pk, outsider.pk]) == {
        policy.pk: (Decimal("4500.00"), Decimal("9000.00"))}
    with scopes_disabled():
        run_invoice_job(today=timezone.localdate())  # the period's deposit: a period invoiced here
    PeriodPremium.objects.create(
        tenant=tenant, policy=policy, period_start=policy.start_date, period_end=policy.end_date, currency="EUR",
        declared_premium=Decimal("100000"), minimum_premium=Decimal("5000"), adjustment=Decimal("0"),
        premium_due=Decimal("100000"), computed_at=timezone.now(),
    )
    today = timezone.localdate() + timedelta(days=40)
    with scopes_disabled():
        assert run_profit_share_job(today=today) == 1
        assert run_profit_share_job(today=today) == 0
        credit = PremiumInvoice.objects.get(kind=CREDIT)
    # 13,500 of 100,000 is 13.5%: 20% x 86,500.
    assert (credit.policy_id, credit.amount_money) == (policy.pk, eur(17_300))
