"""Writes of a policy's life in periods: the first period, a renewal offer and its answer, notice of non-renewal
or cancellation, and the daily end of periods (domain.md, The policy's life).

Every write moves `Policy.end_date` in step with the last period's end (policies.periods.models says why), in one
transaction with the period. Limits hear of a renewal and of a notice through the signals below (limits sits above
policies: style.md, Apps depend one way), in the same transaction.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from policies import deadlines
from policies.models import TERM_FIELDS, Policy, TermsVersion
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer
from policies.periods.selectors import forget_periods
from policies.terms import default_end_date

# Sent with policy=, old_end=, new_end= when the next period is agreed: limits in force carry over.
period_renewed = Signal()
# Sent with policy=, last_covered_day= when a notice ends cover: limits end on that day.
cover_ends = Signal()

Offer = RenewalOffer.State


def open_first_period(*, policy: Policy) -> InsurancePeriod:
    """Period 1, the policy's own dates (create_policy and the factories call it)."""
    period = InsurancePeriod.objects.create(tenant_id=policy.tenant_id, policy=policy, number=1,
                                            start=policy.start_date, end=policy.end_date)
    forget_periods(policy)
    return period


def follow_policy_dates(*, policy: Policy) -> None:
    """A policy's header edited in the admin (policies.services.save_policy): while it has one period, that period
    is the policy's dates; once renewed, its dates are the periods' and moving them is refused there."""
    periods = list(policy.periods.all())
    if not periods:
        open_first_period(policy=policy)
    elif len(periods) == 1:
        InsurancePeriod.objects.filter(pk=periods[0].pk).update(start=policy.start_date, end=policy.end_date)
    forget_periods(policy)


def last_period(policy: Policy) -> InsurancePeriod:
    period = policy.periods.order_by("-number").first()
    if period is None:
        period = open_first_period(policy=policy)
    return period


# Renewal offers


@transaction.atomic
def offer_renewal(*, period: InsurancePeriod, loss_ratio_percent: Decimal, today: date) -> RenewalOffer | None:
    """Offer the next period on the terms in force at the period's end (the underwriter may change them in the
    admin or the insurer API). Idempotent: a period has one offer, and none once notice is given, a next period
    exists, or the offer days have not begun or the period has ended."""
    period = InsurancePeriod.objects.select_for_update().select_related("policy", "policy__tenant").get(pk=period.pk)
    policy = period.policy
    if RenewalOffer.objects.filter(period=period).exists() or PolicyNotice.objects.filter(policy=policy).exists():
        return None
    if period.state != InsurancePeriod.State.OPEN or policy.status != Policy.Status.ACTIVE:
        return None
    if InsurancePeriod.objects.filter(policy=policy, number__gt=period.number).exists():
        return None
    terms = policy.terms_on(period.end)
    if not deadlines.renewal_offer_from(terms=terms, period_end=period.end) <= today <= period.end:
        return None
    offer = RenewalOffer.objects.create(
        tenant_id=policy.tenant_id, policy=policy, period=period, offered_on=today,
        premium_rate_percent=terms.premium_rate_percent, loss_ratio_percent=loss_ratio_percent)
    from policies.periods.events import announce_offer

    announce_offer(offer=offer)
    return offer


def _validated_changes(policy: Policy, term_changes: dict) -> dict:
    unknown = sorted(set(term_changes) - set(TERM_FIELDS))
    if unknown:
        raise DomainError(_("Not a term of the policy: %(names)s.") % {"names": ", ".join(unknown)},
                          field=f"term_changes.{unknown[0]}")
    in_force = policy.terms_versions.order_by("-effective_from").first()
    trial = TermsVersion(policy=policy, effective_from=policy.end_date,
                         **{name: getattr(in_force, name) for name in TERM_FIELDS})
    for name, value in term_changes.items():
        setattr(trial, name, value)
    try:
        trial.full_clean(exclude=["policy", "effective_from"])
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
    # Stored as the version would store them, JSON-safe (decimals as strings, countries as their codes).
    return {name: _json_safe(getattr(trial, name)) for name in term_changes}


def _json_safe(value):
    if isinstance(value, Decimal):
        return str(value)
    if not isinstance(value, str | dict) and hasattr(value, "__iter__"):  # countries read back from the field
        return [str(item) for item in value]
    return value


