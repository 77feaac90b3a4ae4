"""limits reacts to buyer merges and edits and to a policy's renewal or notice, without buyers or policies
importing limits."""

from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from buyers.models import Buyer
from buyers.signals import buyers_merging
from core.exceptions import DomainError
from limits import exposure_summary
from limits.models import CoverStop, CreditLimit, LimitDecision
from policies.periods.services import cover_ends, period_renewed


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


# The policy's periods (policies.periods.services). A limit is tied to the policy, not to a period: the cover
# timeline covers shipments up to the policy's end, which moves with its last period, so a limit in force carries
# over into the next period without a new request (domain.md, example 15). Only an expiry date set to the old
# period's end (as underwriters and the load generator set it) would stop it: it moves to the new end.


@receiver(period_renewed, dispatch_uid="limits_carry_over_at_renewal")
def carry_limits_over(sender, policy, old_end, new_end, **kwargs):
    moved = list(CreditLimit.objects.filter(policy=policy, state=CreditLimit.State.IN_FORCE, expiry_date=old_end))
    for limit in moved:
        limit.expiry_date = new_end
    bulk_update_with_history(moved, CreditLimit, ["expiry_date"], default_change_reason="policy renewed")


@receiver(cover_ends, dispatch_uid="limits_end_with_the_policy")
def end_limits_with_the_policy(sender, policy, last_covered_day, **kwargs):
    """Notice of cancellation or non-renewal: limits in force expire on the last covered day (the review job then
    records each expiry), so none reads as in force after the policy."""
    ending = list(CreditLimit.objects.filter(Q(expiry_date__isnull=True) | Q(expiry_date__gt=last_covered_day),
                                             policy=policy, state=CreditLimit.State.IN_FORCE))
    for limit in ending:
        limit.expiry_date = last_covered_day
        if limit.review_date and limit.review_date > last_covered_day:
            limit.review_date = last_covered_day
    bulk_update_with_history(ending, CreditLimit, ["expiry_date", "review_date"],
                             default_change_reason="policy notice: cover ends")
