"""limits reacts to buyer merges without buyers importing limits."""

from django.dispatch import receiver
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from buyers.signals import buyers_merging
from core.exceptions import DomainError
from limits.models import CoverStop, CreditLimit, LimitDecision


@receiver(buyers_merging, dispatch_uid="limits_move_to_merged_buyer")
def move_limits_to_surviving_buyer(sender, source, target, **kwargs):
    open_states = [CreditLimit.State.IN_FORCE, CreditLimit.State.PENDING]
    clash = CreditLimit.objects.filter(buyer=target, state__in=open_states).values_list("policy_id", flat=True)
    if CreditLimit.objects.filter(buyer=source, state__in=open_states, policy_id__in=list(clash)).exists():
        # Two current limits on one (policy, buyer) would break the one-limit rule: decide one first.
        raise DomainError(_("Both buyers have a limit on the same policy: withdraw or decide one of them first."),
                          code="merge_conflict")
    for model in (CreditLimit, CoverStop):
        moved = list(model.objects.filter(buyer=source))
        for row in moved:
            row.buyer = target
        bulk_update_with_history(moved, model, ["buyer"], default_change_reason="buyer merged")
    # Decisions are append-only events without their own history; they follow their limit.
    LimitDecision.objects.filter(buyer=source).update(buyer=target)
