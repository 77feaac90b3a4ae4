"""Writes on scorecard versions: saving (frozen once used), activating one at a time, a new version from another."""

from copy import deepcopy

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from limits.scorecard.defaults import DEFAULT_PARAMETERS
from limits.scorecard.models import Scorecard

# What may change on a version a decision already used: whether it is active, and which policies it covers.
CHANGEABLE_WHEN_USED = {"is_active", "name", "note"}
SCORE_KEYS = ("approve_max_score", "conditional_max_score", "partial_max_score")


def _check_bands(name: str, bands) -> None:
    if not isinstance(bands, list) or not bands or any(not isinstance(b, list) or len(b) != 2 for b in bands):
        raise DomainError(_("Band %(name)s: a list of [bound, points] pairs.") % {"name": name}, field="parameters")
    bounds = [b[0] for b in bands]
    if bounds[-1] is not None or any(not isinstance(x, int | float) for x in bounds[:-1]):
        raise DomainError(_("Band %(name)s: numeric bounds, the last one null.") % {"name": name}, field="parameters")
    if bounds[:-1] != sorted(bounds[:-1]) or any(not isinstance(b[1], int) or b[1] < 0 for b in bands):
        raise DomainError(_("Band %(name)s: bounds rising, points whole and not negative.") % {"name": name},
                          field="parameters")


def check_parameters(parameters) -> None:
    """The version's points and thresholds have every key the engine reads, in the right shape."""
    if not isinstance(parameters, dict):
        raise DomainError(_("The parameters are a JSON object."), field="parameters")
    missing = [key for key in DEFAULT_PARAMETERS if key not in parameters]
    if missing:
        raise DomainError(_("Missing parameters: %(keys)s.") % {"keys": ", ".join(missing)}, field="parameters")
    missing_bands = [key for key in DEFAULT_PARAMETERS["bands"] if key not in parameters["bands"]]
    if missing_bands:
        raise DomainError(_("Missing bands: %(keys)s.") % {"keys": ", ".join(missing_bands)}, field="parameters")
    for name, bands in parameters["bands"].items():
        _check_bands(name, bands)
    grades = parameters["grade_points"]
    if not isinstance(grades, dict) or {str(g) for g in range(1, 11)} - set(grades):
        raise DomainError(_("Give points for every grade from 1 to 10."), field="parameters")
    scores = [parameters[key] for key in SCORE_KEYS]
    if any(not isinstance(s, int) for s in scores) or scores != sorted(scores):
        raise DomainError(_("The score thresholds rise: approve, then conditional, then partial."), field="parameters")
    if not 0 < float(parameters["partial_floor"]) <= 1:
        raise DomainError(_("The partial floor is a share above 0 and at most 1."), field="parameters")


@transaction.atomic
def save_scorecard(*, scorecard: Scorecard, changed: set[str] | None = None) -> Scorecard:
    """Save a version; a used one only changes its activity and names. Activating it deactivates the other."""
    if scorecard.pk:
        stored = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
        if stored.is_used and (changed or set()) - CHANGEABLE_WHEN_USED:
            raise DomainError(_("Version %(version)d already decided requests: create a new version to change it.")
                              % {"version": stored.version})
    check_parameters(scorecard.parameters)
    if scorecard.is_active:
        Scorecard.objects.select_for_update().filter(is_active=True).exclude(pk=scorecard.pk).update(is_active=False)
    scorecard.save()
    return scorecard


@transaction.atomic
def new_version(*, source: Scorecard) -> Scorecard:
    """A copy of `source` as the next version number, inactive and unused, to edit."""
    number = (Scorecard.objects.select_for_update().aggregate(top=Max("version"))["top"] or 0) + 1
    copy = Scorecard.objects.create(
        version=number, name=source.name, note=_("Copied from version %(version)d.") % {"version": source.version},
        parameters=deepcopy(source.parameters), currency=source.currency,
        max_automatic_amount=source.max_automatic_amount, buyer_exposure_cap=source.buyer_exposure_cap,
    )
    copy.policies.set(source.policies.all())
    return copy
