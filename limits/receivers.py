"""limits reacts to buyer merges and buyer edits without buyers importing limits."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from buyers.models import Buyer
from buyers.signals import buyers_merging
from core.exceptions import DomainError
from limits import exposure_summary
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
    exposure_summary.move_buyer(source_id=source.pk, target_id=target.pk)


@receiver(post_save, sender=Buyer, dispatch_uid="limits_exposure_follows_buyer")
def copy_buyer_to_exposure_summary(sender, instance, created, update_fields=None, **kwargs):
    """The exposure groupings read the buyer's country, grade and sector from the summary's rows."""
    if created or (update_fields is not None and not {"country", "grade", "sector_nace"} & set(update_fields)):
        return  # a new buyer has no limit in force yet; an update of other fields changes nothing here
    exposure_summary.copy_buyer_attributes(instance)
