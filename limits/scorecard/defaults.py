"""The first scorecard version's parameters, and NACE divisions -> sections.

Bands are [[bound, points], ...] read in order: the first bound the value is below gives its points; the
last bound is null (everything above). Points are risk: higher is worse. Tuned on a generated training
portfolio (`manage.py backtest_scorecard --generate 20000 --seed 1`) and reported on another seed; the
figures are in the README.
"""

# NACE Rev. 2: the first division of each section.
NACE_SECTIONS = [
    (1, "A"), (5, "B"), (10, "C"), (35, "D"), (36, "E"), (41, "F"), (45, "G"), (49, "H"), (55, "I"), (58, "J"),
    (64, "K"), (68, "L"), (69, "M"), (77, "N"), (84, "O"), (85, "P"), (86, "Q"), (90, "R"), (94, "S"), (97, "T"),
    (99, "U"),
]


def nace_section(code: str) -> str | None:
    """'46.90' -> 'G'; a section letter is returned as is; None when unreadable."""
    code = (code or "").strip().upper()
    if len(code) == 1:
        return code if code in {letter for _first, letter in NACE_SECTIONS} else None
    digits = code.replace(".", "")[:2]
    if not digits.isdigit():
        return None
    division, section = int(digits), None
    for first, letter in NACE_SECTIONS:
        if division >= first:
            section = letter
    return section


DEFAULT_PARAMETERS = {
    "grade_points": {"1": 0, "2": 4, "3": 8, "4": 12, "5": 16, "6": 20, "7": 25, "8": 30, "9": 40, "10": 60},
    "country_points": {"1": 0, "2": 2, "3": 5, "4": 7, "5": 10, "6": 12, "7": 15},
    "country_unknown_points": 6,
    "sector_points": {"A": 3, "B": 3, "C": 2, "D": 0, "E": 2, "F": 7, "G": 3, "H": 4, "I": 6, "J": 0, "K": 1,
                      "L": 5, "M": 1, "N": 3, "O": 0, "P": 1, "Q": 0, "R": 5, "S": 3, "T": 3, "U": 0},
    "sector_unknown_points": 3,
    "financials_missing_points": 10,
    "years_trading_unknown_points": 3,
    "bands": {
        "equity_ratio": [[0.05, 18], [0.15, 10], [0.25, 6], [0.35, 3], [None, 0]],
        "current_ratio": [[0.8, 10], [1.1, 7], [1.4, 4], [1.8, 2], [None, 0]],
        "net_margin": [[-0.02, 5], [0.01, 3], [0.04, 1], [None, 0]],
        "ebitda_margin": [[0, 3], [0.05, 1], [None, 0]],
        "leverage": [[2.5, 0], [5, 1], [10, 2], [None, 4]],
        "years_trading": [[3, 10], [8, 6], [15, 3], [20, 1], [None, 0]],
        "days_beyond_terms": [[3, 0], [10, 4], [20, 9], [35, 15], [60, 22], [None, 30]],
        "overdues_reported": [[1, 0], [2, 10], [3, 18], [None, 26]],
        "exposure_vs_cap": [[0.5, 0], [0.8, 2], [1.0, 6], [None, 12]],
        "amount_vs_revenue": [[0.05, 0], [0.1, 1], [0.2, 4], [None, 8]],
        "amount_vs_equity": [[0.25, 0], [0.5, 1], [1.0, 3], [None, 6]],
        "terms_days": [[61, 0], [91, 1], [121, 2], [None, 3]],
    },
    # Score -> decision: up to approve_max approve (within capacity), then approve with shorter terms, then
    # part of the amount (shrinking to partial_floor of it at partial_max), above partial_max refuse.
    "approve_max_score": 38,
    "conditional_max_score": 50,
    "partial_max_score": 72,
    "partial_floor": 0.5,
    "conditional_terms_days": 60,
    # What the buyer can carry: a share of its revenue and of its (positive) equity; without statements,
    # a fixed amount in the scorecard's currency.
    "capacity_revenue_share": 0.15,
    "capacity_equity_share": 1.0,
    "capacity_without_financials": 25000,
    # How many factors, the costliest first, an adverse decision names.
    "max_reasons": 3,
}

# The insurer's country risk grades (1-7) used when buyers.CountryRisk has no row for a country.
DEFAULT_COUNTRY_RISK = {
    "DE": 1, "FR": 1, "NL": 1, "AT": 1, "BE": 1, "DK": 1, "FI": 1, "SE": 1, "IE": 1, "LU": 1, "US": 1, "GB": 1,
    "ES": 2, "IT": 3, "PT": 2, "CZ": 2, "SK": 2, "SI": 2, "EE": 2, "LT": 2, "LV": 2, "PL": 2, "CN": 2,
    "HR": 3, "HU": 3, "RO": 3, "BG": 3, "GR": 3, "CY": 3, "MT": 3, "MX": 4, "BR": 5, "IN": 3, "TR": 5,
    "ZA": 4, "EG": 6, "AR": 7, "NG": 6, "UA": 7,
}
