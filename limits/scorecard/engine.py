"""The scorecard's pure core: a request's plain values and a version's parameters in, a decision out.

Nothing here reads or writes the database, so the live automatic decision (limits.services.requests) and
the back-test (`manage.py backtest_scorecard`) run the very same function. Every point has a factor and
every adverse decision the reason codes of the factors that cost the most (limits.scorecard.reasons).
"""

from dataclasses import asdict, dataclass, field
from decimal import ROUND_DOWN, Decimal

from limits.scorecard.defaults import nace_section
from limits.scorecard.reasons import (
    APPROVED,
    CONDITIONAL,
    FACTOR_REASON,
    PARTIAL,
    REFERRED,
    REFUSED,
    edifact_response,
)

CENT = Decimal("0.01")


@dataclass(frozen=True)
class ScorecardInput:
    """One request as the back-test file's columns have it; amounts in the scorecard's currency."""

    buyer_country: str
    buyer_sector_nace: str
    buyer_grade: int | None
    years_trading: int | None
    revenue: Decimal | None
    equity: Decimal | None
    total_assets: Decimal | None
    current_assets: Decimal | None
    current_liabilities: Decimal | None
    net_income: Decimal | None
    ebitda: Decimal | None
    days_beyond_terms_avg: Decimal | None
    overdues_reported_12m: int | None
    insurer_exposure_on_buyer: Decimal
    requested_amount: Decimal
    terms_days: int
    country_risk: int | None = None  # the insurer's grade of the country, 1-7 (buyers.CountryRisk)


@dataclass(frozen=True)
class AutomaticLimits:
    """What the insurer lets the scorecard decide alone (settings on the Scorecard version)."""

    max_automatic_amount: Decimal  # larger requests go to an underwriter
    buyer_exposure_cap: Decimal | None = None  # the insurer's total exposure allowed on one buyer


@dataclass(frozen=True)
class Factor:
    code: str
    value: str  # as shown to the underwriter ("0.23", "grade 4", "unknown")
    points: int
    reason_code: str


@dataclass(frozen=True)
class ScorecardResult:
    score: int
    decision: str  # approved | partial | conditional | refused | referred
    decided_amount: Decimal
    terms_days: int
    suggested_amount: Decimal  # what the buyer can carry by its figures and the exposure cap
    factors: tuple[Factor, ...]
    reason_codes: tuple[str, ...]
    edifact: str = field(default="")

    def as_dict(self) -> dict:
        """JSON-ready, as recorded on the decision (amounts as decimal strings)."""
        data = asdict(self)
        data["decided_amount"] = str(self.decided_amount)
        data["suggested_amount"] = str(self.suggested_amount)
        data["factors"] = [asdict(f) for f in self.factors]
        data["reason_codes"] = list(self.reason_codes)
        return data


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def band_points(bands: list, value: Decimal) -> int:
    for bound, points in bands:
        if bound is None or value < _dec(bound):
            return int(points)
    return 0


def _ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def _fmt(value: Decimal | None) -> str:
    return "unknown" if value is None else str(value.quantize(Decimal("0.001")))


def _financial_factors(item: ScorecardInput, params: dict) -> list[Factor]:
    bands = params["bands"]
    figures = (item.revenue, item.equity, item.total_assets, item.current_assets, item.current_liabilities,
               item.net_income, item.ebitda)
    if any(value is None for value in figures) or not item.total_assets or not item.revenue:
        return [Factor("financials_missing", "unknown", int(params["financials_missing_points"]),
                       FACTOR_REASON["financials_missing"])]
    liabilities = item.total_assets - item.equity
    ratios = {
        "equity_ratio": _ratio(item.equity, item.total_assets),
        "current_ratio": (_ratio(item.current_assets, item.current_liabilities)
                          if item.current_liabilities else Decimal(99)),
        "net_margin": _ratio(item.net_income, item.revenue),
        "ebitda_margin": _ratio(item.ebitda, item.revenue),
        # Liabilities per unit of equity; no positive equity is the worst band.
        "leverage": _ratio(liabilities, item.equity) if item.equity > 0 else Decimal(10**6),
    }
    return [Factor(code, _fmt(value), band_points(bands[code], value), FACTOR_REASON[code])
            for code, value in ratios.items()]


def _count_factor(code: str, value, params: dict) -> Factor:
    """A factor over a count (years, days, overdues); unknown counts as the band of zero."""
    amount = Decimal(0) if value is None else _dec(value)
    return Factor(code, "unknown" if value is None else str(value), band_points(params["bands"][code], amount),
                  FACTOR_REASON[code])


def _years_factor(years: int | None, params: dict) -> Factor:
    if years is None:  # not on file: some points, fewer than a young company's
        return Factor("years_trading", "unknown", int(params.get("years_trading_unknown_points", 3)),
                      FACTOR_REASON["years_trading"])
    return _count_factor("years_trading", years, params)


