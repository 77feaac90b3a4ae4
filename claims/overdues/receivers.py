"""Overdues follow a buyer merge without buyers importing claims (buyers.signals.buyers_merging)."""

from django.dispatch import receiver
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from buyers.signals import buyers_merging
from claims.overdues.models import Overdue
from core.exceptions import DomainError

OPEN_STATES = [Overdue.State.DRAFT, Overdue.State.OPEN]


@receiver(buyers_merging, dispatch_uid="overdues_move_to_merged_buyer")
def move_overdues_to_surviving_buyer(sender, source, target, **kwargs):
    """Every overdue on the merged-away buyer names the survivor, each staying its insured's.

    The merge runs unscoped (buyers.services.merge_buyers): every insured's overdues move.
    """
    on_target = Overdue.objects.filter(buyer=target, state__in=OPEN_STATES).values_list("policy_id", flat=True)
    if Overdue.objects.filter(buyer=source, state__in=OPEN_STATES, policy_id__in=list(on_target)).exists():
        # One draft or open overdue per (policy, buyer) (domain.md, Overdues; a database constraint): the
        # insured must add one's invoices to the other, or clear it, before the buyers can be merged.
        raise DomainError(_("Both buyers have an open overdue on the same policy: clear or discard one of them "
                            "first."), code="merge_conflict")
    moved = list(Overdue.objects.filter(buyer=source))
    for overdue in moved:
        overdue.buyer = target
    bulk_update_with_history(moved, Overdue, ["buyer"], default_change_reason="buyer merged")
