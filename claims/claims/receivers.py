"""Claims follow a buyer merge without buyers importing claims (buyers.signals.buyers_merging)."""

from django.dispatch import receiver
from simple_history.utils import bulk_update_with_history

from buyers.signals import buyers_merging
from claims.claims.models import Claim


@receiver(buyers_merging, dispatch_uid="claims_move_to_merged_buyer")
def move_claims_to_surviving_buyer(sender, source, target, **kwargs):
    """A claim reads cover on its buyer (claims.claims.calculation): left on the merged-away buyer it would find
    none, since its limits and cover stops moved to the survivor. Every insured's claims move, each staying its own.
    """
    moved = list(Claim.objects.filter(buyer=source))
    for claim in moved:
        claim.buyer = target
    bulk_update_with_history(moved, Claim, ["buyer"], default_change_reason="buyer merged")
