"""Insurance periods, renewal and run-off, non-renewal and cancellation (issue 10, item 3; domain.md, The policy's
life, example 15).

The worked example (dated 2024-2025: notices and claims are never dated in the future): a policy of 2024 with an aggregate first loss of 5,000 and a maximum liability of 3 x the
minimum premium of 5,000 (15,000 per period) is offered renewal on 1 November (60 days before its end), renewed at
80% cover with a non-qualifying loss of 500 from 1 January 2025. A claim on a shipment of 20 November 2024, filed in
June 2025, is paid on 2024's terms: 20,000 x 90% - 5,000 first loss = 13,000. A claim on a shipment of 10 January
2025 under the limit carried over without a new request: 20,000 x 80% - 500 - 5,000 (the first loss starts again)
= 10,500, not capped by what 2024 used of its liability (2,000 left there).
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django_scopes import scopes_disabled

from claims.claims.calculation import calculate_claim
from claims.claims.models import Claim
from claims.renewals import run_renewal_job
from core.exceptions import DomainError
from core.models import OutboxMessage
from limits.models import CreditLimit
from limits.selectors import cover_in_force
from policies import deadlines
from policies.models import Policy
from policies.periods import services as periods
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer
from tests.claim_helpers import approve_limit, file_protracted_default, late_payer, upload_checklist
from tests.factories import PolicyFactory, eur
from tests.overdue_factories import declare, invoice

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

DEC_31, NOV_1, OCT_31 = date(2026, 12, 31), date(2026, 11, 1), date(2026, 10, 31)


def fresh(model, pk):
    with scopes_disabled():
        return model.objects.get(pk=pk)


def renew_job(day, django_capture_on_commit_callbacks):
    """The daily job, its outbox messages carried out on commit as a worker would."""
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):
        return run_renewal_job(today=day)


def period_of(policy, number=1):
    with scopes_disabled():
        return InsurancePeriod.objects.get(policy=policy, number=number)


@pytest.fixture
def policy_2026(tenant):
    return PolicyFactory(tenant=tenant, aggregate_first_loss_amount=Decimal("5000"),
                         max_liability_multiple=Decimal("3"))


def approved_claim(claim, handler, finance):
    from claims.claims import services as claims
    from core.tenancy import tenant_scope

    upload_checklist(claim, finance)
    with tenant_scope(claim.tenant):
        claims.submit_claim(claim=fresh(Claim, claim.pk), submitted_by=finance, today=claim.date_of_loss)
    with scopes_disabled():
        claims.confirm_complete(claim=Claim.objects.get(pk=claim.pk), confirmed_by=handler)
        return claims.approve_claim(claim=Claim.objects.get(pk=claim.pk), approved_by=handler)


def test_a_policy_has_period_1_from_its_dates(policy_2026):
    period = period_of(policy_2026)
    assert (period.number, period.start, period.end, period.state) == (1, date(2026, 1, 1), DEC_31, "open")


def test_the_worked_example_two_periods_run_off_first_loss_and_liability_restart(
        tenant, underwriter, claims_handler, finance, user, django_capture_on_commit_callbacks):
    policy = PolicyFactory(tenant=tenant, start_date=date(2024, 1, 1), end_date=date(2024, 12, 31),
                           aggregate_first_loss_amount=Decimal("5000"), max_liability_multiple=Decimal("3"))
    buyer = late_payer()
    limit = approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter,
                           effective=date(2024, 1, 2))
    with scopes_disabled():
        CreditLimit.objects.filter(pk=limit.pk).update(expiry_date=date(2024, 12, 31))  # expiring with the period

    # The offer: not on 31 October, on 1 November (60 days before 31 December), once however often the job runs.
    assert renew_job(date(2024, 10, 31), django_capture_on_commit_callbacks)["offers_queued"] == 0
    assert renew_job(date(2024, 11, 1), django_capture_on_commit_callbacks)["offers_queued"] == 1
    assert renew_job(date(2024, 11, 1), django_capture_on_commit_callbacks)["offers_queued"] == 0
    with scopes_disabled():
        offers = list(RenewalOffer.objects.filter(policy=policy))
    assert len(offers) == 1 and offers[0].state == "offered" and offers[0].offered_on == date(2024, 11, 1)
    assert offers[0].premium_rate_percent == Decimal("0.2500") and offers[0].loss_ratio_percent == Decimal("0.00")

    with scopes_disabled():
        offer = periods.change_offer(offer=offers[0], changed_by=underwriter, premium_rate_percent=Decimal("0.3"),
                                     term_changes={"percentage_of_cover_commercial": "80",
                                                   "non_qualifying_loss_amount": "500"})
        second = periods.accept_offer(offer=offer, accepted_by=user, today=date(2024, 12, 15))
        policy = Policy.objects.get(pk=policy.pk)
    assert (second.number, second.start, second.end) == (2, date(2025, 1, 1), date(2025, 12, 31))
    assert policy.end_date == date(2025, 12, 31) and period_of(policy).state == "renewed"
    terms_2027 = policy.terms_on(date(2025, 1, 1))
    assert (terms_2027.percentage_of_cover_commercial, terms_2027.premium_rate_percent) == (80, Decimal("0.3"))
    assert policy.terms_on(date(2024, 12, 31)).percentage_of_cover_commercial == 90
    # The limit carried over: its expiry moved to the new end, and it covers 2025 shipments with no new request.
    assert fresh(CreditLimit, limit.pk).expiry_date == date(2025, 12, 31)
    with scopes_disabled():
        assert cover_in_force(policy=policy, buyer=buyer, on=date(2025, 1, 10)).amount == eur(50_000)

    # Claim 1: shipped in period 1, filed in June 2025 (run-off), paid on 2024's terms.
    overdue_1 = declare(tenant, policy, buyer, [invoice("N-1", shipped=date(2024, 11, 20), amount=20_000)])
    claim_1 = file_protracted_default(tenant=tenant, overdue=overdue_1, by=finance)
    assert claim_1.date_of_loss > date(2024, 12, 31)
    claim_1 = approved_claim(claim_1, claims_handler, finance)
    assert (claim_1.approved_indemnity, claim_1.first_loss_borne) == (Decimal("13000.00"), Decimal("5000.00"))

    # Claim 2: shipped in period 2: 2025's terms, the first loss again in full, 2025's own liability.
    other = late_payer("Second Buyer S.p.A.")
    approve_limit(tenant=tenant, policy=policy, buyer=other, amount=50_000, underwriter=underwriter,
                  effective=date(2025, 1, 2))
    overdue_2 = declare(tenant, policy, other, [invoice("J-1", shipped=date(2025, 1, 10), amount=20_000)])
    claim_2 = file_protracted_default(tenant=tenant, overdue=overdue_2, by=finance)
    with scopes_disabled():
        calculation = calculate_claim(claim=Claim.objects.get(pk=claim_2.pk))
    assert calculation.first_loss_borne == eur(5_000)
    assert calculation.liability_cap == eur(15_000)  # not the 2,000 left of 2024's
    assert calculation.indemnity == eur(10_500)


def test_renewal_is_announced_by_webhook_and_notice(tenant, policy_2026, user, receiver,
                                                    django_capture_on_commit_callbacks):
    from core import webhooks
    from core.models import Notification, WebhookDelivery

    with scopes_disabled():
        webhooks.create_endpoint(tenant=tenant, created_by=user, url=receiver.url, events=["policy.renewed"],
                                 description="ERP")

    renew_job(NOV_1, django_capture_on_commit_callbacks)
    with scopes_disabled():
        offer = RenewalOffer.objects.get(policy=policy_2026)
        new = periods.accept_offer(offer=offer, accepted_by=user, today=NOV_1)
        assert Notification.objects.filter(tenant=tenant, event="policy.renewed").count() == 1
        assert Notification.objects.filter(tenant=tenant, event="policy.renewal_offered").count() == 1
        delivery = WebhookDelivery.objects.get(event="policy.renewed")
    assert delivery.payload["period"] == new.number == 2
    assert delivery.payload["changed_terms"] == []


def test_an_offer_cannot_be_answered_twice_or_after_the_period(policy_2026, user, django_capture_on_commit_callbacks):
    renew_job(NOV_1, django_capture_on_commit_callbacks)
    with scopes_disabled():
        offer = RenewalOffer.objects.get(policy=policy_2026)
        with pytest.raises(DomainError) as late:
            periods.accept_offer(offer=offer, accepted_by=user, today=date(2027, 1, 1))
        assert late.value.code == "lapsed"
        periods.decline_offer(offer=offer, declined_by=user, today=DEC_31)
        with pytest.raises(DomainError):
            periods.accept_offer(offer=offer, accepted_by=user, today=DEC_31)
    # Declined: the period lapses and the policy expires the day after its end, once.
    assert renew_job(date(2027, 1, 1), django_capture_on_commit_callbacks)["policies_expired"] == 1
    assert renew_job(date(2027, 1, 1), django_capture_on_commit_callbacks)["policies_expired"] == 0
    assert fresh(Policy, policy_2026.pk).status == "expired" and period_of(policy_2026).state == "lapsed"


def test_an_unknown_or_bad_term_in_an_offer_is_refused(policy_2026, underwriter, django_capture_on_commit_callbacks):
    renew_job(NOV_1, django_capture_on_commit_callbacks)
    with scopes_disabled():
        offer = RenewalOffer.objects.get(policy=policy_2026)
        with pytest.raises(DomainError) as unknown:
            periods.change_offer(offer=offer, changed_by=underwriter, term_changes={"colour": "red"})
        assert unknown.value.field == "term_changes.colour"
        with pytest.raises(DomainError):
            periods.change_offer(offer=offer, changed_by=underwriter,
                                 term_changes={"percentage_of_cover_commercial": "150"})
        with pytest.raises(DomainError):
            periods.change_offer(offer=offer, changed_by=underwriter, premium_rate_percent=Decimal("101"))
        assert RenewalOffer.objects.get(pk=offer.pk).term_changes == {}


# --- Deadlines at their boundary days -------------------------------------------------------------------------

def test_renewal_offer_and_notice_deadlines(policy_2026):
    terms = policy_2026.terms_on(DEC_31)
    assert deadlines.renewal_offer_from(terms=terms, period_end=DEC_31) == NOV_1
    assert deadlines.non_renewal_notice_deadline(terms=terms, period_end=DEC_31) == date(2026, 10, 2)
    assert deadlines.notice_effective_on(terms=terms, kind="cancellation", given_on=date(2026, 3, 1),
                                         period_end=DEC_31) == date(2026, 5, 30)
    assert deadlines.notice_effective_on(terms=terms, kind="cancellation", given_on=date(2026, 11, 1),
                                         period_end=DEC_31) == date(2027, 1, 1)
    assert deadlines.notice_effective_on(terms=terms, kind="non_renewal", given_on=date(2026, 3, 1),
                                         period_end=DEC_31) == date(2027, 1, 1)


@pytest.mark.parametrize("given_on,in_time", [(date(2026, 10, 2), True), (date(2026, 10, 3), False)])
def test_non_renewal_notice_is_in_time_up_to_90_days_before_the_end(policy_2026, user, given_on, in_time):
    with scopes_disabled():
        if in_time:
            notice = periods.give_notice(policy=policy_2026, kind="non_renewal", side="insured", reason="Closing",
                                         given_by=user, today=given_on)
            assert notice.effective_on == date(2027, 1, 1)
            assert Policy.objects.get(pk=policy_2026.pk).end_date == DEC_31
        else:
            with pytest.raises(DomainError) as late:
                periods.give_notice(policy=policy_2026, kind="non_renewal", side="insured", reason="Closing",
                                    given_by=user, today=given_on)
            assert late.value.code == "too_late"
            assert not PolicyNotice.objects.exists()


def test_a_cancellation_ends_cover_from_its_effective_day_and_run_off_continues(
        tenant, policy_2026, underwriter, finance, django_capture_on_commit_callbacks):
    buyer = late_payer()
    limit = approve_limit(tenant=tenant, policy=policy_2026, buyer=buyer, amount=50_000, underwriter=underwriter)
    with scopes_disabled():
        notice = periods.give_notice(policy=policy_2026, kind="cancellation", side="insurer",
                                     reason="Premium unpaid", given_by=underwriter, today=date(2026, 3, 1))
        policy = Policy.objects.get(pk=policy_2026.pk)
        assert notice.effective_on == date(2026, 5, 30)
        assert policy.end_date == date(2026, 5, 29) and period_of(policy).end == date(2026, 5, 29)
        day_before = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 5, 29))
        effective = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 5, 30))
    assert day_before.amount == eur(50_000)
    assert effective.amount == eur(0) and effective.outside_policy  # the timeline says why
    assert fresh(CreditLimit, limit.pk).expiry_date == date(2026, 5, 29)  # limits end with the cover
    # After the end the policy is cancelled; a claim on a shipment before it may still be filed (run-off).
    assert renew_job(date(2026, 5, 30), django_capture_on_commit_callbacks)["policies_cancelled"] == 1
    assert fresh(Policy, policy.pk).status == "cancelled"
    with scopes_disabled():
        policy = Policy.objects.get(pk=policy.pk)
    overdue = declare(tenant, policy, buyer, [invoice("M-1", shipped=date(2026, 5, 20), amount=10_000)])
    claim = file_protracted_default(tenant=tenant, overdue=overdue, by=finance)
    with scopes_disabled():
        # 10,000 x 90% less the period's first loss of 5,000.
        assert calculate_claim(claim=Claim.objects.get(pk=claim.pk)).indemnity == eur(4_000)


def test_one_notice_per_policy_and_a_reason(policy_2026, user):
    with scopes_disabled():
        with pytest.raises(DomainError):
            periods.give_notice(policy=policy_2026, kind="cancellation", side="insured", reason=" ", given_by=user,
                                today=date(2026, 3, 1))
        periods.give_notice(policy=policy_2026, kind="cancellation", side="insured", reason="Closing",
                            given_by=user, today=date(2026, 3, 1))
        with pytest.raises(DomainError) as again:
            periods.give_notice(policy=policy_2026, kind="non_renewal", side="insurer", reason="x", given_by=user,
                                today=date(2026, 3, 2))
        assert again.value.code == "notice_given"


def test_no_offer_once_notice_is_given(policy_2026, user, django_capture_on_commit_callbacks):
    with scopes_disabled():
        periods.give_notice(policy=policy_2026, kind="non_renewal", side="insured", reason="Closing",
                            given_by=user, today=date(2026, 9, 1))
    assert renew_job(NOV_1, django_capture_on_commit_callbacks)["offers_queued"] == 0


def test_the_offer_message_sent_twice_offers_once(policy_2026):
    from claims.renewals import offer_renewal_of

    period = period_of(policy_2026)
    with scopes_disabled():
        offer_renewal_of(period_id=period.pk, today=NOV_1.isoformat())
        offer_renewal_of(period_id=period.pk, today=NOV_1.isoformat())
        assert RenewalOffer.objects.filter(period=period).count() == 1
        assert not OutboxMessage.objects.filter(task_name="policies.offer_renewal", processed_at__isnull=True).exists()


# --- The database keeps the rules too -----------------------------------------------------------------------

def test_database_refuses_a_second_period_number_and_an_inverted_period(policy_2026):
    with scopes_disabled():
        with pytest.raises(IntegrityError), transaction.atomic():
            InsurancePeriod.objects.create(tenant=policy_2026.tenant, policy=policy_2026, number=1,
                                           start=date(2027, 1, 1), end=date(2027, 12, 31))
        with pytest.raises(IntegrityError), transaction.atomic():
            InsurancePeriod.objects.create(tenant=policy_2026.tenant, policy=policy_2026, number=2,
                                           start=date(2027, 1, 2), end=date(2027, 1, 1))


def test_a_renewed_policys_dates_are_its_periods(policy_2026, user, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    from policies.services import save_policy

    renew_job(NOV_1, django_capture_on_commit_callbacks)
    with scopes_disabled():
        periods.accept_offer(offer=RenewalOffer.objects.get(policy=policy_2026), accepted_by=user, today=NOV_1)
        policy = Policy.objects.get(pk=policy_2026.pk)
        policy.end_date = date(2028, 6, 30)
        with pytest.raises(ValidationError):
            save_policy(policy=policy)


# --- Premium per period -----------------------------------------------------------------------------------------

def test_each_period_has_its_deposit_settlement_and_adjustment(tenant, user, django_capture_on_commit_callbacks):
    from policies.premium.invoices import raise_deposits, raise_minimum_adjustments
    from policies.premium.models import PeriodPremium, PremiumInvoice
    from policies.premium.services import declare_turnover, run_premium_job

    policy = PolicyFactory(tenant=tenant, start_date=date(2024, 1, 1), end_date=date(2024, 12, 31))
    with scopes_disabled():
        raise_deposits(today=date(2024, 1, 2))
    renew_job(date(2024, 11, 1), django_capture_on_commit_callbacks)
    with scopes_disabled():
        periods.accept_offer(offer=RenewalOffer.objects.get(policy=policy), accepted_by=user,
                             today=date(2024, 11, 2))
    with scopes_disabled():
        policy = Policy.objects.get(pk=policy.pk)
        assert raise_deposits(today=date(2025, 1, 2)) == 1  # period 2's deposit
        assert raise_deposits(today=date(2025, 1, 2)) == 0
    from core.tenancy import tenant_scope

    with tenant_scope(tenant):
        # 1,000,000 declared in period 2 at 0.25% = 2,500: below period 2's own minimum of 5,000.
        declare_turnover(tenant=tenant, declared_by=user, policy=policy, period_start=date(2025, 1, 1),
                         country="ES", turnover=Decimal("1000000"), today=date(2025, 2, 1))
    with scopes_disabled():
        assert run_premium_job(today=date(2025, 1, 2)).settled == 1  # period 1, at its end
        assert run_premium_job(today=date(2026, 1, 2)).settled == 1  # period 2
        assert run_premium_job(today=date(2026, 1, 2)).settled == 0
        settled = {p.period_start: (p.declared_premium, p.premium_due)
                   for p in PeriodPremium.objects.filter(policy=policy)}
        assert settled == {date(2024, 1, 1): (Decimal("0.00"), Decimal("5000.00")),
                           date(2025, 1, 1): (Decimal("2500.00"), Decimal("5000.00"))}
        raise_minimum_adjustments(today=date(2026, 1, 2))
        deposits = PremiumInvoice.objects.filter(policy=policy, kind="deposit").order_by("period_start")
        assert [d.period_start for d in deposits] == [date(2024, 1, 1), date(2025, 1, 1)]
        # Each period's deposit of 5,000 already asks its premium due: nothing to adjust in either.
        adjustments = PremiumInvoice.objects.filter(policy=policy, kind="minimum_adjustment")
        assert sorted(a.amount for a in adjustments) == [Decimal("0.00"), Decimal("0.00")]
