"""How a policy ends: notice of non-renewal or cancellation by either side, and the daily job that closes ended
periods and sets the policy's status (domain.md, Policy terms: notice 90 days before the end of the period).

From a notice's effective day no new shipment is covered: the last period and the policy end the day before, so
the cover timeline (limits.selectors.CoverTimeline) answers "the policy had ended" for later shipments. Earlier
shipments stay covered and claims on them may be filed after it (run-off): nothing here touches them.
"""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from policies import deadlines
from policies.models import Policy
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer
from policies.periods.selectors import forget_periods

Kind, Side = PolicyNotice.Kind, PolicyNotice.Side


@transaction.atomic
def give_notice(*, policy: Policy, kind: str, side: str, reason: str, given_by,
                today: date | None = None) -> PolicyNotice:
    """Notice of non-renewal (the policy ends with its last period; in time only up to the notice days before its
    end) or of cancellation (cover ends `cancellation_notice_days` after today). One notice per policy."""
    from policies.periods.services import cover_ends, last_period

    today = today or timezone.localdate()
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    if kind not in Kind.values:
        raise DomainError(_("Choose non-renewal or cancellation."), field="kind")
    if side not in Side.values:
        raise DomainError(_("Choose who gives notice."), field="side")
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for the notice."), field="reason")
    if PolicyNotice.objects.filter(policy=policy).exists():
        raise DomainError(_("Notice has already been given on this policy."), code="notice_given")
    if policy.status != Policy.Status.ACTIVE or policy.end_date < today:
        raise DomainError(_("This policy is not in force: there is nothing to end."), code="not_in_force")
    period = last_period(policy)
    terms = policy.terms_on(min(max(today, period.start), period.end))
    if kind == Kind.NON_RENEWAL:
        deadline = deadlines.non_renewal_notice_deadline(terms=terms, period_end=period.end)
        if today > deadline:
            raise DomainError(
                _("Notice of non-renewal for the period ending %(end)s had to be given by %(day)s "
                  "(%(days)s days before). Give notice of cancellation instead.")
                % {"end": date_format(period.end), "day": date_format(deadline), "days": terms.cancellation_notice_days},
                field="kind", code="too_late")
    effective = deadlines.notice_effective_on(terms=terms, kind=kind, given_on=today, period_end=period.end)
    last_day = effective - timedelta(days=1)
    if last_day < period.start:
        raise DomainError(_("The next period has not begun: the notice would end cover before it starts. Give "
                            "notice of non-renewal for it from its first day."), field="kind", code="before_period")
    notice = PolicyNotice.objects.create(
        tenant_id=policy.tenant_id, policy=policy, period=period, kind=kind, given_by_side=side, given_on=today,
        effective_on=effective, reason=reason.strip(), given_by=given_by)
    if last_day < period.end:
        InsurancePeriod.objects.filter(pk=period.pk).update(end=last_day)
        policy.end_date = last_day
        policy._change_reason = f"{kind} notice: cover ends {last_day}"
        policy.save(update_fields=["end_date", "updated_at"])
        forget_periods(policy)
    # An open renewal offer has nothing left to renew.
    RenewalOffer.objects.filter(policy=policy, state=RenewalOffer.State.OFFERED).update(
        state=RenewalOffer.State.LAPSED, decided_on=today)
    cover_ends.send(sender=Policy, policy=policy, last_covered_day=last_day)
    from policies.periods.events import announce_notice

    announce_notice(notice=notice)
    return notice


@transaction.atomic
def run_period_end_job(*, today: date | None = None) -> dict:
    """Daily: close the periods that ended yesterday or before and set the policy's status. Set-based and
    idempotent (each update reads only what is still open or active)."""
    today = today or timezone.localdate()
    ended = InsurancePeriod.objects.filter(state=InsurancePeriod.State.OPEN, end__lt=today)
    later = InsurancePeriod.objects.filter(policy_id=OuterRef("policy_id"), number__gt=OuterRef("number"))
    cancelled_by = PolicyNotice.objects.filter(policy_id=OuterRef("policy_id"), kind=Kind.CANCELLATION)
    renewed = ended.filter(Exists(later)).update(state=InsurancePeriod.State.RENEWED)
    cancelled = ended.filter(Exists(cancelled_by)).update(state=InsurancePeriod.State.CANCELLED)
    lapsed = ended.update(state=InsurancePeriod.State.LAPSED)
    RenewalOffer.objects.filter(state=RenewalOffer.State.OFFERED, period__end__lt=today).update(
        state=RenewalOffer.State.LAPSED, decided_on=today)
    over = Policy.objects.filter(status=Policy.Status.ACTIVE, end_date__lt=today)
    policy_notice = PolicyNotice.objects.filter(policy_id=OuterRef("pk"), kind=Kind.CANCELLATION)
    cancelled_policies = list(over.filter(Exists(policy_notice)).values_list("pk", flat=True))
    expired_policies = list(over.exclude(pk__in=cancelled_policies).values_list("pk", flat=True))
    from simple_history.utils import bulk_update_with_history

    changed = []
    for status, ids in ((Policy.Status.CANCELLED, cancelled_policies), (Policy.Status.EXPIRED, expired_policies)):
        for policy in Policy.objects.filter(pk__in=ids):
            policy.status = status
            changed.append(policy)
    if changed:
        bulk_update_with_history(changed, Policy, ["status"], batch_size=500)
    return {"renewed": renewed, "cancelled": cancelled, "lapsed": lapsed,
            "policies_cancelled": len(cancelled_policies), "policies_expired": len(expired_policies)}
