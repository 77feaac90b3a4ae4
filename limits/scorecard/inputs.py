"""A live request's scorecard: which version applies, its inputs read from the registry, and the result.

Reads only. The insurer-wide figures (exposure on the buyer, overdues reported by any insured) are
aggregates over every tenant, read outside the request's tenant scope and never shown to the insured:
the insured sees the decision and its reasons, not another insured's figures.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q
from django_scopes import scopes_disabled
from moneyed import Money

from buyers.models import Buyer, CountryRisk, FinancialStatement, PaymentExperience
from core.money import minor_unit_exponent
from core.rates import MissingRate, convert
from limits.exposure import buyer_exposure_total
from limits.models import CoverStop, CreditLimit
from limits.scorecard.defaults import DEFAULT_COUNTRY_RISK
from limits.scorecard.engine import AutomaticLimits, ScorecardInput, ScorecardResult, evaluate
from limits.scorecard.models import Scorecard
from limits.scorecard.reasons import REFERRED

FIGURES = ("revenue", "equity", "total_assets", "current_assets", "current_liabilities", "net_income", "ebitda")


def scorecard_for(*, policy_id: int) -> Scorecard | None:
    """The active version if it covers this policy (no policies listed: every policy); else None (the matrix)."""
    scorecard = Scorecard.objects.filter(is_active=True).first()
    if scorecard is None:
        return None
    # Through the link table: Policy rows are tenant-scoped, and another tenant's listed policy still counts.
    listed = set(Scorecard.policies.through.objects.filter(scorecard_id=scorecard.pk)
                 .values_list("policy_id", flat=True))
    return scorecard if not listed or policy_id in listed else None


def automatic_limits(scorecard: Scorecard) -> AutomaticLimits:
    return AutomaticLimits(max_automatic_amount=scorecard.max_automatic_amount,
                           buyer_exposure_cap=scorecard.buyer_exposure_cap)


def _to(amount: Decimal | None, currency: str, to: str, on: date) -> Decimal | None:
    if amount is None:
        return None
    return convert(Money(amount, currency), to=to, on=on).amount


def _figures(buyer: Buyer, currency: str, on: date) -> dict:
    """The latest statement's figures in the scorecard's currency; all None without one (or without a rate)."""
    statement = FinancialStatement.objects.filter(buyer=buyer).order_by("-year").first()
    if statement is None:
        return dict.fromkeys(FIGURES)
    try:
        return {name: _to(getattr(statement, name), statement.currency, currency, on) for name in FIGURES}
    except MissingRate:
        return dict.fromkeys(FIGURES)


def _insurer_wide(limit: CreditLimit, currency: str, on: date) -> tuple[Decimal, int]:
    """The insurer's exposure on the buyer (less the limit this request replaces) and overdues in 12 months."""
    with scopes_disabled():
        total = buyer_exposure_total(buyer_id=limit.buyer_id, on=on)
        replaced = (CreditLimit.objects.filter(pk=limit.supersedes_id, state=CreditLimit.State.IN_FORCE)
                    .values_list("decided_amount", "currency").first() if limit.supersedes_id else None)
        overdues = CoverStop.objects.filter(
            Q(reason=CoverStop.Reason.OVERDUE) | Q(reason=CoverStop.Reason.MAX_EXTENSION),
            buyer_id=limit.buyer_id, stopped_from__gt=on - timedelta(days=365),
        ).values("tenant_id", "policy_id", "stopped_from").distinct().count()
    exposure = _to(total.amount, str(total.currency), currency, on)
    if replaced:
        exposure -= _to(replaced[0], replaced[1], currency, on)
    return max(exposure, Decimal(0)), overdues


def days_beyond_terms(buyer: Buyer) -> Decimal | None:
    """The insurer's payment experience on the buyer (every insured's paid invoices, the nightly summary); None
    (the factor's "unknown") before any paid invoice was reported. The insurer's own figure, used whatever the
    number of insureds reporting: the insured reads the decision's reasons, never the figure."""
    return PaymentExperience.objects.filter(buyer=buyer).values_list("days_beyond_terms_avg", flat=True).first()


def scorecard_input(*, limit: CreditLimit, scorecard: Scorecard, on: date) -> ScorecardInput:
    """The engine's input for a live request; raises MissingRate when an amount cannot be converted."""
    buyer, currency = limit.buyer, scorecard.currency
    risk = CountryRisk.objects.filter(country=buyer.country.code).values_list("grade", flat=True).first()
    exposure, overdues = _insurer_wide(limit, currency, on)
    return ScorecardInput(
        buyer_country=buyer.country.code, buyer_sector_nace=buyer.sector_nace,
        buyer_grade=buyer.grade if buyer.status == Buyer.Status.CONFIRMED else None,
        years_trading=None,  # not recorded in the registry yet: the factor counts it as unknown
        days_beyond_terms_avg=days_beyond_terms(buyer),
        overdues_reported_12m=overdues, insurer_exposure_on_buyer=exposure,
        requested_amount=_to(limit.requested_amount, limit.currency, currency, on),
        terms_days=limit.requested_terms_days,
        country_risk=risk or DEFAULT_COUNTRY_RISK.get(buyer.country.code),
        **_figures(buyer, currency, on),
    )


@dataclass(frozen=True)
class Scoring:
    scorecard: Scorecard
    result: ScorecardResult
    decided_amount: Decimal  # in the limit's (policy's) currency

    @property
    def recorded(self) -> dict:
        return {"version": self.scorecard.version, "currency": self.scorecard.currency, **self.result.as_dict()}


def score_limit(*, limit: CreditLimit, scorecard: Scorecard, on: date) -> Scoring | None:
    """The scorecard's answer on a request; None when an amount cannot be converted (an underwriter decides)."""
    try:
        item = scorecard_input(limit=limit, scorecard=scorecard, on=on)
    except MissingRate:
        return None
    result = evaluate(item, scorecard.parameters, automatic_limits(scorecard))
    if result.decision == REFERRED or item.requested_amount <= 0:
        decided = Decimal(0)
    elif result.decided_amount >= item.requested_amount:
        decided = limit.requested_amount
    else:
        # Back into the policy's currency by the same proportion, so a full grant stays exactly the request.
        share = result.decided_amount / item.requested_amount
        # Down to the policy currency's minor unit (JPY none, EUR cents): never a limit above what was scored.
        step = Decimal(1).scaleb(-minor_unit_exponent(limit.currency))
        decided = (limit.requested_amount * share).quantize(step, rounding="ROUND_DOWN")
    return Scoring(scorecard=scorecard, result=result, decided_amount=decided)


def suggestion_for(*, limit: CreditLimit, on: date) -> Scoring | None:
    """What the scorecard covering the limit's policy suggests (the underwriter's decision screen); None
    on a policy without a scorecard."""
    scorecard = scorecard_for(policy_id=limit.policy_id)
    return score_limit(limit=limit, scorecard=scorecard, on=on) if scorecard is not None else None
