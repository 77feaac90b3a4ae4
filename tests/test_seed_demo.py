"""`seed_demo` (make run) builds a demo in force on the day it runs, and is safe to run twice.

Its dates are counted from today, so it is seeded here with the clock pinned to days the fixed 2026 demo
used to fail on (after its policy ended, on a declaration period it no longer had, a leap day).
"""

import io
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from buyers.models import Buyer
from claims.claims import services as claim_services
from claims.claims.models import Cause, Claim
from claims.overdues.models import Overdue
from limits.forms import LimitRequestForm
from limits.models import CreditLimit
from policies.models import Policy
from policies.periods.models import InsurancePeriod, RenewalOffer
from policies.premium.models import TurnoverDeclaration
from policies.premium.selectors import periods_of
from policies.selectors import policies_for_tenant
from recoveries.ledger import build_ledger
from recoveries.models import Recovery

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

# Every table the command writes, directly or through services (decisions, notifications, outbox).
SEEDED = [
    "accounts.Tenant", "accounts.Membership", "auth.User", "auth.Group", "policies.Policy",
    "buyers.Buyer", "buyers.CountryRisk", "core.ExchangeRate", "limits.CreditLimit", "limits.LimitDecision",
    "core.Notification", "core.OutboxMessage", "claims.Overdue", "claims.Invoice", "claims.Claim",
    "claims.ClaimDocument", "claims.ClaimTransition", "recoveries.Recovery", "policies.TurnoverDeclaration",
    "policies.InsurancePeriod", "policies.RenewalOffer",
]

# 2026-12-01: the real day; 2027-02-15: the fixed 2026 policy had ended; 2027-03-01: seeding failed on a
# declaration period; 2027-12-31: the last day of a year; 2028-02-29: a leap day.
DAYS = [date(2026, 12, 1), date(2027, 2, 15), date(2027, 3, 1), date(2027, 12, 31), date(2028, 2, 29)]


@pytest.fixture
def seed_on(today, monkeypatch, django_capture_on_commit_callbacks):
    """Run seed_demo as on `day`: the services read timezone.localdate, timestamps come from timezone.now."""

    def seed(day: date) -> None:
        today(day)
        noon = timezone.make_aware(datetime.combine(day, time(12)))
        monkeypatch.setattr(timezone, "now", lambda: noon)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("seed_demo", stdout=io.StringIO())

    return seed


def row_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in SEEDED}


