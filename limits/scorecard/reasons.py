"""Reason codes a scorecard factor gives, and the UN/EDIFACT credit-risk response category of each decision.

The codes are the values of limits.models.ReasonCode (stable: integrators and reports key on them; the
labels are translatable). The categories are the responses UN/EDIFACT credit-risk messages use for a
credit-limit application: approved, not approved, conditional, partly approved, still investigating,
reduction, cancellation.
"""

# Factor -> the reason code an adverse decision gives when that factor costs points.
FACTOR_REASON = {
    "grade": "buyer_grade",
    "country_risk": "country_risk",
    "sector_risk": "sector_risk",
    "financials_missing": "insufficient_financials",
    "equity_ratio": "weak_equity",
    "current_ratio": "weak_liquidity",
    "net_margin": "loss_making",
    "ebitda_margin": "loss_making",
    "leverage": "high_leverage",
    "years_trading": "short_trading_history",
    "days_beyond_terms": "payment_behaviour",
    "overdues_reported": "overdues_reported",
    "exposure_vs_cap": "exposure_at_maximum",
    "amount_vs_revenue": "amount_above_capacity",
    "amount_vs_equity": "amount_above_capacity",
    "terms_days": "terms_too_long",
}

APPROVED, PARTIAL, CONDITIONAL, REFUSED, REFERRED = "approved", "partial", "conditional", "refused", "referred"
DECISIONS = (APPROVED, PARTIAL, CONDITIONAL, REFUSED, REFERRED)
ADVERSE = (PARTIAL, CONDITIONAL, REFUSED)

# UN/EDIFACT credit-risk response categories.
EDIFACT_APPROVED = "approved"
EDIFACT_NOT_APPROVED = "not_approved"
EDIFACT_CONDITIONAL = "conditional"
EDIFACT_PARTLY_APPROVED = "partly_approved"
EDIFACT_STILL_INVESTIGATING = "still_investigating"
EDIFACT_REDUCTION = "reduction"
EDIFACT_CANCELLATION = "cancellation"

# A scorecard decision, or a LimitDecision kind, -> its EDIFACT response category.
EDIFACT_RESPONSE = {
    APPROVED: EDIFACT_APPROVED,
    PARTIAL: EDIFACT_PARTLY_APPROVED,
    CONDITIONAL: EDIFACT_CONDITIONAL,
    REFUSED: EDIFACT_NOT_APPROVED,
    REFERRED: EDIFACT_STILL_INVESTIGATING,
    "partially_approved": EDIFACT_PARTLY_APPROVED,
    "approved_with_conditions": EDIFACT_CONDITIONAL,
    "reduced": EDIFACT_REDUCTION,
    "withdrawn": EDIFACT_CANCELLATION,
    "cancelled": EDIFACT_CANCELLATION,
    "expired": EDIFACT_CANCELLATION,
    "under_review": EDIFACT_STILL_INVESTIGATING,
}

# The LimitDecision kind an automatic scorecard decision is recorded as.
DECISION_KIND = {
    APPROVED: "approved", PARTIAL: "partially_approved", CONDITIONAL: "approved_with_conditions",
    REFUSED: "refused", REFERRED: "referred",
}


def edifact_response(decision_or_kind: str) -> str:
    return EDIFACT_RESPONSE.get(decision_or_kind, EDIFACT_APPROVED)
