"""Premium (domain.md, Premium; example 10): pure arithmetic, periods, services, CSV, the daily job."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from moneyed import Money

from core.exceptions import DomainError
from core.models import Notification
from policies.models import Policy
from policies.premium import turnover_csv as csv_premium
from policies.premium.calculation import (
    declaration_periods,
    month_start,
    parse_period,
    period_premium,
    period_starting,
    premium_for,
)
from policies.premium.liability import maximum_liability
from policies.premium.models import PeriodPremium, PremiumSchedule, TurnoverDeclaration
from policies.premium.services import (
    close_period,
    declare_period,
    declare_turnover,
    run_premium_job,
    set_declaration_frequency,
)
from tests.factories import PolicyFactory, eur

pytestmark = pytest.mark.usefixtures("in_tenant_scope")

AFTER_YEAR = date(2027, 1, 5)


@pytest.fixture(autouse=True)
def premium_roles(db):
    """The role change asked of accounts/roles.py: Finance and Tenant admin declare and see turnover."""
    perms = Permission.objects.filter(content_type__app_label="policies",
                                      codename__in=["declare_turnover", "view_turnoverdeclaration"])
    for name in ("Finance", "Tenant admin"):
        Group.objects.get(name=name).permissions.add(*perms)


def declare(policy, finance, start, country, amount, today=AFTER_YEAR):
    return declare_turnover(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=start,
                            country=country, turnover=eur(amount), today=today)


# Pure functions


def test_example_10_premium_and_minimum():
    assert premium_for(eur(1_000_000), Decimal("0.25")) == eur(2_500)
    assert period_premium(eur(2_500), eur(5_000)) == (eur(5_000), eur(2_500))
    assert period_premium(eur(6_000), eur(5_000)) == (eur(6_000), eur(0))


def test_premium_is_rounded_once_half_up_to_the_minor_unit():
    assert premium_for(eur("1002"), Decimal("0.25")) == eur("2.51")  # 2.505, half up
    assert premium_for(Money(1_234_567, "JPY"), Decimal("0.25")) == Money(3_086, "JPY")  # 3,086.4175


def test_monthly_periods_follow_calendar_months_clipped_to_the_policy():
    periods = declaration_periods(policy_start=date(2026, 3, 15), policy_end=date(2027, 3, 14))
    assert len(periods) == 13
    assert (periods[0].start, periods[0].end) == (date(2026, 3, 15), date(2026, 3, 31))
    assert (periods[1].start, periods[1].end, periods[1].label) == (date(2026, 4, 1), date(2026, 4, 30), "2026-04")
    assert (periods[-1].start, periods[-1].end) == (date(2027, 3, 1), date(2027, 3, 14))
    # The calendar month's first day names the clipped first period too.
    assert period_starting(periods=periods, start=date(2026, 3, 1)) == periods[0]
    assert period_starting(periods=periods, start=date(2026, 4, 2)) is None


def test_quarterly_periods():
    periods = declaration_periods(policy_start=date(2026, 1, 1), policy_end=date(2026, 12, 31), frequency="quarterly")
    assert [(p.label, p.end) for p in periods] == [
        ("2026-Q1", date(2026, 3, 31)), ("2026-Q2", date(2026, 6, 30)),
        ("2026-Q3", date(2026, 9, 30)), ("2026-Q4", date(2026, 12, 31)),
    ]


@pytest.mark.parametrize("text,expected", [
    ("2026-01", date(2026, 1, 1)), ("2026-Q3", date(2026, 7, 1)), ("2026q2", date(2026, 4, 1)),
    ("2026-02-01", date(2026, 2, 1)), ("2026-13", None), ("January", None), ("", None), ("2026-02-30", None),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


# Services


def test_example_10_through_the_services(policy, finance):
    declare(policy, finance, date(2026, 1, 1), "ES", 600_000)
    declare(policy, finance, date(2026, 2, 1), "DE", 400_000)
    settled = close_period(policy=policy, today=AFTER_YEAR)
    assert settled.money("declared_premium") == eur(2_500)
    assert settled.money("adjustment") == eur(2_500)
    assert settled.money("premium_due") == eur(5_000)
    # Running it again creates nothing.
    assert close_period(policy=policy, today=AFTER_YEAR).pk == settled.pk
    assert PeriodPremium.objects.filter(policy=policy).count() == 1
    assert settled.history.count() == 1


def test_period_is_settled_only_once_it_has_ended(policy, finance):
    assert close_period(policy=policy, today=date(2026, 12, 31)) is None
    assert close_period(policy=policy, today=date(2027, 1, 1)) is not None


def test_declared_premium_above_the_minimum_needs_no_adjustment(policy, finance):
    declare(policy, finance, date(2026, 3, 1), "FR", 3_000_000)
    settled = close_period(policy=policy, today=AFTER_YEAR)
    assert (settled.money("premium_due"), settled.money("adjustment")) == (eur(7_500), eur(0))


def test_maximum_liability_is_a_multiple_of_the_premium_due(policy, finance):
    assert maximum_liability(policy=policy) == eur(200_000)  # minimum 5,000 x 40
    declare(policy, finance, date(2026, 1, 1), "ES", 1_000_000)
    assert maximum_liability(policy=policy) == eur(200_000)  # 2,500 declared, still below the minimum
    declare(policy, finance, date(2026, 2, 1), "ES", 3_000_000)
    assert maximum_liability(policy=policy) == eur(400_000)  # 10,000 declared x 40


def test_a_correction_replaces_the_declaration_and_keeps_history(policy, finance):
    first, created = declare(policy, finance, date(2026, 1, 1), "ES", 1_000_000)
    corrected, created_again = declare(policy, finance, date(2026, 1, 1), "ES", 800_000)
    assert (created, created_again) == (True, False)
    assert corrected.pk == first.pk
    assert TurnoverDeclaration.objects.get(pk=first.pk).premium_money == eur(2_000)
    assert [h.turnover for h in corrected.history.order_by("history_date")] == [Decimal("1000000.00"),
                                                                                 Decimal("800000.00")]


def test_a_late_declaration_settles_the_period_again(policy, finance):
    settled = close_period(policy=policy, today=AFTER_YEAR)
    assert settled.money("adjustment") == eur(5_000)
    declare(policy, finance, date(2026, 12, 1), "ES", 4_000_000)
    settled.refresh_from_db()
    assert (settled.money("premium_due"), settled.money("adjustment")) == (eur(10_000), eur(0))
    assert settled.history.count() == 2


def test_period_boundaries(policy, finance):
    # The last month can be declared the day after it ends, not on its last day.
    with pytest.raises(DomainError) as err:
        declare(policy, finance, date(2026, 12, 1), "ES", 1, today=date(2026, 12, 31))
    assert (err.value.field, err.value.code) == ("period_start", "period_not_ended")
    declare(policy, finance, date(2026, 12, 1), "ES", 1, today=date(2027, 1, 1))
    # A month before the policy period, or not the first day of a month.
    for start in (date(2025, 12, 1), date(2027, 1, 1), date(2026, 1, 15)):
        with pytest.raises(DomainError) as err:
            declare(policy, finance, start, "ES", 1)
        assert err.value.field == "period_start"
    assert TurnoverDeclaration.objects.count() == 1


def test_policy_starting_mid_month_declares_its_first_part_month(tenant, finance):
    policy = PolicyFactory(tenant=tenant, start_date=date(2026, 3, 15), end_date=date(2027, 3, 14))
    declaration, _created = declare(policy, finance, date(2026, 3, 1), "ES", 100, today=date(2026, 4, 1))
    assert (declaration.period_start, declaration.period_end) == (date(2026, 3, 15), date(2026, 3, 31))


def test_quarterly_declarations(policy, finance):
    set_declaration_frequency(policy=policy, frequency="quarterly")
    declaration, _created = declare(policy, finance, date(2026, 4, 1), "ES", 100)
    assert declaration.period_end == date(2026, 6, 30)
    with pytest.raises(DomainError):
        declare(policy, finance, date(2026, 2, 1), "ES", 100)
    # Once declared, the periods are fixed.
    with pytest.raises(DomainError):
        set_declaration_frequency(policy=policy, frequency="monthly")
    assert PremiumSchedule.objects.get(policy=policy).declaration_frequency == "quarterly"


@pytest.mark.parametrize("turnover,field,code", [
    (eur(-1), "turnover", "negative"),
    (Money(100, "USD"), "turnover", "currency"),
    (eur("10.001"), "turnover", "invalid"),
    ("ten", "turnover", "invalid"),
    (1.5, "turnover", "invalid"),
    (Decimal("NaN"), "turnover", "invalid"),
])
def test_bad_turnover_is_refused_and_nothing_written(policy, finance, turnover, field, code):
    with pytest.raises(DomainError) as err:
        declare_turnover(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=date(2026, 1, 1),
                         country="ES", turnover=turnover, today=AFTER_YEAR)
    assert (err.value.field, err.value.code) == (field, code)
    assert err.value.message
    assert not TurnoverDeclaration.objects.exists()


def test_excluded_or_unknown_country_is_refused(tenant, finance):
    policy = PolicyFactory(tenant=tenant, excluded_countries=["RU"])
    for country in ("RU", "XX", ""):
        with pytest.raises(DomainError) as err:
            declare(policy, finance, date(2026, 1, 1), country, 100)
        assert err.value.field == "country"
    assert not TurnoverDeclaration.objects.exists()


def test_another_tenants_policy_or_a_draft_is_refused(tenant, finance, outsider_policy):
    with pytest.raises(DomainError) as err:
        declare_turnover(tenant=tenant, declared_by=finance, policy=outsider_policy, period_start=date(2026, 1, 1),
                         country="ES", turnover=eur(1), today=AFTER_YEAR)
    assert err.value.field == "policy"
    draft = PolicyFactory(tenant=tenant, status=Policy.Status.DRAFT)
    with pytest.raises(DomainError):
        declare(draft, finance, date(2026, 1, 1), "ES", 1)
    assert not TurnoverDeclaration.objects.exists()


def test_declaring_a_period_is_all_or_nothing(policy, finance):
    rows = [("ES", eur(100)), ("DE", eur(-5))]
    with pytest.raises(DomainError):
        declare_period(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=date(2026, 1, 1),
                       rows=rows, today=AFTER_YEAR)
    with pytest.raises(DomainError) as err:
        declare_period(tenant=policy.tenant, declared_by=finance, policy=policy, period_start=date(2026, 1, 1),
                       rows=[("ES", eur(1)), ("es", eur(2))], today=AFTER_YEAR)
    assert err.value.code == "duplicate_country"
    assert not TurnoverDeclaration.objects.exists()


# CSV


def test_csv_import_declares_every_row(policy, finance):
    text = "period,country,turnover\n2026-01,ES,600000.00\n2026-01,DE,0\n2026-02,es,400000\n"
    result = csv_premium.import_turnover_csv(tenant=policy.tenant, declared_by=finance, policy=policy, file=text,
                                             today=AFTER_YEAR)
    assert (result.errors, result.created, result.corrected) == ([], 3, 0)
    assert close_period(policy=policy, today=AFTER_YEAR).money("declared_premium") == eur(2_500)


def test_csv_semicolons_and_corrections(policy, finance):
    declare(policy, finance, date(2026, 1, 1), "ES", 1)
    text = "\ufeffperiod;country;turnover;currency\n2026-01;ES;5;EUR\n"
    result = csv_premium.import_turnover_csv(tenant=policy.tenant, declared_by=finance, policy=policy,
                                             file=text.encode(), today=AFTER_YEAR)
    assert (result.errors, result.created, result.corrected) == ([], 0, 1)


def test_csv_reports_every_bad_row_and_writes_nothing(policy, finance):
    text = ("period,country,turnover\n2026-01,ES,100\nJanuary,ES,100\n2026-02,ES,-3\n2026-03,FR,1 000\n"
            "2026-01,ES,7\n")
    result = csv_premium.import_turnover_csv(tenant=policy.tenant, declared_by=finance, policy=policy, file=text,
                                             today=AFTER_YEAR)
    assert [(e.line, e.column) for e in result.errors] == [(3, "period"), (4, "turnover"), (5, "turnover"),
                                                           (6, "country")]
    assert not TurnoverDeclaration.objects.exists()


@pytest.mark.parametrize("turnover,message", [("1" * 30, "The amount is too large"),
                                               ("100.125", "At most 2 decimal places")])
def test_csv_turnover_beyond_the_column_is_a_row_error(policy, finance, turnover, message):
    text = f"period,country,turnover\n2026-01,ES,{turnover}\n"
    result = csv_premium.import_turnover_csv(tenant=policy.tenant, declared_by=finance, policy=policy, file=text,
                                             today=AFTER_YEAR)
    assert [(e.line, e.column) for e in result.errors] == [(2, "turnover")]
    assert result.errors[0].message.startswith(message)
    assert not TurnoverDeclaration.objects.exists()


def test_csv_service_errors_roll_back_the_whole_file(policy, finance):
    text = "period,country,turnover\n2026-01,ES,100\n2026-12,ES,100\n2027-02,ES,1\n"
    result = csv_premium.import_turnover_csv(tenant=policy.tenant, declared_by=finance, policy=policy, file=text,
                                             today=date(2026, 12, 10))
    assert [(e.line, e.column) for e in result.errors] == [(3, "period"), (4, "period")]
    assert result.created == 0
    assert not TurnoverDeclaration.objects.exists()


def test_csv_without_the_columns(policy, finance):
    result = csv_premium.import_turnover_csv(tenant=policy.tenant, declared_by=finance, policy=policy,
                                             file="month,turnover\n2026-01,5\n", today=AFTER_YEAR)
    assert result.errors and result.errors[0].line == 1


# The daily job


@pytest.mark.unscoped
def test_job_twice_reminds_once_and_settles_once(policy, finance, django_capture_on_commit_callbacks):
    for month in range(1, 12):  # December is missing
        declare(policy, finance, date(2026, month, 1), "ES", 10_000)
    with django_capture_on_commit_callbacks(execute=True):
        first = run_premium_job(today=AFTER_YEAR)
    second = run_premium_job(today=AFTER_YEAR)
    assert (first.reminded, first.settled) == (1, 1)
    assert (second.reminded, second.settled) == (0, 0)
    reminders = Notification.objects.filter(event="premium.declaration_missing")
    assert [(n.tenant_id, n.role, n.dedup_key) for n in reminders] == [
        (policy.tenant_id, "Finance", f"premium.declaration_missing:{policy.pk}:2026-12-01")
    ]
    settled = PeriodPremium.objects.get(policy=policy)
    assert (settled.money("declared_premium"), settled.money("adjustment")) == (eur(275), eur(4_725))
    assert settled.history.count() == 1
    assert Notification.objects.filter(event="premium.settled").count() == 1


@pytest.mark.unscoped
def test_job_reminds_each_past_period_once_while_the_policy_runs(policy, finance):
    declare(policy, finance, date(2026, 1, 1), "ES", 1, today=date(2026, 4, 2))
    assert run_premium_job(today=date(2026, 4, 2)).reminded == 2  # February and March
    assert run_premium_job(today=date(2026, 4, 3)).reminded == 0
    assert run_premium_job(today=date(2026, 5, 1)).reminded == 1  # April
    assert not PeriodPremium.objects.exists()


@pytest.mark.unscoped
def test_job_ignores_drafts_and_does_not_leak_between_tenants(tenant, other_tenant):
    PolicyFactory(tenant=tenant, status=Policy.Status.DRAFT)
    outsider = PolicyFactory(tenant=other_tenant)
    result = run_premium_job(today=date(2026, 2, 2))
    assert result.reminded == 1
    assert Notification.objects.get().tenant_id == other_tenant.pk
    assert str(outsider.pk) in Notification.objects.get().dedup_key


@pytest.mark.unscoped
def test_job_reads_policies_in_batches(tenant, django_assert_num_queries):
    policies = [PolicyFactory(tenant=tenant) for _ in range(30)]
    TurnoverDeclaration.objects.bulk_create([
        TurnoverDeclaration(tenant=tenant, policy=p, period_start=date(2026, 1, 1), period_end=date(2026, 1, 31),
                            country="ES", turnover=1, currency="EUR", premium_rate_percent=Decimal("0.25"),
                            premium=0, declared_at="2026-02-01T00:00Z")
        for p in policies
    ])
    # Nothing to remind or settle. Per batch of 10: the policies, their declarations aggregated, a savepoint
    # and its release, the policies' terms versions and insurance periods, the periods already settled; then the
    # empty read that ends the loop: 3 x 7 + 1, however many declarations.
    with django_assert_num_queries(22):
        result = run_premium_job(today=date(2026, 2, 15), batch_size=10)
    assert (result.reminded, result.settled) == (0, 0)


@pytest.mark.unscoped
def test_job_settles_and_reminds_in_a_constant_number_of_queries_per_batch(tenant, django_assert_num_queries):
    for _n in range(30):
        PolicyFactory(tenant=tenant)
    # 30 ended policies, 12 missing months each: 360 reminders and 30 settlements in 3 batches of
    # about 12 queries each (policies, declarations, settlements and their history, notices, outbox).
    # SQLite caps the variables of one statement, so its bulk inserts of the 360 notices take more statements.
    # Each batch also reads its policies' terms versions (the minimum premium of the period's end).
    # Two more a batch: the insurance periods and those already settled (each period settles on its own).
    with django_assert_num_queries(46 if connection.vendor == "sqlite" else 43):
        result = run_premium_job(today=AFTER_YEAR, batch_size=10)
    assert (result.reminded, result.settled) == (360, 30)
    assert run_premium_job(today=AFTER_YEAR, batch_size=10) == type(result)(reminded=0, settled=0)


def test_celery_task_runs_the_job_outside_any_tenant_scope(policy, today, no_scope):
    from policies.tasks import premium_reminders_and_adjustments

    today(AFTER_YEAR)
    assert premium_reminders_and_adjustments() == {"reminded": 12, "settled": 1}
    assert premium_reminders_and_adjustments() == {"reminded": 0, "settled": 0}


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 12, 15), 1, date(2027, 1, 1)),
    (date(2026, 1, 31), -1, date(2025, 12, 1)),
    (date(2028, 2, 29), -12, date(2027, 2, 1)),
    (date(2026, 3, 1), 0, date(2026, 3, 1)),
])
def test_month_start_crosses_years_both_ways(day, months, expected):
    assert month_start(day, months) == expected

