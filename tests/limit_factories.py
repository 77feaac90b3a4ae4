"""Building blocks for limit tests: a credit limit row in a given state, without the request workflow."""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from django_scopes import scopes_disabled

from buyers.models import Buyer
from limits.models import CreditLimit
from tests.factories import PolicyFactory


def make_limit(policy, buyer, amount=10_000, state=CreditLimit.State.IN_FORCE, **fields) -> CreditLimit:
    amount = Decimal(str(amount))
    with scopes_disabled():
        return CreditLimit.objects.create(
            tenant=policy.tenant, policy=policy, buyer=buyer, state=state, currency=policy.currency,
            requested_amount=amount, requested_terms_days=60,
            decided_amount=None if state == CreditLimit.State.PENDING else amount, **fields,
        )


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