@transaction.atomic
def change_offer(*, offer: RenewalOffer, changed_by, premium_rate_percent=None, term_changes: dict | None = None,
                 note: str = "") -> RenewalOffer:
    """The underwriter changes an open offer's rate and other terms (informed by its loss ratio)."""
    offer = RenewalOffer.objects.select_for_update().select_related("policy").get(pk=offer.pk)
    if offer.state != Offer.OFFERED:
        raise DomainError(_("This renewal offer was already answered: it is %(state)s.")
                          % {"state": offer.get_state_display()}, code="not_open")
    if premium_rate_percent is not None:
        rate = Decimal(str(premium_rate_percent))
        if not Decimal("0") <= rate <= Decimal("100"):
            raise DomainError(_("The premium rate is a percentage from 0 to 100."), field="premium_rate_percent")
        offer.premium_rate_percent = rate
    if term_changes is not None:
        changes = dict(term_changes)
        changes.pop("premium_rate_percent", None)  # the rate has its own field
        offer.term_changes = _validated_changes(offer.policy, changes)
    offer.note, offer.changed_by = (note or offer.note).strip(), changed_by
    offer.save()
    return offer


def _open_offer_for_answer(offer: RenewalOffer, today: date) -> RenewalOffer:
    offer = RenewalOffer.objects.select_for_update().select_related("policy", "period").get(pk=offer.pk)
    if offer.state != Offer.OFFERED:
        raise DomainError(_("This renewal offer was already answered: it is %(state)s.")
                          % {"state": offer.get_state_display()}, code="not_open")
    if today > offer.period.end:
        raise DomainError(_("This renewal offer lapsed when the period ended on %(date)s.")
                          % {"date": date_format(offer.period.end)}, code="lapsed")
    return offer


@transaction.atomic
def accept_offer(*, offer: RenewalOffer, accepted_by, today: date | None = None) -> InsurancePeriod:
    """The insured accepts: the next period starts the day after this one ends, for a year (domain.md, Policy
    terms), the policy's end moves with it, changed terms become an endorsement from the new period's first day,
    and limits in force carry over (period_renewed)."""
    today = today or timezone.localdate()
    offer = _open_offer_for_answer(offer, today)
    policy = Policy.objects.select_for_update().get(pk=offer.policy_id)
    period = offer.period
    start = period.end + timedelta(days=1)
    new = InsurancePeriod.objects.create(tenant_id=policy.tenant_id, policy=policy, number=period.number + 1,
                                         start=start, end=default_end_date(start))
    old_end = policy.end_date
    policy.end_date = new.end
    policy._change_reason = f"renewed: period {new.number}"
    policy.save(update_fields=["end_date", "updated_at"])
    forget_periods(policy)
    InsurancePeriod.objects.filter(pk=period.pk).update(state=InsurancePeriod.State.RENEWED)
    offer.state, offer.decided_on, offer.decided_by, offer.next_period = Offer.ACCEPTED, today, accepted_by, new
    offer.save(update_fields=["state", "decided_on", "decided_by", "next_period"])
    changes = _renewal_changes(policy, offer, on=period.end)
    if changes:
        from policies.endorsements import endorse_policy

        endorse_policy(policy=policy, effective_from=start, made_by=offer.changed_by or accepted_by,
                       reason=f"Renewal, period {new.number}", **changes)
    period_renewed.send(sender=Policy, policy=policy, old_end=old_end, new_end=new.end)
    from policies.periods.events import announce_renewal

    announce_renewal(policy=policy, period=new, changed_terms=sorted(changes))
    return new


def _renewal_changes(policy: Policy, offer: RenewalOffer, *, on: date) -> dict:
    terms = policy.terms_versions.filter(effective_from__lte=on).order_by("-effective_from").first()
    wanted = {**offer.term_changes, "premium_rate_percent": offer.premium_rate_percent}
    field = {f.name: f for f in TermsVersion._meta.local_fields}
    changes = {}
    for name, value in wanted.items():
        typed = field[name].to_python(value) if not isinstance(value, list) else value
        if typed != getattr(terms, name):
            changes[name] = typed
    return changes


@transaction.atomic
def decline_offer(*, offer: RenewalOffer, declined_by, today: date | None = None) -> RenewalOffer:
    """The insured declines: the policy ends with the period (the period-end job marks it expired)."""
    today = today or timezone.localdate()
    offer = _open_offer_for_answer(offer, today)
    offer.state, offer.decided_on, offer.decided_by = Offer.DECLINED, today, declined_by
    offer.save(update_fields=["state", "decided_on", "decided_by"])
    return offer


from policies.periods.ending import give_notice, run_period_end_job  # noqa: E402,F401
