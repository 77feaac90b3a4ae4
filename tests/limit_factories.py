"""Building blocks for limit tests: a credit limit row in a given state, without the request workflow."""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from django_scopes import scopes_disabled

from buyers.models import Buyer
from core.tenancy import tenant_scope
from limits import exposure_summary
from limits.models import CreditLimit, LimitDecision
from tests.factories import PolicyFactory, eur


def make_limit(policy, buyer, amount=10_000, state=CreditLimit.State.IN_FORCE, **fields) -> CreditLimit:
    amount = Decimal(str(amount))
    with scopes_disabled():
        limit = CreditLimit.objects.create(
            tenant=policy.tenant, policy=policy, buyer=buyer, state=state, currency=policy.currency,
            requested_amount=amount, requested_terms_days=60,
            decided_amount=None if state == CreditLimit.State.PENDING else amount, **fields,
        )
    if state == CreditLimit.State.IN_FORCE:
        # Past the services, so their exposure summary too (limits.exposure_summary).
        exposure_summary.record_changes(added=[limit])
    return limit


def in_force_policy(tenant, number: str, **fields):
    """A policy in force whatever day the suite runs (a CSV import checks the policy against today)."""
    today = timezone.localdate()
    return PolicyFactory(tenant=tenant, number=number, start_date=date(today.year - 1, 1, 1),
                         end_date=date(today.year + 1, 12, 31), **fields)


def csv_buyer(number, *, country="PT", grade=2, **fields) -> Buyer:
    """A confirmed buyer found by its registration number, as a CSV row names it."""
    with scopes_disabled():
        return Buyer.objects.create(legal_name=fields.pop("legal_name", f"Comprador {number} Lda"), country=country,
                                    registration_number=number, status=fields.pop("status", "confirmed"),
                                    grade=grade, **fields)


LIMITS_TODAY = date(2026, 1, 5)  # the day the limit tests ask and decide on


def ask_for_limit(tenant, policy, buyer, amount, terms=60, **kwargs):
    """The insured's request through the service (decided at once or referred), in the tenant's scope."""
    from limits import services

    with tenant_scope(tenant):
        return services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                      amount=eur(amount), terms_days=terms, today=kwargs.pop("today", LIMITS_TODAY),
                                      **kwargs)


def approved_limit(tenant, policy, buyer, amount, underwriter=None, effective=LIMITS_TODAY):
    """A limit in force for `amount`: decided by the matrix, or approved by the underwriter from `effective`."""
    from limits import services

    outcome = ask_for_limit(tenant, policy, buyer, amount)
    if not outcome.decided:
        with scopes_disabled():  # the underwriter decides in the admin
            services.decide_limit(limit=outcome.limit, decided_by=underwriter, kind=LimitDecision.Kind.APPROVED,
                                  effective_date=effective)
    outcome.limit.refresh_from_db()
    return outcome.limit
