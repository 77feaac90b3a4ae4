"""Writes for policies (underwriters, in the admin)."""

from django.db import transaction

from policies.models import Policy
from policies.terms import default_end_date


@transaction.atomic
def create_policy(*, tenant, number: str, start_date, end_date=None, **terms) -> Policy:
    policy = Policy(
        tenant=tenant, number=number, start_date=start_date, end_date=end_date or default_end_date(start_date), **terms
    )
    policy.full_clean()
    policy.save()
    return policy


@transaction.atomic
def save_policy(*, policy: Policy) -> Policy:
    """Validate and save a policy edited in the admin (the history row records who)."""
    if policy.end_date is None and policy.start_date:
        policy.end_date = default_end_date(policy.start_date)
    policy.full_clean()
    policy.save()
    return policy
