"""Credit limits through the services: automatic decisions, underwriting, reductions, discretionary limits.

Worked examples 4, 5 and 11 of domain.md hold through cover_in_force.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from moneyed import Money

from buyers.models import Buyer
from core import webhooks
from core.exceptions import DomainError
from core.models import Notification, WebhookDelivery
from limits import services
from limits.models import CreditLimit, LimitDecision
from limits.selectors import cover_in_force
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, eur
from tests.limit_factories import LIMITS_TODAY as TODAY
from tests.limit_factories import approved_limit, ask_for_limit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_tenant_scope")]

K = LimitDecision.Kind


@pytest.fixture
def buyer(db):
    return make_buyer(country="FR", grade=2)


# Automatic decisions (the matrix: grade 1-3 up to 50,000; 4-5 up to 20,000; 6+ none)


def test_request_within_the_matrix_is_decided_at_once(tenant, user, policy, buyer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = ask_for_limit(tenant, policy, buyer, 50_000)
    assert outcome.decided
    limit = outcome.limit
    assert limit.state == CreditLimit.State.IN_FORCE
    assert limit.decided_amount == Decimal("50000")
    decision = limit.decisions.get()
    assert (decision.kind, decision.automatic, decision.effective_date) == (K.APPROVED, True, TODAY)
    # The insured hears of it: in-app and by e-mail.
    assert Notification.objects.filter(tenant=tenant, event="limit.approved").count() == 1
    assert len(mail.outbox) == 1


def test_an_automatic_decision_without_notifying_the_insured_still_emits_the_webhook(tenant, user, policy, buyer):
    # A CSV import asks this: the insured gets one summary for the file, integrators every decision.
    webhooks.create_endpoint(tenant=tenant, created_by=user, url="https://erp.example/h", events=["limit.decided"])
    outcome = ask_for_limit(tenant, policy, buyer, 50_000, notify_insured=False)
    assert outcome.decided
    assert not Notification.objects.filter(tenant=tenant).exists()
    delivery = WebhookDelivery.objects.get(tenant=tenant)
    assert (delivery.event, delivery.payload["limit_id"]) == ("limit.decided", outcome.limit.pk)


@pytest.mark.parametrize(
    "grade,amount",
    [(2, 50_000.01), (4, 20_001), (6, 1_000), (None, 1_000)],
)
def test_request_outside_the_matrix_is_referred(tenant, policy, grade, amount):
    outcome = ask_for_limit(tenant, policy, make_buyer(grade=grade), amount)
    assert not outcome.decided
    assert outcome.limit.state == CreditLimit.State.PENDING
    assert list(outcome.limit.decisions.values_list("kind", flat=True)) == [K.REFERRED]


def test_unidentified_buyer_is_always_referred(tenant, policy):
    buyer = make_buyer(grade=1, status=Buyer.Status.PENDING, proposed_by_tenant=tenant)
    assert not ask_for_limit(tenant, policy, buyer, 1_000).decided


def test_matrix_in_eur_applies_to_a_usd_policy_through_the_recorded_rate(tenant):
    from core.models import ExchangeRate

    usd_policy = PolicyFactory(tenant=tenant, currency="USD")
    ExchangeRate.objects.create(base_currency="EUR", quote_currency="USD", valid_on=date(2026, 1, 1), rate=Decimal("1.10"))
    buyer = make_buyer(grade=2)
    ok = services.request_limit(tenant=tenant, requested_by=None, policy=usd_policy, buyer=buyer,
                                amount=Money("55000", "USD"), terms_days=60, today=TODAY)
    assert ok.decided  # 50,000 EUR = 55,000 USD
    other = make_buyer(grade=2)
    too_much = services.request_limit(tenant=tenant, requested_by=None, policy=usd_policy, buyer=other,
                                      amount=Money("55000.01", "USD"), terms_days=60, today=TODAY)
    assert not too_much.decided


# Validation: a clear message, and nothing written


@pytest.mark.parametrize(
    "change,field",
    [
        ({"terms": 121}, "terms_days"),
        ({"amount": 0}, "amount"),
        ({"amount": -5}, "amount"),
    ],
)
def test_invalid_request_is_refused_with_the_field(tenant, policy, buyer, change, field):
    with pytest.raises(DomainError) as err:
        ask_for_limit(tenant, policy, buyer, change.get("amount", 1000), terms=change.get("terms", 60))
    assert err.value.field == field
    assert not CreditLimit.objects.exists()


def test_terms_at_the_maximum_credit_period_are_accepted(tenant, policy, buyer):
    assert ask_for_limit(tenant, policy, buyer, 1000, terms=120).limit.requested_terms_days == 120


def test_request_in_another_currency_is_refused(tenant, policy, buyer):
    with pytest.raises(DomainError, match="EUR"):
        services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                               amount=Money(1000, "USD"), terms_days=30, today=TODAY)


def test_request_on_an_inactive_policy_is_refused(tenant, buyer):
    draft = PolicyFactory(tenant=tenant, status="draft")
    with pytest.raises(DomainError) as err:
        ask_for_limit(tenant, draft, buyer, 1000)
    assert err.value.field == "policy"
    ended = PolicyFactory(tenant=tenant, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    with pytest.raises(DomainError):
        ask_for_limit(tenant, ended, buyer, 1000)


def test_request_on_another_tenants_policy_is_refused(tenant, outsider_policy, buyer):
    with pytest.raises(DomainError, match="Unknown policy"):
        ask_for_limit(tenant, outsider_policy, buyer, 1000)


def test_buyer_in_an_excluded_country_is_refused(tenant, buyer):
    policy = PolicyFactory(tenant=tenant, excluded_countries=["FR", "RU"])
    with pytest.raises(DomainError) as err:
        ask_for_limit(tenant, policy, buyer, 1000)
    assert err.value.field == "buyer"


def test_another_tenants_pending_buyer_is_unknown(tenant, other_tenant, policy):
    theirs = make_buyer(status=Buyer.Status.PENDING, proposed_by_tenant=other_tenant)
    with pytest.raises(DomainError, match="Unknown buyer"):
        ask_for_limit(tenant, policy, theirs, 1000)


def test_one_pending_request_per_policy_and_buyer(tenant, policy, buyer):
    ask_for_limit(tenant, policy, buyer, 80_000)
    with pytest.raises(DomainError, match="already with an underwriter"):
        ask_for_limit(tenant, policy, buyer, 90_000)


def test_reference_is_unique_per_tenant(tenant, policy, buyer):
    ask_for_limit(tenant, policy, buyer, 1000, reference="CL-1")
    with pytest.raises(DomainError) as err:
        ask_for_limit(tenant, policy, make_buyer(), 1000, reference="CL-1")
    assert err.value.field == "reference"


def test_database_allows_one_current_limit_per_policy_and_buyer(tenant, policy, buyer):
    from django.db import IntegrityError, transaction

    approved_limit(tenant, policy, buyer, 10_000)
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditLimit.objects.create(tenant=tenant, policy=policy, buyer=buyer, state="in_force", currency="EUR",
                                   requested_amount=5, requested_terms_days=30, decided_amount=5)


# Underwriting decisions


def test_partial_approval_needs_an_amount_below_the_request_and_a_reason(tenant, policy, underwriter):
    limit = ask_for_limit(tenant, policy, make_buyer(grade=5), 100_000).limit
    with pytest.raises(DomainError) as err:
        services.decide_limit(limit=limit, decided_by=underwriter, kind=K.PARTIALLY_APPROVED, amount=eur(60_000))
    assert err.value.field == "reason_codes"
    with pytest.raises(DomainError) as err:
        services.decide_limit(limit=limit, decided_by=underwriter, kind=K.PARTIALLY_APPROVED, amount=eur(100_000),
                              reason_codes=["buyer_grade"])
    assert err.value.field == "amount"
    services.decide_limit(limit=limit, decided_by=underwriter, kind=K.PARTIALLY_APPROVED, amount=eur(60_000),
                          reason_codes=["buyer_grade", "sector_risk"], note="Weak 2025 accounts.")
    limit.refresh_from_db()
    assert (limit.state, limit.decided_amount) == (CreditLimit.State.IN_FORCE, Decimal("60000"))
    decision = limit.decisions.get(kind=K.PARTIALLY_APPROVED)
    assert decision.reason_labels == ["Buyer grade", "Sector risk"]
    assert "Weak 2025 accounts." in Notification.objects.get(event="limit.partially_approved").body


def test_approval_with_conditions_needs_the_conditions(tenant, policy, underwriter):
    limit = ask_for_limit(tenant, policy, make_buyer(grade=6), 30_000, terms=90).limit
    with pytest.raises(DomainError) as err:
        services.decide_limit(limit=limit, decided_by=underwriter, kind=K.APPROVED_WITH_CONDITIONS, amount=eur(30_000))
    assert err.value.field == "conditions"
    services.decide_limit(limit=limit, decided_by=underwriter, kind=K.APPROVED_WITH_CONDITIONS, amount=eur(30_000),
                          terms_days=60, conditions="Payment terms at most 60 days.")
    limit.refresh_from_db()
    assert (limit.decided_terms_days, limit.conditions) == (60, "Payment terms at most 60 days.")


def test_refusal_needs_a_reason_and_grants_nothing(tenant, policy, underwriter):
    limit = ask_for_limit(tenant, policy, make_buyer(grade=7), 30_000).limit
    with pytest.raises(DomainError):
        services.decide_limit(limit=limit, decided_by=underwriter, kind=K.REFUSED)
    services.decide_limit(limit=limit, decided_by=underwriter, kind=K.REFUSED, reason_codes=["payment_behaviour"])
    limit.refresh_from_db()
    assert limit.state == CreditLimit.State.REFUSED
    assert cover_in_force(policy=policy, buyer=limit.buyer, on=date(2026, 2, 1)).amount == eur(0)


def test_a_request_is_decided_once(tenant, policy, underwriter):
    limit = ask_for_limit(tenant, policy, make_buyer(grade=7), 30_000).limit
    services.decide_limit(limit=limit, decided_by=underwriter, kind=K.APPROVED)
    with pytest.raises(DomainError, match="already decided"):
        services.decide_limit(limit=limit, decided_by=underwriter, kind=K.REFUSED, reason_codes=["other"])


def test_unknown_reason_code_is_refused(tenant, policy, underwriter):
    limit = ask_for_limit(tenant, policy, make_buyer(grade=7), 30_000).limit
    with pytest.raises(DomainError, match="Unknown reason code"):
        services.decide_limit(limit=limit, decided_by=underwriter, kind=K.REFUSED, reason_codes=["bad_luck"])


def test_increase_replaces_the_limit_from_its_decision(tenant, policy, buyer, underwriter):
    current = approved_limit(tenant, policy, buyer, 50_000)
    increase = ask_for_limit(tenant, policy, buyer, 80_000, today=date(2026, 3, 1)).limit
    assert increase.state == CreditLimit.State.PENDING and increase.supersedes_id == current.pk
    services.decide_limit(limit=increase, decided_by=underwriter, kind=K.APPROVED, effective_date=date(2026, 3, 10))
    current.refresh_from_db()
    assert current.state == CreditLimit.State.SUPERSEDED
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 9)).amount == eur(50_000)
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 3, 10)).amount == eur(80_000)


def test_refused_increase_leaves_the_limit_in_force(tenant, policy, buyer, underwriter):
    current = approved_limit(tenant, policy, buyer, 50_000)
    increase = ask_for_limit(tenant, policy, buyer, 80_000).limit
    services.decide_limit(limit=increase, decided_by=underwriter, kind=K.REFUSED, reason_codes=["exposure_at_maximum"])
    current.refresh_from_db()
    assert current.state == CreditLimit.State.IN_FORCE
    assert cover_in_force(policy=policy, buyer=buyer, on=date(2026, 6, 1)).amount == eur(50_000)


# Discretionary limits (example 4)


def discretionary(tenant, policy, buyer, amount, **kwargs):
    return services.set_discretionary_limit(tenant=tenant, set_by=None, policy=policy, buyer=buyer, amount=eur(amount),
                                            terms_days=kwargs.pop("terms", 60), today=TODAY, **kwargs)


def test_example_4_discretionary_cover_is_70_percent_up_to_the_maximum(tenant, policy):
    buyer = make_buyer(grade=6)
    limit = discretionary(tenant, policy, buyer, 20_000)
    assert limit.is_discretionary and limit.state == CreditLimit.State.IN_FORCE
    cover = cover_in_force(policy=policy, buyer=buyer, on=date(2026, 2, 1))
    assert (cover.amount, cover.percentage_of_cover, cover.is_discretionary) == (eur(20_000), Decimal("70"), True)
    assert min(eur(15_000), cover.amount) * cover.percentage_of_cover / 100 == eur(10_500)
    assert min(eur(30_000), cover.amount) * cover.percentage_of_cover / 100 == eur(14_000)


def test_discretionary_limit_above_the_maximum_is_refused(tenant, policy):
    with pytest.raises(DomainError, match="at most") as err:
        discretionary(tenant, policy, make_buyer(grade=2), 20_000.01)
    assert err.value.field == "amount"


@pytest.mark.parametrize("grade,message", [(7, "graded 6 or better"), (None, "no grade")])
def test_discretionary_limit_needs_a_good_enough_grade(tenant, policy, grade, message):
    with pytest.raises(DomainError, match=message):
        discretionary(tenant, policy, make_buyer(grade=grade), 10_000)


def test_discretionary_limit_refused_with_an_open_overdue(tenant, policy, buyer):
    services.stop_cover(tenant=tenant, policy=policy, buyer=buyer, stopped_from=date(2026, 1, 2), reason="overdue")
    with pytest.raises(DomainError, match="open overdue"):
        discretionary(tenant, policy, buyer, 10_000)


def test_discretionary_limit_refused_when_a_limit_exists(tenant, policy, buyer):
    approved_limit(tenant, policy, buyer, 10_000)
    with pytest.raises(DomainError, match="already has a limit"):
        discretionary(tenant, policy, buyer, 10_000)


# The insured's own pending request


def test_pending_request_can_be_edited_and_is_then_decided_by_the_matrix(tenant, policy, buyer):
    outcome = ask_for_limit(tenant, policy, buyer, 80_000)
    assert not outcome.decided
    edited = services.edit_pending_request(limit=outcome.limit, amount=eur(45_000), today=TODAY)
    assert edited.decided
    assert edited.limit.decided_amount == Decimal("45000")


def test_pending_request_can_be_cancelled_once(tenant, policy, buyer):
    limit = ask_for_limit(tenant, policy, buyer, 80_000).limit
    services.cancel_request(limit=limit)
    limit.refresh_from_db()
    assert limit.state == CreditLimit.State.CANCELLED
    with pytest.raises(DomainError):
        services.cancel_request(limit=limit)
    with pytest.raises(DomainError):
        services.edit_pending_request(limit=limit, amount=eur(1))


def test_decision_is_recorded_in_the_audit_trail(tenant, policy, underwriter):
    limit = ask_for_limit(tenant, policy, make_buyer(grade=7), 30_000).limit
    services.decide_limit(limit=limit, decided_by=underwriter, kind=K.APPROVED)
    states = list(limit.history.order_by("history_date").values_list("state", flat=True))
    assert states == ["pending", "in_force"]
