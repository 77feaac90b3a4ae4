"""Cover stops on a buyer under a policy: called by the claims app with plain values (an overdue stops cover)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from buyers.models import Buyer
from core.exceptions import DomainError
from limits.models import CoverStop
from policies.models import Policy


@transaction.atomic
def stop_cover(*, tenant, policy: Policy, buyer: Buyer, stopped_from: date, reason: str,
               source_reference: str = "") -> CoverStop:
    return CoverStop.objects.create(
        tenant=tenant, policy=policy, buyer=buyer, stopped_from=stopped_from, reason=reason,
        source_reference=source_reference,
    )


@transaction.atomic
def move_cover_stop(*, stop: CoverStop, stopped_from: date) -> CoverStop:
    """An overdue's facts changed (an older invoice added, an extension that counts): the stop follows them."""
    stop = CoverStop.objects.select_for_update().get(pk=stop.pk)
    if stop.lifted_on is not None:
        raise DomainError(_("Cover was already reinstated."))
    if stop.stopped_from != stopped_from:
        stop.stopped_from = stopped_from
        stop.save(update_fields=["stopped_from"])
    return stop


@transaction.atomic
def lift_cover_stop(*, stop: CoverStop, lifted_on: date, lifted_by=None) -> CoverStop:
    stop = CoverStop.objects.select_for_update().get(pk=stop.pk)
    if stop.lifted_on is not None:
        raise DomainError(_("Cover was already reinstated."))
    if lifted_on <= stop.stopped_from:
        raise DomainError(_("Cover is reinstated after the day it stopped."), field="lifted_on")
    stop.lifted_on = lifted_on
    stop.lifted_by = lifted_by
    stop.save(update_fields=["lifted_on", "lifted_by"])
    return stop