def factors(item: ScorecardInput, params: dict, limits: AutomaticLimits) -> list[Factor]:
    grade = item.buyer_grade
    section = nace_section(item.buyer_sector_nace)
    country_points = (params["country_points"].get(str(item.country_risk), params["country_unknown_points"])
                      if item.country_risk else params["country_unknown_points"])
    found = [
        Factor("grade", str(grade), int(params["grade_points"][str(grade)]), FACTOR_REASON["grade"]),
        Factor("country_risk", f"{item.buyer_country} {item.country_risk or '?'}", int(country_points),
               FACTOR_REASON["country_risk"]),
        Factor("sector_risk", section or "unknown",
               int(params["sector_points"].get(section or "", params["sector_unknown_points"])),
               FACTOR_REASON["sector_risk"]),
        *_financial_factors(item, params),
        _years_factor(item.years_trading, params),
        _count_factor("days_beyond_terms", item.days_beyond_terms_avg, params),
        _count_factor("overdues_reported", item.overdues_reported_12m, params),
    ]
    requested = item.requested_amount
    if limits.buyer_exposure_cap:
        share = (item.insurer_exposure_on_buyer + requested) / limits.buyer_exposure_cap
        found.append(Factor("exposure_vs_cap", _fmt(share), band_points(params["bands"]["exposure_vs_cap"], share),
                            FACTOR_REASON["exposure_vs_cap"]))
    for code, base in (("amount_vs_revenue", item.revenue), ("amount_vs_equity", item.equity)):
        if base is not None and base > 0:
            share = requested / base
            found.append(Factor(code, _fmt(share), band_points(params["bands"][code], share), FACTOR_REASON[code]))
    found.append(_count_factor("terms_days", item.terms_days, params))
    return found


def capacity(item: ScorecardInput, params: dict, limits: AutomaticLimits) -> tuple[Decimal, str | None]:
    """What the buyer can carry, and the reason code when that is less than asked."""
    if item.revenue is not None and item.equity is not None and item.revenue > 0:
        by_figures = min(item.revenue * _dec(params["capacity_revenue_share"]),
                         max(item.equity, Decimal(0)) * _dec(params["capacity_equity_share"]))
        reason = "amount_above_capacity"
    else:
        by_figures, reason = _dec(params["capacity_without_financials"]), "insufficient_financials"
    if limits.buyer_exposure_cap is not None:
        room = max(limits.buyer_exposure_cap - item.insurer_exposure_on_buyer, Decimal(0))
        if room < by_figures:
            return room, "exposure_at_maximum"
    return max(by_figures, Decimal(0)), reason


def _reasons(found: list[Factor], first: str | None, params: dict) -> tuple[str, ...]:
    costly = sorted((f for f in found if f.points > 0), key=lambda f: -f.points)
    codes = [first] if first else []
    codes += [f.reason_code for f in costly]
    codes = list(dict.fromkeys(codes))[: int(params["max_reasons"])]
    return tuple(codes or ["buyer_grade"])


def _result(score, decision, amount, terms, suggested, found, reasons) -> ScorecardResult:
    return ScorecardResult(score=score, decision=decision, decided_amount=amount.quantize(CENT, ROUND_DOWN),
                           terms_days=terms, suggested_amount=suggested.quantize(CENT, ROUND_DOWN),
                           factors=tuple(found), reason_codes=reasons, edifact=edifact_response(decision))


def evaluate(item: ScorecardInput, params: dict, limits: AutomaticLimits) -> ScorecardResult:
    """Score a request and decide it within the insurer's automatic limits (else refer it)."""
    requested, terms = item.requested_amount, item.terms_days
    if item.buyer_grade is None:
        return _result(0, REFERRED, Decimal(0), terms, Decimal(0), [], ("buyer_not_identified",))
    found = factors(item, params, limits)
    score = sum(f.points for f in found)
    room, room_reason = capacity(item, params, limits)
    if requested > limits.max_automatic_amount:
        return _result(score, REFERRED, Decimal(0), terms, room, found, ("amount_above_automatic",))
    if score > params["partial_max_score"]:
        return _result(score, REFUSED, Decimal(0), terms, room, found, _reasons(found, None, params))
    if score > params["conditional_max_score"]:
        span = Decimal(params["partial_max_score"] - params["conditional_max_score"])
        floor = _dec(params["partial_floor"])
        share = 1 - (Decimal(score - params["conditional_max_score"]) / span) * (1 - floor)
        amount = min(requested * share, room)
        decision = PARTIAL if amount > 0 else REFUSED
        return _result(score, decision, amount if amount > 0 else Decimal(0), terms, room, found,
                       _reasons(found, room_reason if room < requested * share else None, params))
    amount = min(requested, room)
    if amount <= 0:
        return _result(score, REFUSED, Decimal(0), terms, room, found, _reasons(found, room_reason, params))
    if amount < requested:
        return _result(score, PARTIAL, amount, terms, room, found, _reasons(found, room_reason, params))
    if score > params["approve_max_score"]:
        conditional_terms = min(terms, int(params["conditional_terms_days"]))
        return _result(score, CONDITIONAL, amount, conditional_terms, room, found,
                       _reasons(found, "terms_too_long" if conditional_terms < terms else None, params))
    return _result(score, APPROVED, amount, terms, room, found, ())
