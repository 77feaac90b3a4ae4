"""Every rule reads the terms of the day it names (issue 10; domain.md, The policy's life, examples 14 and 16).

Each converted rule is checked at the boundary of an endorsement from 1 July: the day before reads the old terms,
the day itself the new ones.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from claims.claims import services as claims
from claims.claims.calculation import calculate_claim
from claims.claims.models import Cause, Claim
from claims.overdues.models import Invoice
from claims.overdues.selectors import deadlines_of
from core.exceptions import DomainError
from core.tenancy import tenant_scope
from limits import services as limit_services
from limits.selectors import cover_in_force
from policies.endorsements import endorse_policy
from policies.models import Policy
from policies.premium.services import declare_turnover
from tests.claim_helpers import approve_limit, file_protracted_default, late_payer, upload_checklist
from tests.factories import PolicyFactory, eur
from tests.overdue_factories import declare, invoice

pytestmark = pytest.mark.django_db

JUNE_30, JULY_1 = date(2026, 6, 30), date(2026, 7, 1)


def endorse(policy, day=JULY_1, **changes):
    with scopes_disabled():
        endorse_policy(policy=policy, effective_from=day, reason="Market change", made_by=None, **changes)
        return Policy.objects.get(pk=policy.pk)


def fresh(claim):
    with scopes_disabled():
        return Claim.objects.select_related("policy").get(pk=claim.pk)


def claim_on(tenant, policy, underwriter, *, shipped, amount=10_000, name="Late Payer S.p.A.", limit=50_000):
    buyer = late_payer(name)
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=limit, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer, invoices=[invoice(shipped=shipped, amount=amount)])
    return file_protracted_default(tenant=tenant, overdue=overdue, by=None)


def indemnity(claim):
    with scopes_disabled():
        return calculate_claim(claim=fresh(claim)).indemnity


# --- Example 14 and the done-when test ---------------------------------------------------------------------------

def test_example_14_an_endorsement_never_changes_an_open_claim_on_an_earlier_shipment(tenant, policy, underwriter):
    june = claim_on(tenant, policy, underwriter, shipped=JUNE_30)
    assert indemnity(june) == eur(9_000)
    policy = endorse(policy, percentage_of_cover_commercial=Decimal("85"))
    # The claim opened before the endorsement, recalculated after it: still 90% (shipped 30 June).
    assert fresh(june).state == Claim.State.DRAFT
    assert indemnity(june) == eur(9_000)
    july = claim_on(tenant, policy, underwriter, shipped=JULY_1, name="Other Buyer S.r.l.")
    assert indemnity(july) == eur(8_500)


def test_cover_in_force_reads_the_percentage_of_the_shipment_date(tenant, policy, underwriter):
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    policy = endorse(policy, percentage_of_cover_commercial=Decimal("85"),
                     discretionary_percentage_of_cover=Decimal("60"))
    with scopes_disabled():
        assert cover_in_force(policy=policy, buyer=buyer, on=JUNE_30).percentage_of_cover == Decimal("90")
        assert cover_in_force(policy=policy, buyer=buyer, on=JULY_1).percentage_of_cover == Decimal("85")


def test_the_political_percentage_is_the_shipment_dates(tenant, policy, underwriter):
    june = claim_on(tenant, policy, underwriter, shipped=JUNE_30)
    policy = endorse(policy, percentage_of_cover_political=Decimal("80"))
    with scopes_disabled():
        Claim.objects.filter(pk=june.pk).update(cause=Cause.POLITICAL, event_date=date(2026, 11, 1))
    assert indemnity(june) == eur(9_000)
    july = claim_on(tenant, policy, underwriter, shipped=JULY_1, name="Other Buyer S.r.l.")
    with scopes_disabled():
        Claim.objects.filter(pk=july.pk).update(cause=Cause.POLITICAL, event_date=date(2026, 11, 1))
    assert indemnity(july) == eur(8_000)


def test_the_maximum_credit_period_is_the_shipment_dates(tenant, policy, underwriter):
    buyers = late_payer("June Buyer S.p.A."), late_payer("July Buyer S.p.A.")
    for buyer in buyers:  # granted on 60 days' terms before the endorsement
        approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    policy = endorse(policy, max_credit_period_days=45)
    # 60 days' terms: within the 120 days of 30 June, beyond the 45 of 1 July.
    overdues = [declare(tenant, policy, buyer, [invoice(shipped=day, amount=10_000)])
                for buyer, day in zip(buyers, (JUNE_30, JULY_1), strict=True)]
    june, july = (file_protracted_default(tenant=tenant, overdue=o, by=None) for o in overdues)
    assert indemnity(june) == eur(9_000)
    with scopes_disabled():
        calculation = calculate_claim(claim=fresh(july))
    assert calculation.indemnity == eur(0)
    assert calculation.lines[0].notes[0].code == "indemnity.beyond_credit_period"
    assert calculation.lines[0].notes[0].params["days"] == 45


def test_an_invoices_deadlines_are_the_terms_of_its_shipment_date(tenant, policy):
    policy = endorse(policy, overdue_notification_days=30, waiting_period_days=120, claim_filing_days=200,
                     max_extension_days=45)
    shipped_june = Invoice(shipment_date=JUNE_30, invoice_date=JUNE_30, due_date=date(2026, 8, 29))
    shipped_july = Invoice(shipment_date=JULY_1, invoice_date=JULY_1, due_date=date(2026, 8, 29))
    june, july = deadlines_of(shipped_june, policy), deadlines_of(shipped_july, policy)
    due = date(2026, 8, 29)
    assert (june.notification_deadline, july.notification_deadline) == (due + timedelta(60), due + timedelta(30))
    assert (june.waiting_period_end, july.waiting_period_end) == (due + timedelta(150), due + timedelta(120))
    assert (june.claim_filing_deadline, july.claim_filing_deadline) == (due + timedelta(240), due + timedelta(200))
    assert (june.max_extension_end, july.max_extension_end) == (due + timedelta(60), due + timedelta(45))


def test_an_overdues_lateness_and_filing_window_follow_its_oldest_invoices_shipment(tenant, policy, underwriter):
    policy = endorse(policy, overdue_notification_days=30, waiting_period_days=120)
    due = date(2026, 8, 29)
    buyers = late_payer("June Buyer S.p.A."), late_payer("July Buyer S.p.A.")
    for buyer in buyers:
        approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    # Notified 40 days after the due date: in time under 60 days (30 June), late under 30 (1 July).
    june = declare(tenant, policy, buyers[0], [invoice("J-1", shipped=JUNE_30, due=due, amount=1_000)],
                   notified_on=due + timedelta(40))
    july = declare(tenant, policy, buyers[1], [invoice("J-2", shipped=JULY_1, due=due, amount=1_000)],
                   notified_on=due + timedelta(40))
    with scopes_disabled():
        assert [i.notified_late for i in june.invoices.all()] == [False]
        assert [i.notified_late for i in july.invoices.all()] == [True]
        june_window = claims.filing_window(overdue=june, cause=Cause.PROTRACTED_DEFAULT)
        july_window = claims.filing_window(overdue=july, cause=Cause.PROTRACTED_DEFAULT)
    assert (june_window.opens, july_window.opens) == (due + timedelta(150), due + timedelta(120))


def test_claim_payment_is_due_by_the_terms_of_the_day_the_file_completes(tenant, policy, underwriter, finance,
                                                                        claims_handler):
    claim = claim_on(tenant, policy, underwriter, shipped=date(2026, 3, 1))
    endorse(policy, date(2026, 3, 2), claim_payment_days=60)
    upload_checklist(claim, finance)
    with tenant_scope(tenant):
        claims.submit_claim(claim=fresh(claim), submitted_by=finance, today=fresh(claim).date_of_loss)
    with scopes_disabled():
        claim = claims.confirm_complete(claim=fresh(claim), confirmed_by=claims_handler)
    # The file completes today, after the endorsement: its 60 days, not the 30 at issue.
    assert claim.payment_due_on - claim.complete_on == timedelta(days=60)


# --- Limits: the day of the request, the day of notice ------------------------------------------------------------

@pytest.mark.parametrize("today,refused", [(JUNE_30, False), (JULY_1, True)])
def test_a_limit_request_reads_the_countries_and_credit_period_of_its_day(tenant, policy, today, refused):
    policy = endorse(policy, excluded_countries=["IT"], max_credit_period_days=45)
    for buyer, terms_days, field in ((late_payer("Italian S.p.A."), 30, "buyer"),
                                     (late_payer("Spanish S.L.", "ES"), 60, "terms_days")):
        with tenant_scope(tenant):
            if refused:
                with pytest.raises(DomainError) as refusal:
                    limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                                 amount=eur(10_000), terms_days=terms_days, today=today)
                assert refusal.value.field == field
            else:
                limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                             amount=eur(10_000), terms_days=terms_days, today=today)


@pytest.mark.parametrize("today,allowed", [(JUNE_30, True), (JULY_1, False)])
def test_a_discretionary_limit_reads_the_maximum_of_its_day(tenant, policy, today, allowed):
    policy = endorse(policy, discretionary_limit_max_amount=Decimal("10000"))
    buyer = late_payer(grade=3)
    with tenant_scope(tenant):
        if allowed:
            limit_services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=buyer,
                                                   amount=eur(15_000), terms_days=30, today=today)
        else:
            with pytest.raises(DomainError) as refusal:
                limit_services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=buyer,
                                                       amount=eur(15_000), terms_days=30, today=today)
            assert refusal.value.field == "amount"


@pytest.mark.parametrize("notified_on,effective", [(JUNE_30, JULY_1), (JULY_1, date(2026, 7, 31))])
def test_a_reduction_waits_the_notice_of_the_day_the_insured_is_told(tenant, policy, underwriter, notified_on,
                                                                     effective):
    buyer = late_payer()
    limit = approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    endorse(policy, reduction_notice_days=30)
    with scopes_disabled():
        decision = limit_services.reduce_limit(limit=limit, decided_by=underwriter, amount=eur(20_000),
                                               reason_codes=["payment_behaviour"], notified_on=notified_on)
    assert decision.effective_date == effective


# --- The claim's date of loss ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("event_date,expected", [(JUNE_30, eur(9_000)), (JULY_1, eur(8_000))])
def test_the_non_qualifying_loss_is_the_date_of_losss(tenant, policy, underwriter, finance, event_date, expected):
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant, policy, buyer, [invoice(shipped=date(2026, 3, 1), amount=10_000)],
                      notified_on=date(2026, 5, 1))
    policy = endorse(policy, non_qualifying_loss_amount=Decimal("1000"))
    with tenant_scope(tenant):
        claim = claims.file_claim(tenant=tenant, filed_by=finance, overdue=overdue, cause=Cause.INSOLVENCY,
                                  event_date=event_date, today=date(2026, 8, 1))
    assert claim.date_of_loss == event_date
    assert indemnity(claim) == expected


# --- Premium: the declared period's first day, the period's end ------------------------------------------------

def test_the_premium_rate_is_the_declared_periods_first_days(tenant, policy, user):
    policy = endorse(policy, premium_rate_percent=Decimal("0.50"))
    with tenant_scope(tenant):
        june, _ = declare_turnover(tenant=tenant, declared_by=user, policy=policy, period_start=date(2026, 6, 1),
                                   country="ES", turnover=100_000, today=date(2026, 12, 31))
        july, _ = declare_turnover(tenant=tenant, declared_by=user, policy=policy, period_start=JULY_1,
                                   country="ES", turnover=100_000, today=date(2026, 12, 31))
    assert (june.premium_rate_percent, june.premium) == (Decimal("0.25"), Decimal("250.00"))
    assert (july.premium_rate_percent, july.premium) == (Decimal("0.50"), Decimal("500.00"))


# --- Pages and the API show today's terms, clamped into the period ---------------------------------------------

def test_the_terms_shown_are_todays_within_the_period(tenant):
    policy = PolicyFactory(tenant=tenant, start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
    policy = endorse(policy, percentage_of_cover_commercial=Decimal("85"))
    assert policy.terms_shown(date(2025, 6, 1)).percentage_of_cover_commercial == Decimal("90")
    assert policy.terms_shown(JUNE_30).percentage_of_cover_commercial == Decimal("90")
    assert policy.terms_shown(JULY_1).percentage_of_cover_commercial == Decimal("85")
    assert policy.terms_shown(date(2027, 3, 1)).percentage_of_cover_commercial == Decimal("85")
    assert not hasattr(policy, "terms")  # the transitional property is gone: a rule names its day


def test_an_outsider_sees_none_of_it(outsider, tenant, policy, underwriter, client):
    june = claim_on(tenant, policy, underwriter, shipped=JUNE_30)
    client.force_login(outsider)
    assert client.get(f"/claims/{june.pk}/").status_code == 404
    assert client.get(f"/policies/{policy.pk}/").status_code == 404




# --- Aggregate first loss (example 16) -------------------------------------------------------------------------

def approved(claim, handler, finance):
    """The file completed by the insured and the handler, then approved at the calculated indemnity."""
    upload_checklist(claim, finance)
    with tenant_scope(claim.tenant):
        claims.submit_claim(claim=fresh(claim), submitted_by=finance, today=claim.date_of_loss)
    with scopes_disabled():
        claims.confirm_complete(claim=fresh(claim), confirmed_by=handler)
        return claims.approve_claim(claim=fresh(claim), approved_by=handler)


def test_example_16_the_aggregate_first_loss_is_borne_claim_after_claim_in_a_period(tenant, underwriter,
                                                                                   claims_handler, finance):
    policy = PolicyFactory(tenant=tenant, aggregate_first_loss_amount=Decimal("10000"))
    first = claim_on(tenant, policy, underwriter, shipped=date(2026, 2, 1), amount=10_000, name="First S.p.A.")
    second = claim_on(tenant, policy, underwriter, shipped=date(2026, 3, 1), amount=20_000, name="Second S.p.A.")
    # Before either is approved, each would bear the whole first loss.
    assert indemnity(second) == eur(8_000)
    first = approved(first, claims_handler, finance)
    assert (first.approved_indemnity, first.first_loss_borne) == (Decimal("0.00"), Decimal("9000.00"))
    with scopes_disabled():
        calculation = calculate_claim(claim=fresh(second))
    assert calculation.indemnity == eur(17_000)  # 18,000 less the 1,000 of the first loss left
    step = next(s for s in calculation.explanation if s.code == "indemnity.first_loss")
    assert step.params["amount"]["money"]["amount"] == "1000.00"
    assert step.params["left"]["money"]["amount"] == "0.00"
    second = approved(second, claims_handler, finance)
    assert (second.approved_indemnity, second.first_loss_borne) == (Decimal("17000.00"), Decimal("1000.00"))
    # The next period is the next policy of the insured (a renewal is a new policy row): 10,000 again.
    renewal = PolicyFactory(tenant=tenant, start_date=date(2027, 1, 1), end_date=date(2027, 12, 31),
                            aggregate_first_loss_amount=Decimal("10000"))
    with scopes_disabled():
        from claims.claims.calculation import first_loss_to_bear

        assert first_loss_to_bear(policy=renewal, on=date(2027, 6, 1)) == eur(10_000)
        assert first_loss_to_bear(policy=policy, on=date(2026, 6, 1)) == eur(0)


def test_the_first_loss_comes_off_before_the_liability_cap_and_is_shown_line_by_line():
    from claims.claims.indemnity import CoverOnDate, InvoiceInput, calculate_indemnity

    calculation = calculate_indemnity(
        invoices=[InvoiceInput(number="A", invoice_date=date(2026, 2, 1), shipment_date=date(2026, 2, 1),
                               due_date=date(2026, 4, 1), outstanding=eur(20_000))],
        cover_on=lambda day: CoverOnDate(amount=eur(50_000), percentage_of_cover=Decimal("90")),
        max_credit_period_days=120, non_qualifying_loss=eur(500), remaining_liability=eur(16_000),
        first_loss_to_bear=eur(1_000))
    # 18,000 - 500 non-qualifying - 1,000 first loss = 16,500, then capped at the 16,000 left.
    assert calculation.indemnity == eur(16_000)
    assert [s.code for s in calculation.explanation] == [
        "indemnity.covered_loss", "indemnity.non_qualifying_loss", "indemnity.first_loss",
        "indemnity.liability_cap", "indemnity.total"]
    assert calculation.first_loss_borne == eur(1_000)


def test_a_reopened_claim_gives_back_its_first_loss(tenant, underwriter, claims_handler, finance):
    policy = PolicyFactory(tenant=tenant, aggregate_first_loss_amount=Decimal("10000"))
    claim = approved(claim_on(tenant, policy, underwriter, shipped=date(2026, 2, 1), amount=20_000), claims_handler,
                     finance)
    assert claim.first_loss_borne == Decimal("10000.00")
    with scopes_disabled():
        claim = claims.record_recovery_before_payment(claim=fresh(claim), amount=eur(1_000))
    assert claim.state != Claim.State.APPROVED and claim.first_loss_borne == 0
