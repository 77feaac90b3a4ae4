"""Overdues follow a buyer merge without buyers importing claims (buyers.signals.buyers_merging), and hold back
an endorsement that would reach their invoices (policies.endorsements.terms_locked_through)."""

from django.db.models import Max
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from simple_history.utils import bulk_update_with_history

from buyers.signals import buyers_merging
from claims.overdues.models import Invoice, Overdue
from core.exceptions import DomainError
from policies.endorsements import terms_locked_through

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


@receiver(terms_locked_through, dispatch_uid="overdues_lock_terms_of_notified_invoices")
def last_notified_shipment(sender, policy, **kwargs):
    """An endorsement never reaches back to an invoice already notified (or claimed on: a claim is filed on a
    notified overdue): the last such invoice's shipment date (policies.endorsements)."""
    with scopes_disabled():
        return (Invoice.objects.filter(overdue__policy=policy).exclude(overdue__state=Overdue.State.DRAFT)
                .aggregate(last=Max("shipment_date"))["last"])
