"""Early warnings (issue 15, item 5): each cause raises its alert once per (tenant, buyer), a second run none;
another insured's overdue reaches the others only as "the insurer has new adverse information", never whose;
the utilisation threshold at its boundary; the insured's notice and the buyer.alert webhook once each."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import translation

from buyers.models import BuyerGrade, PaymentExperience
from buyers.monitoring.job import run_early_warnings
from buyers.monitoring.models import AlertCode, BuyerAlert
from buyers.monitoring.services import alert_message
from claims.overdues.models import Invoice
from core.models import Notification, WebhookDelivery
from core.webhooks import create_endpoint
from limits.models import CreditLimit, LimitDecision
from tests.factories import PolicyFactory
from tests.limit_factories import make_limit
from tests.overdue_factories import declare, invoice_line

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

TODAY = date(2026, 3, 2)


@pytest.fixture
def outsider_limit(other_tenant, buyer):
    return make_limit(PolicyFactory(tenant=other_tenant, number="KR-OUT-001"), buyer, 40_000)


@pytest.fixture
def own_limit(policy, buyer):
    return make_limit(policy, buyer, 100_000)


def alerts(tenant, code=None):
    qs = BuyerAlert.objects.filter(tenant=tenant)
    return list(qs.filter(code=code) if code else qs)


def downgrade(buyer, *, to, on=TODAY - timedelta(days=1)):
    BuyerGrade.objects.create(buyer=buyer, grade=to, previous_grade=buyer.grade, graded_on=on, reason="accounts")
    buyer.grade = to
    buyer.save()


def test_a_grade_downgrade_raises_one_alert_per_insured_holding_a_limit(tenant, other_tenant, buyer, own_limit,
                                                                         outsider_limit):
    downgrade(buyer, to=6)
    first = run_early_warnings(today=TODAY)
    assert first.raised["grade_downgrade"] == 2
    [alert] = alerts(tenant, AlertCode.GRADE_DOWNGRADE)
    assert alert.params["grade"] == 6 and alert.params["previous"] == 3
    assert len(alerts(other_tenant, AlertCode.GRADE_DOWNGRADE)) == 1
    assert run_early_warnings(today=TODAY).total == 0
    assert run_early_warnings(today=TODAY + timedelta(days=1)).total == 0


def test_an_upgrade_or_a_buyer_without_a_limit_raises_nothing(tenant, buyer):
    BuyerGrade.objects.create(buyer=buyer, grade=2, previous_grade=3, graded_on=TODAY, reason="better")
    assert run_early_warnings(today=TODAY).raised["grade_downgrade"] == 0
    downgrade(buyer, to=7)  # no insured holds a limit on it
    assert run_early_warnings(today=TODAY).total == 0


def test_a_downgrade_older_than_the_look_back_is_not_raised(tenant, buyer, own_limit):
    downgrade(buyer, to=6, on=TODAY - timedelta(days=8))
    assert run_early_warnings(today=TODAY).raised["grade_downgrade"] == 0


def test_a_new_overdue_is_the_reporters_own_alert_and_only_adverse_information_to_others(
        tenant, other_tenant, buyer, policy, own_limit, outsider_limit):
    overdue = declare(tenant, policy, buyer, [invoice_line("F-SECRET-9", due=date(2026, 2, 1), amount="5000")],
                      notified_on=TODAY - timedelta(days=2))
    assert run_early_warnings(today=TODAY).raised["new_overdue"] == 2
    [own] = alerts(tenant)
    assert own.code == AlertCode.OVERDUE_REPORTED
    [theirs] = alerts(other_tenant)
    assert theirs.code == AlertCode.ADVERSE_INFORMATION
    assert theirs.params == {"buyer": buyer.legal_name}
    with translation.override("en"):
        text = alert_message(theirs).render()
    assert text == f"{buyer.legal_name}: the insurer has new adverse information on this buyer."
    for secret in (tenant.legal_name, overdue.reference or "F-SECRET-9", "F-SECRET-9", "5000", policy.number):
        assert secret not in text and secret not in str(theirs.params)
    assert run_early_warnings(today=TODAY).total == 0


def test_an_overdue_on_a_buyer_nobody_else_holds_tells_only_the_reporter(tenant, other_tenant, buyer, policy,
                                                                          own_limit):
    declare(tenant, policy, buyer, [invoice_line(due=date(2026, 2, 1))], notified_on=TODAY)
    run_early_warnings(today=TODAY)
    assert [a.code for a in alerts(tenant)] == [AlertCode.OVERDUE_REPORTED]
    assert alerts(other_tenant) == []


@pytest.mark.parametrize(("outstanding", "raised"), [("89999.99", 0), ("90000.00", 1)])
def test_utilisation_raises_from_the_threshold_on(tenant, buyer, policy, own_limit, outstanding, raised, settings):
    settings.BUYER_ALERT_UTILISATION_PERCENT = 90
    # Notified before the look-back: only the utilisation can raise an alert.
    declare(tenant, policy, buyer, [invoice_line(due=date(2026, 1, 10), amount=outstanding)],
            notified_on=date(2026, 1, 20))
    assert run_early_warnings(today=TODAY).raised["high_utilisation"] == raised
    assert run_early_warnings(today=TODAY).total == 0
    if raised:
        [alert] = alerts(tenant, AlertCode.HIGH_UTILISATION)
        assert alert.params["share"] == 90
        assert alert.params["limit"] == {"money": {"amount": "100000.00", "currency": "EUR"}}


def test_utilisation_counts_only_the_insureds_own_unpaid_invoices_in_the_limits_currency(
        tenant, other_tenant, buyer, policy, own_limit, outsider_limit):
    outsider_policy = CreditLimit.objects.get(pk=outsider_limit.pk).policy
    declare(other_tenant, outsider_policy, buyer, [invoice_line(due=date(2026, 1, 10), amount="39000")],
            notified_on=date(2026, 1, 20))
    run_early_warnings(today=TODAY)
    assert alerts(tenant, AlertCode.HIGH_UTILISATION) == []
    assert len(alerts(other_tenant, AlertCode.HIGH_UTILISATION)) == 1
    Invoice.objects.filter(tenant=other_tenant).update(outstanding=0)
    assert run_early_warnings(today=TODAY).total == 0


def test_worsening_payment_behaviour_is_told_where_enough_insureds_report(tenant, buyer, own_limit):
    experience = PaymentExperience.objects.create(
        buyer=buyer, computed_on=TODAY, paid_invoices=30, paid_late=20, reporting_insureds=2,
        days_beyond_terms_avg=Decimal("12.0"), recent_days_avg=Decimal("25.0"), previous_days_avg=Decimal("15.0"))
    assert run_early_warnings(today=TODAY).raised["payment_worsening"] == 0  # two insureds: not shown
    experience.reporting_insureds = 3
    experience.save()
    assert run_early_warnings(today=TODAY).raised["payment_worsening"] == 1
    assert run_early_warnings(today=TODAY + timedelta(days=1)).total == 0
    [alert] = alerts(tenant, AlertCode.PAYMENT_WORSENING)
    assert (alert.params["recent"], alert.params["previous"]) == ("25.0", "15.0")


def test_payment_behaviour_a_little_worse_raises_nothing(tenant, buyer, own_limit):
    PaymentExperience.objects.create(
        buyer=buyer, computed_on=TODAY, paid_invoices=30, paid_late=20, reporting_insureds=5,
        days_beyond_terms_avg=Decimal("12.0"), recent_days_avg=Decimal("24.9"), previous_days_avg=Decimal("15.0"))
    assert run_early_warnings(today=TODAY).raised["payment_worsening"] == 0


def test_a_limit_expiring_within_30_days_and_a_limit_put_under_review(tenant, other_tenant, policy, buyer):
    expiring = make_limit(policy, buyer, 10_000, expiry_date=TODAY + timedelta(days=30))
    make_limit(PolicyFactory(tenant=tenant, number="KR-LATER"), buyer, 10_000, expiry_date=TODAY + timedelta(days=31))
    reviewed = make_limit(PolicyFactory(tenant=tenant, number="KR-REVIEW"), buyer, 10_000, under_review=True)
    LimitDecision.objects.create(tenant=tenant, limit=reviewed, policy=reviewed.policy, buyer=buyer,
                                 kind=LimitDecision.Kind.UNDER_REVIEW, amount=10_000, currency="EUR",
                                 effective_date=TODAY, changes_cover=False)
    result = run_early_warnings(today=TODAY)
    assert (result.raised["limit_expiring"], result.raised["limit_under_review"]) == (1, 1)
    [alert] = alerts(tenant, AlertCode.LIMIT_EXPIRING)
    assert alert.params["policy"] == expiring.policy.number
    assert run_early_warnings(today=TODAY).total == 0
    # The next day the limit expiring in 31 days comes within the 30: its own alert, once.
    assert run_early_warnings(today=TODAY + timedelta(days=1)).raised == {**dict.fromkeys(result.raised, 0),
                                                                          "limit_expiring": 1}
    assert alerts(other_tenant) == []


def test_the_insured_is_told_once_in_its_language_and_by_the_buyer_alert_webhook(tenant, buyer, own_limit):
    create_endpoint(tenant=tenant, created_by=None, url="https://erp.example/hooks", events=["buyer.alert"])
    downgrade(buyer, to=6)
    run_early_warnings(today=TODAY)
    run_early_warnings(today=TODAY)
    [notice] = Notification.objects.filter(tenant=tenant, event="buyer.alert")
    with translation.override("es"):
        assert "1" in notice.subject and "alerta" in notice.subject.lower()
    [delivery] = WebhookDelivery.objects.filter(tenant=tenant, event="buyer.alert")
    assert delivery.payload["code"] == "grade_downgrade"
    assert delivery.payload["buyer"]["id"] == buyer.pk


def test_the_daily_task_runs_unscoped_and_twice_safely(tenant, buyer, own_limit):
    from buyers.tasks import raise_early_warnings

    downgrade(buyer, to=6, on=date.today())
    assert raise_early_warnings()["grade_downgrade"] == 1
    assert sum(raise_early_warnings().values()) == 0
