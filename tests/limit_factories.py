"""Building blocks for limit tests: a credit limit row in a given state, without the request workflow."""

from decimal import Decimal

from django_scopes import scopes_disabled

from limits.models import CreditLimit


def make_limit(policy, buyer, amount=10_000, state=CreditLimit.State.IN_FORCE, **fields) -> CreditLimit:
    amount = Decimal(str(amount))
    with scopes_disabled():
        return CreditLimit.objects.create(
            tenant=policy.tenant, policy=policy, buyer=buyer, state=state, currency=policy.currency,
            requested_amount=amount, requested_terms_days=60,
            decided_amount=None if state == CreditLimit.State.PENDING else amount, **fields,
        )
