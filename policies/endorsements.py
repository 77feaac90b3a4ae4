"""Endorsements: the only way a policy's terms change (domain.md, The policy's life).

An endorsement is a new terms version from an effective date, with a reason and who made it. It never takes
effect on or before the last shipment of an invoice already notified or claimed on, so a notified overdue or an
open claim keeps the terms it was declared under (example 14). Which invoices are notified is the claims app's
to know: it answers `terms_locked_through` (policies never imports claims).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from policies.models import TERM_FIELDS, Policy, TermsVersion

# Sent with `policy=`; each receiver answers the last shipment date of an invoice already notified or claimed on
# under the policy, or None.
terms_locked_through = Signal()


def last_locked_shipment(*, policy: Policy) -> date | None:
    days = [day for _receiver, day in terms_locked_through.send(sender=Policy, policy=policy) if day]
    return max(days) if days else None


def earliest_endorsement_date(*, policy: Policy) -> date:
    """The first day an endorsement may take effect: after the latest terms version and after the last shipment
    already notified or claimed on."""
    from datetime import timedelta

    latest = policy.terms_versions.order_by("-effective_from").values_list("effective_from", flat=True).first()
    candidates = [latest + timedelta(days=1)] if latest else [policy.start_date]
    locked = last_locked_shipment(policy=policy)
    if locked:
        candidates.append(locked + timedelta(days=1))
    return max(candidates)


@transaction.atomic
def endorse_policy(*, policy: Policy, effective_from: date, reason: str, made_by, **changes) -> TermsVersion:
    """A new terms version from `effective_from`: the terms in force then, with `changes`."""
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    unknown = sorted(set(changes) - set(TERM_FIELDS))
    if unknown:
        raise DomainError(_("Not a term of the policy: %(names)s.") % {"names": ", ".join(unknown)},
                          field=unknown[0])
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for the endorsement."), field="reason")
    if not policy.start_date < effective_from <= policy.end_date:
        raise DomainError(
            _("An endorsement takes effect within the policy period, after its first day (%(start)s to %(end)s).")
            % {"start": date_format(policy.start_date), "end": date_format(policy.end_date)},
            field="effective_from")
    earliest = earliest_endorsement_date(policy=policy)
    if effective_from < earliest:
        raise DomainError(
            _("An endorsement of this policy can take effect from %(day)s at the earliest: earlier terms are "
              "already in force for notified or claimed invoices, or for a later endorsement.")
            % {"day": date_format(earliest)}, field="effective_from")
    in_force = policy.terms_versions.order_by("-effective_from").first()
    new = TermsVersion(policy=policy, effective_from=effective_from, reason=reason.strip(), made_by=made_by,
                       **{name: getattr(in_force, name) for name in TERM_FIELDS})
    for name, value in changes.items():
        setattr(new, name, value)
    if all(_same(getattr(new, name), getattr(in_force, name)) for name in TERM_FIELDS):
        raise DomainError(_("The endorsement changes no term."))
    try:
        new.full_clean(exclude=["policy"])
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
    new.save()
    policy.forget_terms()
    from policies.events import announce_endorsement  # events import the models: loaded once apps are ready

    announce_endorsement(policy=policy, version=new, changed_terms=[
        name for name in TERM_FIELDS if not _same(getattr(new, name), getattr(in_force, name))])
    return new


def _same(a, b) -> bool:
    # Countries compare by code, whatever container the field hands back.
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        return sorted(str(getattr(x, "code", x)) for x in a) == sorted(str(getattr(x, "code", x)) for x in b)
    return a == b