def policy_in_force(legal_name: str, day: date) -> Policy:
    """The tenant's one policy covering `day`, as limits.services checks it (Policy.is_in_force_on)."""
    policies = policies_for_tenant(tenant=apps.get_model("accounts.Tenant").objects.get(legal_name=legal_name))
    in_force = [policy for policy in policies if policy.is_in_force_on(day)]
    assert len(in_force) == 1, [(p.number, p.start_date, p.end_date) for p in policies]
    return in_force[0]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_both_demo_policies_are_in_force_with_months_ahead(seed_on, day):
    seed_on(day)
    iberia = policy_in_force("Iberia Export S.L.", day)
    shanghai = policy_in_force("Shanghai Lotus Trading Co., Ltd.", day)
    # Started on the first of a month ten (Iberia) and seven (Shanghai) months back, for a year.
    assert iberia.start_date.day == 1 and iberia.end_date - day >= timedelta(days=28)
    assert shanghai.start_date.day == 1 and shanghai.end_date - day >= timedelta(days=3 * 28)
    assert iberia.number == f"KR-ES-{iberia.start_date.year}-001"
    assert shanghai.number == f"KR-CN-{shanghai.start_date.year}-001"
    # The year before, expired, ends the day before the current period starts.
    previous = Policy.objects.get(tenant=iberia.tenant, status=Policy.Status.EXPIRED)
    assert previous.end_date == iberia.start_date - timedelta(days=1) and not previous.is_in_force_on(day)


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_iberia_credit_can_request_a_limit_on_the_demo_policy_today(seed_on, client, day):
    seed_on(day)
    policy = policy_in_force("Iberia Export S.L.", day)
    assert policy in LimitRequestForm(tenant=policy.tenant).fields["policy"].queryset
    buyer = Buyer.objects.create(legal_name="Nuovo Cliente S.r.l.", country="IT", registration_number="IT-DEMO-1",
                                 grade=2, status=Buyer.Status.CONFIRMED)
    client.force_login(apps.get_model("auth.User").objects.get(username="iberia-credit"))
    response = client.post("/limits/request/", {
        "buyer": buyer.pk, "policy": policy.pk, "amount": "25000", "terms_days": "60", "reference": "NEW-1",
    })
    assert response.status_code == 302
    limit = CreditLimit.objects.get(reference="NEW-1")
    assert limit.policy == policy and limit.state == CreditLimit.State.IN_FORCE  # within the matrix: at once


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_paid_claim_with_its_recovery_shared_pro_rata(seed_on, day):
    seed_on(day)
    policy = policy_in_force("Iberia Export S.L.", day)
    claim = Claim.objects.get(tenant=policy.tenant, reference="DEMO-CL-1")
    assert claim.policy == policy and claim.state == Claim.State.PAID
    assert claim.paid_amount == Decimal("9000.00") and claim.currency == "EUR" and claim.paid_on == day
    # Filed within the window: after the 150-day waiting period, before the 240-day deadline.
    window = claim_services.filing_window(overdue=claim.overdue, cause=Cause.PROTRACTED_DEFAULT)
    assert window.is_open(claim.filed_on) and claim.filed_on < day
    (invoice,) = claim.overdue.invoices.all()
    assert policy.start_date < invoice.shipment_date < claim.overdue.notified_on
    assert not invoice.notified_late
    (recovery,) = Recovery.objects.filter(claim=claim)
    assert recovery.amount == Decimal("2000.00") and recovery.phase == Recovery.Phase.AFTER_PAYMENT
    split = build_ledger(claim=claim).split
    assert (split.insurer.amount, split.insured.amount) == (Decimal("1800.00"), Decimal("200.00"))


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_open_overdue_notified_recently_with_its_claim_window_ahead(seed_on, day):
    seed_on(day)
    policy = policy_in_force("Iberia Export S.L.", day)
    overdue = Overdue.objects.get(tenant=policy.tenant, reference="DEMO-OD-2")
    assert overdue.policy == policy and overdue.state == Overdue.State.OPEN
    assert policy.start_date < overdue.notified_on < day
    invoices = list(overdue.invoices.all())
    assert len(invoices) == 2 and not any(invoice.notified_late for invoice in invoices)
    assert all(policy.start_date < invoice.shipment_date <= overdue.notified_on for invoice in invoices)
    assert claim_services.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT).opens > day


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_turnover_declared_for_every_ended_month_but_the_last(seed_on, day):
    seed_on(day)
    policy = policy_in_force("Iberia Export S.L.", day)
    ended = [period.start for period in periods_of(policy) if period.has_ended(day)]
    declared = set(TurnoverDeclaration.objects.filter(policy=policy).values_list("period_start", flat=True))
    assert len(ended) >= 9 and declared == set(ended[:-1])  # the last ended month is left for a reminder


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_limits_were_decided_in_the_months_before_today(seed_on, day):
    seed_on(day)
    policy = policy_in_force("Iberia Export S.L.", day)
    in_force = CreditLimit.objects.filter(policy=policy, state=CreditLimit.State.IN_FORCE)
    assert {limit.buyer.legal_name for limit in in_force} == {
        "Müller Maschinenbau GmbH", "Lisboa Vinhos Lda", "Atlântico Pescas S.A."}
    for limit in in_force:
        effective = limit.decisions.order_by("pk").last().effective_date
        assert policy.start_date < effective < day - timedelta(days=200)
    pending = CreditLimit.objects.filter(policy=policy, state=CreditLimit.State.PENDING)
    assert pending.count() == 2  # waiting for an underwriter since a few days


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_seed_demo_twice_on_one_day_creates_nothing_twice(seed_on, day):
    seed_on(day)
    first = row_counts()
    # The first run really seeds: the second run's equality below would otherwise prove nothing.
    assert first["accounts.Tenant"] == 2 and first["policies.Policy"] == 3 and first["limits.CreditLimit"] == 6
    assert first["claims.Overdue"] == 2 and first["claims.Claim"] == 1 and first["recoveries.Recovery"] == 1
    assert first["claims.ClaimDocument"] == 4 and first["policies.TurnoverDeclaration"] > 0

    seed_on(day)
    assert row_counts() == first


