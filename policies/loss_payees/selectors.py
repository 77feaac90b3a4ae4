"""Reads of the loss payee assignments, already scoped to the tenant."""

from datetime import date

from django.db.models import F, Q, QuerySet

from policies.loss_payees.models import LossPayee


def loss_payees_of_policy(*, tenant, policy_id: int) -> QuerySet[LossPayee]:
    """The policy's assignments, running and ended, newest first (the policy page and its API)."""
    return LossPayee.objects.filter(tenant=tenant, policy_id=policy_id).select_related("buyer")


def loss_payee_for(*, policy, buyer_id: int, on: date) -> LossPayee | None:
    """The bank the indemnity on `buyer_id` is paid to on `on`: the buyer's own assignment, else the whole
    policy's, else none (paid to the insured). Tenants that never had one are answered without a query."""
    if not policy.tenant.has_loss_payees:
        return None
    running = (LossPayee.objects.filter(policy=policy, effective_from__lte=on)
               .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
               .filter(Q(buyer_id=buyer_id) | Q(buyer__isnull=True)))
    # The buyer's own first, one row.
    return running.order_by(F("buyer_id").asc(nulls_last=True)).first()
