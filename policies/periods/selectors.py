"""Reads of a policy's periods, renewal offers and notices; the tenant's are scoped to it.

`period_on(policy, day)` names the period a rule counts in. Which day names it (README, domain rules):
- cover, the aggregate first loss, the maximum liability and the claims counted against them: the shipment date
  (for a claim, its oldest invoice's, as an overdue's deadlines are), so a claim on a shipment of period 1 filed in
  period 2 is paid on period 1's terms and uses period 1's first loss and liability (run-off);
- premium: the declaration period's first day (turnover) and the insurance period's end (minimum premium);
- the profit share and the loss ratio of a renewal offer: the period's own claims, by the same shipment rule.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer

ANSWER_OFFER = "policies.answer_renewal_offer"
GIVE_NOTICE = "policies.give_policy_notice"


@dataclass(frozen=True)
class PeriodSpan:
    """A period's number and days: from its row, or (a policy saved without periods, as some old rows and bare
    test rows are) the policy's own dates as period 1."""

    number: int
    start: date
    end: date
    id: int | None = None

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def periods_in_order(policy) -> list[PeriodSpan]:
    """Every period of the policy, first first, read once per policy object (or from a prefetch of `periods`)."""
    cached = getattr(policy, "_periods_cache", None)
    if cached is None:
        prefetched = getattr(policy, "_prefetched_objects_cache", {}).get("periods")
        rows = prefetched if prefetched is not None else policy.periods.all()
        cached = [PeriodSpan(number=p.number, start=p.start, end=p.end, id=p.pk)
                  for p in sorted(rows, key=lambda p: p.number)]
        if not cached:
            cached = [PeriodSpan(number=1, start=policy.start_date, end=policy.end_date)]
        policy._periods_cache = cached
    return cached


def forget_periods(policy) -> None:
    policy._periods_cache = None
    getattr(policy, "_prefetched_objects_cache", {}).pop("periods", None)


def period_on(policy, day: date) -> PeriodSpan:
    """The period `day` falls in; a day before the first reads the first, after the last the last (a rule that
    then refuses the day, as the cover timeline does outside the policy, decides that itself)."""
    periods = periods_in_order(policy)
    for period in periods:
        if day <= period.end:
            return period
    return periods[-1]


def current_period(policy, *, today: date) -> PeriodSpan:
    return period_on(policy, today)


def periods_for_tenant(*, tenant, policy=None) -> QuerySet[InsurancePeriod]:
    qs = InsurancePeriod.objects.filter(tenant=tenant).order_by("policy_id", "number")
    return qs.filter(policy=policy) if policy is not None else qs


def renewal_offers_for_tenant(*, tenant, policy=None) -> QuerySet[RenewalOffer]:
    qs = RenewalOffer.objects.filter(tenant=tenant).select_related("policy", "period", "next_period")
    return qs.filter(policy=policy) if policy is not None else qs


def open_offer(*, policy) -> RenewalOffer | None:
    return RenewalOffer.objects.filter(policy=policy, state=RenewalOffer.State.OFFERED).select_related(
        "period").first()


def notice_of(*, policy) -> PolicyNotice | None:
    return PolicyNotice.objects.filter(policy=policy).first()


@dataclass(frozen=True)
class PolicyLife:
    """What the policy page shows of the policy's life, and what the reader may do there."""

    periods: list
    offer: RenewalOffer | None
    notice: PolicyNotice | None
    can_answer_offer: bool  # a tenant admin (answer_renewal_offer), while the offer is open
    can_give_notice: bool  # a tenant admin (give_policy_notice), while no notice is given


def policy_life(*, policy, user) -> PolicyLife:
    """Three queries: periods, the latest offer, the notice."""
    periods = list(InsurancePeriod.objects.filter(policy=policy).order_by("number"))
    offer = (RenewalOffer.objects.filter(policy=policy).select_related("period", "next_period")
             .order_by("-offered_on", "-pk").first())
    notice = notice_of(policy=policy)
    return PolicyLife(periods=periods, offer=offer, notice=notice,
                      can_answer_offer=(user.has_perm(ANSWER_OFFER) and offer is not None
                                        and offer.state == RenewalOffer.State.OFFERED),
                      can_give_notice=(user.has_perm(GIVE_NOTICE) and notice is None
                                       and policy.status == policy.Status.ACTIVE))


def periods_due_for_offer(*, today: date) -> list[InsurancePeriod]:
    """Open last periods of active policies, with neither offer nor notice, whose renewal offer days have begun
    (policies.deadlines.renewal_offer_from): the renewal job's work list. The days are a dated term, so the SQL
    narrows by the largest of them and the exact day is checked per policy on the terms at the period's end."""
    from datetime import timedelta

    from django.db.models import Exists, Max, OuterRef

    from policies import deadlines
    from policies.models import Policy, TermsVersion

    widest = TermsVersion.objects.aggregate(days=Max("renewal_offer_days"))["days"] or 0
    later = InsurancePeriod.objects.filter(policy_id=OuterRef("policy_id"), number__gt=OuterRef("number"))
    candidates = (InsurancePeriod.objects.filter(state=InsurancePeriod.State.OPEN, policy__status=Policy.Status.ACTIVE,
                                                 end__gte=today, end__lte=today + timedelta(days=widest))
                  .exclude(Exists(later)).exclude(Exists(RenewalOffer.objects.filter(period_id=OuterRef("pk"))))
                  .exclude(Exists(PolicyNotice.objects.filter(policy_id=OuterRef("policy_id"))))
                  .select_related("policy").prefetch_related("policy__terms_versions").order_by("end", "pk"))
    return [p for p in candidates
            if deadlines.renewal_offer_from(terms=p.policy.terms_on(p.end), period_end=p.end) <= today]


def premium_earned(*, policy, period: PeriodSpan):
    """The premium due for the period so far: the premium declared in it, raised to its minimum premium (the
    loss ratio's denominator, as the profit share's settled premium is)."""
    from policies.premium.calculation import period_premium
    from policies.premium.selectors import declared_premium

    due, _adjustment = period_premium(declared_premium(policy=policy, period=period),
                                      policy.terms_on(period.end).minimum_premium)
    return due