def test_a_later_run_leaves_the_demo_alone_and_renews_a_lapsed_policy(seed_on):
    seed_on(date(2026, 12, 1))
    first_iberia = policy_in_force("Iberia Export S.L.", date(2026, 12, 1))
    first_shanghai = policy_in_force("Shanghai Lotus Trading Co., Ltd.", date(2026, 12, 1))

    # Still in force on 10 January: nothing new but the month that ended since is declared.
    seed_on(date(2027, 1, 10))
    assert Policy.objects.count() == 3
    assert TurnoverDeclaration.objects.filter(policy=first_iberia, period_start=date(2026, 11, 1)).exists()

    # Iberia's period ended on 31 January: renewed through its periods (the offer accepted by the tenant admin),
    # the second period following the first without overlap; Shanghai's still runs.
    day = date(2027, 3, 1)
    seed_on(day)
    renewal = policy_in_force("Iberia Export S.L.", day)
    assert renewal == first_iberia and Policy.objects.count() == 3
    first, second = InsurancePeriod.objects.filter(policy=renewal).order_by("number")
    assert (first.end, first.state) == (first_iberia.end_date, "renewed")
    assert second.start == first_iberia.end_date + timedelta(days=1) and second.end == renewal.end_date
    offer = RenewalOffer.objects.get(period=first)
    assert offer.state == "accepted" and offer.decided_by.username == "iberia-admin"
    assert policy_in_force("Shanghai Lotus Trading Co., Ltd.", day) == first_shanghai
    # The history stays on the period it happened in, once.
    assert Claim.objects.get(reference="DEMO-CL-1").policy == first_iberia
    assert Overdue.objects.filter(reference__startswith="DEMO-OD-").count() == 2
    # The limit carried over into the second period.
    assert CreditLimit.objects.filter(policy=renewal, buyer__legal_name="Müller Maschinenbau GmbH",
                                      state=CreditLimit.State.IN_FORCE).exists()
    # Only the second period's first month has ended: nothing of it is declared yet.
    assert not TurnoverDeclaration.objects.filter(policy=renewal, period_start__gte=second.start).exists()
    counts = row_counts()
    seed_on(day)
    assert row_counts() == counts

    # Two years on both have lapsed again: each is renewed, period by period, to one in force today.
    day = date(2029, 2, 28)
    seed_on(day)
    iberia = policy_in_force("Iberia Export S.L.", day)
    assert iberia == first_iberia and iberia.periods.count() == 4
    assert policy_in_force("Shanghai Lotus Trading Co., Ltd.", day) == first_shanghai
    assert Policy.objects.count() == 3


def test_seed_demo_keeps_each_users_roles_on_a_second_run(seed_on):
    seed_on(date(2026, 12, 1))
    seed_on(date(2026, 12, 1))
    User = apps.get_model("auth.User")
    credit = User.objects.get(username="iberia-credit")
    assert list(credit.groups.values_list("name", flat=True)) == ["Credit manager"]
    assert User.objects.get(username="iberia-credit").membership.tenant.legal_name == "Iberia Export S.L."


def test_shanghais_users_see_nothing_of_iberias_demo(seed_on, client):
    seed_on(date(2026, 12, 1))
    client.login(username="shanghai-finance", password="kredo-demo-2026")
    claims_page = client.get("/claims/").content.decode()
    assert "DEMO-CL-1" not in claims_page
    assert "DEMO-OD-2" not in client.get("/overdues/").content.decode()
    iberia_claim = Claim.objects.get(reference="DEMO-CL-1")
    assert client.get(f"/claims/{iberia_claim.pk}/").status_code == 404
    client.login(username="iberia-finance", password="kredo-demo-2026")
    assert "DEMO-CL-1" in client.get("/claims/").content.decode()

