"""Generated credit limits with the decisions that brought each to its state (as limits.services records them)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from limits.models import CreditLimit, LimitDecision, ReasonCode
from portal.loadgen.batch import insert

State, Kind = CreditLimit.State, LimitDecision.Kind
# The book of a large insured: mostly limits in force, the rest decided otherwise or waiting.
STATES = [(State.IN_FORCE, 80), (State.PENDING, 5), (State.REFUSED, 5), (State.EXPIRED, 4), (State.WITHDRAWN, 3),
          (State.CANCELLED, 3)]
REFUSAL_REASONS = [ReasonCode.BUYER_GRADE, ReasonCode.INSUFFICIENT_FINANCIALS, ReasonCode.PAYMENT_BEHAVIOUR,
                   ReasonCode.COUNTRY_RISK, ReasonCode.SECTOR_RISK]
# The default automatic-decision matrix (limits migration 0002), in EUR.
AUTOMATIC_UP_TO = {1: 50_000, 2: 50_000, 3: 50_000, 4: 20_000, 5: 20_000}


@dataclass
class LimitPlan:
    limit: CreditLimit
    decisions: list[LimitDecision]


def _decision(limit: CreditLimit, kind: str, amount, day: date, *, changes_cover=True, reasons=(), automatic=False,
              at=None) -> LimitDecision:
    return LimitDecision(
        tenant_id=limit.tenant_id, policy_id=limit.policy_id, buyer_id=limit.buyer_id, kind=kind,
        amount=Decimal(amount), currency=limit.currency, effective_date=day, changes_cover=changes_cover,
        reason_codes=[str(r) for r in reasons], automatic=automatic, created_at=at or limit.created_at,
        note="" if not reasons else "Generated decision.",
    )


def _decide(fake, limit: CreditLimit, buyer, policy) -> list[LimitDecision]:
    """Set the limit's decided fields for its state; return its decisions, oldest first."""
    requested_on = limit.created_at.date()
    state = limit.state
    if state in (State.PENDING, State.CANCELLED):
        decisions = [_decision(limit, Kind.REFERRED, 0, requested_on, changes_cover=False)]
        if state == State.CANCELLED:
            decisions.append(_decision(limit, Kind.CANCELLED, 0, requested_on + timedelta(days=2), changes_cover=False))
        return decisions
    ceiling = AUTOMATIC_UP_TO.get(buyer.grade or 0, 0)
    automatic = policy.currency == "EUR" and limit.requested_amount <= ceiling and state != State.REFUSED
    decided_on = requested_on if automatic else min(requested_on + timedelta(days=fake.rng.randrange(1, 6)), fake.today)
    limit.decided_at = fake.moment(decided_on)
    referred = [] if automatic else [_decision(limit, Kind.REFERRED, 0, requested_on, changes_cover=False)]
    if state == State.REFUSED:
        limit.decided_amount = Decimal(0)
        return referred + [_decision(limit, Kind.REFUSED, 0, decided_on, reasons=[fake.pick(REFUSAL_REASONS)],
                                     at=limit.decided_at)]
    partial = not automatic and fake.chance(0.15)
    amount = limit.requested_amount
    if partial:
        amount = max(Decimal(1_000), (amount * Decimal(fake.rng.randrange(40, 90)) / 100).quantize(Decimal(1_000)))
    limit.decided_amount = amount
    limit.decided_terms_days = limit.requested_terms_days
    if fake.chance(0.2):
        limit.expiry_date = policy.end_date
    limit.review_date = decided_on + timedelta(days=365)
    kind = Kind.PARTIALLY_APPROVED if partial else Kind.APPROVED
    decisions = referred + [_decision(limit, kind, amount, decided_on, automatic=automatic, at=limit.decided_at,
                                      reasons=[ReasonCode.INSUFFICIENT_FINANCIALS] if partial else ())]
    if state == State.IN_FORCE:
        # A few are due for the review job: a review date or an expiry date that just passed.
        if fake.chance(0.03):
            limit.review_date = fake.today - timedelta(days=fake.rng.randrange(1, 30))
        elif fake.chance(0.02):
            limit.expiry_date = max(decided_on + timedelta(days=1), fake.today - timedelta(days=fake.rng.randrange(1, 20)))
            limit.review_date = None
        return decisions
    ended = fake.day_between(decided_on + timedelta(days=1), fake.today)
    if state == State.EXPIRED:
        limit.expiry_date, limit.review_date = ended, None
        decisions.append(_decision(limit, Kind.EXPIRED, 0, ended, at=fake.moment(ended)))
    else:  # withdrawn after notice: earlier shipments keep their cover
        decisions.append(_decision(limit, Kind.WITHDRAWN, 0, ended, reasons=[ReasonCode.PAYMENT_BEHAVIOUR],
                                   at=fake.moment(ended)))
    return decisions


def plan_limits(*, fake, tenant, policies, buyers, count: int, reference_prefix: str) -> list[LimitPlan]:
    """`count` limits of one insured on distinct (policy, buyer) pairs, requested over the policy year so far."""
    pairs = fake.rng.sample(range(len(policies) * len(buyers)), count)
    plans = []
    states = [s for s, _ in STATES]
    weights = [w for _, w in STATES]
    for i, pair in enumerate(pairs):
        policy, buyer = policies[pair // len(buyers)], buyers[pair % len(buyers)]
        state = fake.weighted(states, weights)
        if buyer.status != buyer.Status.CONFIRMED and state == State.IN_FORCE:
            state = State.PENDING  # an unidentified buyer waits for an underwriter
        requested_on = fake.day_between(policy.start_date, fake.today - timedelta(days=1))
        limit = CreditLimit(
            tenant_id=tenant.pk, policy_id=policy.pk, buyer_id=buyer.pk, state=state, currency=policy.currency,
            reference=f"{reference_prefix}{i:07d}" if fake.chance(0.6) else "",
            requested_amount=fake.amount(), requested_terms_days=fake.terms_days(),
            created_at=fake.moment(requested_on),
        )
        plans.append(LimitPlan(limit=limit, decisions=_decide(fake, limit, buyer, policy)))
    return plans


def write_limits(plans: list[LimitPlan], *, progress) -> None:
    insert(CreditLimit, (p.limit for p in plans), total=len(plans), progress=progress)

    def decisions():
        for plan in plans:
            for decision in plan.decisions:
                decision.limit_id = plan.limit.pk
                yield decision

    insert(LimitDecision, decisions(), total=sum(len(p.decisions) for p in plans), progress=progress)
