"""The risk check: a short report on selling `amount` on `terms_days` to a buyer (or a prospect of a country and
sector) under one of the insured's policies. Reads only, writes nothing.

It runs what a limit request would (limits.services.requests): an open cover stop refers; on a policy the
active scorecard covers, the scorecard's pure engine with the live inputs (limits.scorecard.inputs, the
back-test's very function) on an unsaved request; otherwise the grade matrix. The terms are those of today
(an invoice shipped today); its deadlines come from policies.deadlines; the premium from
policies.premium.calculation.premium_for at the policy's rate.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _
from moneyed import Money

from buyers.models import Buyer, CountryRisk
from buyers.relations import related_buyer_ids
from core.exceptions import DomainError
from core.money import quantize_money
from core.rates import MissingRate, convert
from limits.models import CreditLimit
from limits.scorecard.defaults import DEFAULT_COUNTRY_RISK, nace_section
from limits.scorecard.engine import ScorecardInput, evaluate
from limits.scorecard.inputs import automatic_limits, score_limit, scorecard_for
from limits.scorecard.models import default_parameters
from limits.scorecard.reasons import REFERRED
from limits.selectors import open_cover_stop_exists
from limits.services.requests import automatic_ceiling
from policies.deadlines import InvoiceDeadlines, invoice_deadlines
from policies.models import Policy
from policies.premium.calculation import premium_for

AUTOMATIC, REFER, NOT_COVERED = "automatic", "referred", "not_covered"


@dataclass(frozen=True)
class RiskCheck:
    policy: Policy
    country: str
    sector_nace: str
    buyer: Buyer | None
    amount: Money  # in the policy's currency
    terms_days: int
    country_risk: int | None  # the insurer's grade 1-7; None unknown
    sector_section: str | None  # NACE section letter
    sector_points: int  # the scorecard's points for the sector (higher = riskier)
    country_covered: bool
    # The terms' exclusion of a known buyer's kind (related to the insured, private, public), as a limit request
    # would meet it (limits.services.validation.check_buyer); "" when none.
    buyer_exclusion: str
    excluded_countries: tuple[str, ...]
    max_credit_period_days: int
    terms_allowed: bool
    decision: str  # automatic | referred | not_covered
    outcome: str  # approved | partial | conditional | refused | referred (the scorecard's words; matrix: approved)
    decided_amount: Money | None
    reason_codes: tuple[str, ...]
    scorecard_version: int | None
    percentage_of_cover: Decimal
    discretionary_allowed: bool
    discretionary_limit_max: Money
    discretionary_percentage_of_cover: Decimal
    deadlines: InvoiceDeadlines
    premium: Money
    premium_rate_percent: Decimal


def _amount_in_policy_currency(amount: Money, policy: Policy, on: date) -> Money:
    if amount.amount <= 0:
        raise DomainError(_("The amount must be greater than zero."), field="amount")
    try:
        return quantize_money(convert(amount, to=policy.currency, on=on))
    except MissingRate as exc:
        raise DomainError(_("No exchange rate recorded from %(from)s to %(to)s.")
                          % {"from": amount.currency, "to": policy.currency}, field="amount") from exc


def _prospect_input(*, country: str, sector: str, amount: Decimal, terms_days: int, risk: int | None):
    """A buyer not in the registry: nothing known but its country and sector (the factors count it unknown)."""
    return ScorecardInput(
        buyer_country=country, buyer_sector_nace=sector, buyer_grade=None, years_trading=None, revenue=None,
        equity=None, total_assets=None, current_assets=None, current_liabilities=None, net_income=None, ebitda=None,
        days_beyond_terms_avg=None, overdues_reported_12m=0, insurer_exposure_on_buyer=Decimal(0),
        requested_amount=amount, terms_days=terms_days, country_risk=risk)


def _automatic(policy, buyer, amount: Money, terms_days, country, sector, risk, on):
    """(decision, outcome, decided amount, reason codes, scorecard version): what the request would get today."""
    if buyer is not None and open_cover_stop_exists(policy_id=policy.pk, buyer_id=buyer.pk, on=on):
        return REFER, REFERRED, None, (), None
    scorecard = scorecard_for(policy_id=policy.pk)
    if scorecard is not None:
        if buyer is not None:
            current = CreditLimit.objects.filter(policy=policy, buyer=buyer, state=CreditLimit.State.IN_FORCE).first()
            request = CreditLimit(policy=policy, buyer=buyer, currency=policy.currency, supersedes=current,
                                  requested_amount=amount.amount, requested_terms_days=terms_days)
            scoring = score_limit(limit=request, scorecard=scorecard, on=on)
            if scoring is None:
                return REFER, REFERRED, None, (), scorecard.version
            result, decided = scoring.result, scoring.decided_amount
        else:
            try:
                scored = convert(amount, to=scorecard.currency, on=on).amount
            except MissingRate:
                return REFER, REFERRED, None, (), scorecard.version
            result = evaluate(_prospect_input(country=country, sector=sector, amount=scored, terms_days=terms_days,
                                              risk=risk), scorecard.parameters, automatic_limits(scorecard))
            decided = (amount.amount * result.decided_amount / scored).quantize(Decimal("0.01"), "ROUND_DOWN")
        if result.decision == REFERRED:
            return REFER, REFERRED, None, result.reason_codes, scorecard.version
        return (AUTOMATIC, result.decision, quantize_money(Money(decided, policy.currency)), result.reason_codes,
                scorecard.version)
    ceiling = automatic_ceiling(buyer=buyer, currency=policy.currency, on=on) if buyer is not None else None
    if ceiling is None or amount.amount > ceiling.amount:
        return REFER, REFERRED, None, (), None
    return AUTOMATIC, "approved", amount, (), None


def risk_check(*, tenant, policy: Policy, country: str, sector_nace: str = "", buyer: Buyer | None = None,
               amount: Money, terms_days: int, today: date) -> RiskCheck:
    """The report; raises DomainError (field-keyed) for input the check cannot answer."""
    if policy.tenant_id != tenant.pk:
        raise DomainError(_("Unknown policy."), field="policy")
    if not policy.is_in_force_on(today):
        raise DomainError(_("Policy %(number)s is not in force.") % {"number": policy.number}, field="policy")
    if terms_days <= 0:
        raise DomainError(_("Payment terms must be at least one day."), field="terms_days")
    if buyer is not None:
        country, sector_nace = buyer.country.code, buyer.sector_nace or sector_nace
    country = country.upper()
    terms = policy.terms_on(today)
    amount = _amount_in_policy_currency(amount, policy, today)
    risk = (CountryRisk.objects.filter(country=country).values_list("grade", flat=True).first()
            or DEFAULT_COUNTRY_RISK.get(country))
    scorecard = scorecard_for(policy_id=policy.pk)
    params = scorecard.parameters if scorecard is not None else default_parameters()
    section = nace_section(sector_nace)
    exclusion = ""
    if buyer is not None:
        related = bool(related_buyer_ids(tenant_id=tenant.pk, buyer_ids=[buyer.pk]))
        exclusion = terms.buyer_exclusion(kind=buyer.kind, related=related)
    covered = terms.covers_country(country) and not exclusion
    if covered:
        decision, outcome, decided, reasons, version = _automatic(policy, buyer, amount, terms_days, country,
                                                                  sector_nace, risk, today)
    else:
        decision, outcome, decided, reasons, version = NOT_COVERED, REFERRED, None, (), None
    grade_ok = buyer is not None and buyer.grade is not None and buyer.grade <= terms.discretionary_max_buyer_grade
    # An invoice shipped and issued today, payable on the payment terms asked: its due date is the invoice's own
    # content; every deadline from it is policies.deadlines'.
    deadlines = invoice_deadlines(terms=terms, due_date=today + timedelta(days=terms_days))
    return RiskCheck(
        policy=policy, country=country, sector_nace=sector_nace, buyer=buyer, amount=amount, terms_days=terms_days,
        country_risk=risk, sector_section=section,
        sector_points=int(params["sector_points"].get(section or "", params["sector_unknown_points"])),
        country_covered=terms.covers_country(country), buyer_exclusion=exclusion, excluded_countries=terms.excluded_countries,
        max_credit_period_days=terms.max_credit_period_days, terms_allowed=terms_days <= terms.max_credit_period_days,
        decision=decision, outcome=outcome, decided_amount=decided, reason_codes=tuple(reasons),
        scorecard_version=version, percentage_of_cover=terms.percentage_of_cover_commercial,
        discretionary_allowed=covered and grade_ok and amount <= terms.discretionary_limit_max,
        discretionary_limit_max=terms.discretionary_limit_max,
        discretionary_percentage_of_cover=terms.discretionary_percentage_of_cover,
        deadlines=deadlines, premium=premium_for(amount, terms.premium_rate_percent),
        premium_rate_percent=terms.premium_rate_percent,
    )
