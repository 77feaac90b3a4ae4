"""Back-testing over plain files: read a portfolio of requests, write decisions, generate and evaluate one.

Pure over text and values: `manage.py backtest_scorecard` hands it the file and the scorecard's parameters
and reads nothing else, writes nothing to the database.
"""

import csv
import io
import math
import random
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from limits.scorecard.defaults import DEFAULT_COUNTRY_RISK
from limits.scorecard.engine import AutomaticLimits, ScorecardInput, ScorecardResult, evaluate
from limits.scorecard.reasons import ADVERSE, REFERRED

COLUMNS = (
    "request_id", "buyer_country", "buyer_sector_nace", "buyer_grade", "years_trading", "currency", "revenue",
    "equity", "total_assets", "current_assets", "current_liabilities", "net_income", "ebitda",
    "days_beyond_terms_avg", "overdues_reported_12m", "insurer_exposure_on_buyer", "requested_amount", "terms_days",
)
OUTPUT_COLUMNS = ("request_id", "decision", "decided_amount", "score", "reason_codes")
OPTIONAL_AMOUNTS = ("revenue", "equity", "total_assets", "current_assets", "current_liabilities", "net_income",
                    "ebitda", "days_beyond_terms_avg")


class RowProblem(ValueError):
    pass


def _decimal(text: str, column: str, *, required: bool = False, positive: bool = False) -> Decimal | None:
    text = (text or "").strip()
    if not text:
        if required:
            raise RowProblem(f"{column}: required")
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise RowProblem(f"{column}: not a number: {text!r}") from exc
    if not value.is_finite():
        raise RowProblem(f"{column}: not a number: {text!r}")
    if positive and value <= 0:
        raise RowProblem(f"{column}: must be greater than zero")
    return value


def _int(text: str, column: str, *, required: bool = False, low: int = 0, high: int | None = None) -> int | None:
    value = _decimal(text, column, required=required)
    if value is None:
        return None
    if value != value.to_integral_value() or value < low or (high is not None and value > high):
        raise RowProblem(f"{column}: a whole number from {low}" + (f" to {high}" if high is not None else ""))
    return int(value)


def parse_row(row: dict, *, rates: dict[str, Decimal], currency: str,
              country_risk: dict[str, int]) -> ScorecardInput:
    """One file row as the engine's input, its amounts converted into the scorecard's `currency`.

    Raises RowProblem naming every bad column of the row, not only the first.
    """
    problems: list[str] = []

    def take(parse, column, **kwargs):
        try:
            return parse(row.get(column, ""), column, **kwargs)
        except RowProblem as exc:
            problems.append(str(exc))
            return None

    row_currency = (row.get("currency") or "").strip().upper()
    rate = Decimal(1) if row_currency == currency else rates.get(row_currency)
    if rate is None:
        problems.append(f"currency: no exchange rate from {row_currency or '(empty)'} to {currency}")
    country = (row.get("buyer_country") or "").strip().upper()
    if len(country) != 2 or not country.isalpha():
        problems.append("buyer_country: an ISO 3166 alpha-2 code")
    values = {name: take(_decimal, name) for name in OPTIONAL_AMOUNTS}
    values["insurer_exposure_on_buyer"] = take(_decimal, "insurer_exposure_on_buyer") or Decimal(0)
    if values["insurer_exposure_on_buyer"] < 0:
        problems.append("insurer_exposure_on_buyer: cannot be negative")
    values["requested_amount"] = take(_decimal, "requested_amount", required=True, positive=True)
    grade = take(_int, "buyer_grade", low=1, high=10)
    years = take(_int, "years_trading")
    overdues = take(_int, "overdues_reported_12m")
    terms = take(_int, "terms_days", required=True, low=1, high=720)
    if problems:
        raise RowProblem("; ".join(problems))
    converted = {name: (value * rate if value is not None and name != "days_beyond_terms_avg" else value)
                 for name, value in values.items()}
    return ScorecardInput(
        buyer_country=country, buyer_sector_nace=(row.get("buyer_sector_nace") or "").strip(), buyer_grade=grade,
        years_trading=years, overdues_reported_12m=overdues, terms_days=terms, country_risk=country_risk.get(country),
        **converted,
    )


@dataclass(frozen=True)
class BacktestRow:
    line: int
    request_id: str
    requested: Decimal | None
    grade: int | None
    result: ScorecardResult | None
    error: str = ""


def portfolio_reader(text: str) -> csv.DictReader:
    """The file's rows by column name, whatever a spreadsheet did to it: a BOM, ';' between values (told by the
    header, as every import reads it: core.imports.stream), names in another case or padded, columns in any order
    or beside others."""
    text = text.lstrip("\ufeff")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","  # core.imports.stream.sniff_delimiter's rule
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if reader.fieldnames:
        reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames]
    return reader


def run_backtest(text: str, *, params: dict, limits: AutomaticLimits, currency: str,
                 rates: dict[str, Decimal] | None = None, country_risk: dict[str, int] | None = None):
    """Every row of the portfolio decided; a bad row comes back with its error, never raises."""
    reader = portfolio_reader(text)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise RowProblem("missing columns: " + ", ".join(missing))
    risks = {**DEFAULT_COUNTRY_RISK, **(country_risk or {})}
    for row in reader:
        request_id = (row.get("request_id") or "").strip()
        try:
            item = parse_row(row, rates=rates or {}, currency=currency, country_risk=risks)
        except RowProblem as exc:
            yield BacktestRow(reader.line_num, request_id, None, None, None, str(exc))
            continue
        yield BacktestRow(reader.line_num, request_id, item.requested_amount, item.buyer_grade,
                          evaluate(item, params, limits))


def decision_row(row: BacktestRow) -> dict:
    if row.result is None:
        return {"request_id": row.request_id, "decision": "error", "decided_amount": "", "score": "",
                "reason_codes": row.error}
    return {"request_id": row.request_id, "decision": row.result.decision,
            "decided_amount": str(row.result.decided_amount), "score": row.result.score,
            "reason_codes": ";".join(row.result.reason_codes)}


# --- generating a portfolio -------------------------------------------------------------------

_COUNTRIES = [("DE", 20), ("FR", 14), ("ES", 12), ("IT", 12), ("NL", 6), ("PL", 6), ("PT", 4), ("GB", 6),
              ("US", 5), ("CN", 5), ("TR", 3), ("BR", 3), ("MX", 2), ("EG", 1), ("AR", 1)]
_SECTORS = [("46.90", 0.0), ("25.11", 0.0), ("10.11", 0.1), ("41.20", 0.6), ("43.99", 0.6), ("47.11", 0.2),
            ("49.41", 0.3), ("55.10", 0.5), ("62.01", -0.3), ("35.11", -0.4), ("68.20", 0.4), ("01.11", 0.1),
            ("86.10", -0.4), ("28.29", 0.0)]


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _money(value: float) -> str:
    return str(Decimal(value).quantize(Decimal("1")))


def generate_row(rng: random.Random, n: int) -> tuple[dict, int]:
    """A plausible request and whether its buyer later defaulted (1) or not (0).

    A buyer's hidden credit quality `z` (higher = worse) shows, each with noise, in its grade, ratios,
    age and payment behaviour; the probability of default rises with z, a risky country or sector,
    late payment and reported overdues. The grade alone therefore sees only part of the risk.
    """
    z = rng.gauss(0, 1)
    country = rng.choices([c for c, _w in _COUNTRIES], weights=[w for _c, w in _COUNTRIES])[0]
    nace, sector_effect = rng.choice(_SECTORS)
    country_risk = DEFAULT_COUNTRY_RISK[country]
    grade = min(10, max(1, round(4 + 1.3 * z + rng.gauss(0, 1.3))))
    years = max(0, round(rng.gauss(16 - 4 * z, 9)))
    revenue = math.exp(rng.gauss(15.3, 1.3))
    total_assets = revenue * rng.uniform(0.4, 1.2)
    equity_ratio = min(0.9, max(-0.4, 0.32 - 0.11 * z + rng.gauss(0, 0.1)))
    current_assets = total_assets * rng.uniform(0.3, 0.8)
    current_ratio = min(5.0, max(0.2, 1.5 - 0.3 * z + rng.gauss(0, 0.35)))
    net_margin = 0.035 - 0.025 * z + rng.gauss(0, 0.03)
    dbt = max(0.0, rng.gauss(6 + 7 * z, 9))
    overdues = sum(1 for _ in range(4) if rng.random() < _sigmoid(-3.2 + 1.1 * z))
    logit = (-5.2 + 1.5 * z + 0.3 * (country_risk - 1) + 1.5 * sector_effect + 0.6 * overdues + 0.02 * dbt
             + (1.2 if equity_ratio < 0.05 else 0.0) - 0.03 * min(years, 20))
    defaulted = int(rng.random() < _sigmoid(logit))
    has_financials = rng.random() < 0.88
    row = {
        "request_id": f"R{n:06d}", "buyer_country": country, "buyer_sector_nace": nace,
        "buyer_grade": "" if rng.random() < 0.02 else str(grade), "years_trading": str(years), "currency": "EUR",
        "revenue": _money(revenue), "equity": _money(total_assets * equity_ratio), "total_assets": _money(total_assets),
        "current_assets": _money(current_assets), "current_liabilities": _money(current_assets / current_ratio),
        "net_income": _money(revenue * net_margin), "ebitda": _money(revenue * (net_margin + 0.04 + rng.gauss(0, 0.02))),
        "days_beyond_terms_avg": f"{dbt:.1f}", "overdues_reported_12m": str(overdues),
        "insurer_exposure_on_buyer": "0" if rng.random() < 0.4 else _money(math.exp(rng.gauss(11.5, 1.4))),
        "requested_amount": _money(round(math.exp(rng.gauss(10.4, 1.0)), -3) or 1000),
        "terms_days": str(rng.choice([30, 30, 45, 60, 60, 90, 120])),
    }
    if not has_financials:
        for name in ("revenue", "equity", "total_assets", "current_assets", "current_liabilities", "net_income", "ebitda"):
            row[name] = ""
    return row, defaulted


def generate(count: int, seed: int) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    rows, truth = [], []
    for n in range(1, count + 1):
        row, defaulted = generate_row(rng, n)
        rows.append(row)
        truth.append({"request_id": row["request_id"], "defaulted": defaulted})
    return rows, truth


# --- evaluating decisions against later defaults --------------------------------------------------


def auc(scores: list[float], labels: list[int]) -> float:
    """Probability that a defaulted buyer scores above one that did not (ties count half)."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: pair[0])
    rank_sum, i, positives = 0.0, 0, sum(labels)
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        average_rank = (i + j + 1) / 2
        rank_sum += average_rank * sum(label for _s, label in ranked[i:j])
        i = j
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _loss_and_grant(rows: list[BacktestRow], defaulted: dict[str, int], *, referred_in_full: bool):
    requested = sum(r.requested for r in rows)
    granted = sum(r.result.decided_amount for r in rows)
    loss_all = sum(r.requested for r in rows if defaulted[r.request_id])
    loss = sum((r.requested if referred_in_full and r.result.decision == REFERRED else r.result.decided_amount)
               for r in rows if defaulted[r.request_id])
    return (float(loss / loss_all) if loss_all else 0.0), (float(granted / requested) if requested else 0.0)


def evaluate_portfolio(rows: list[BacktestRow], defaulted: dict[str, int]) -> dict:
    """The back-test's figures. Loss and share granted are over the requests decided automatically (what
    the scorecard answers for); the `_all` figures take every request, pessimistically: a referred one
    counts as granted nothing and, for the loss, as approved in full."""
    known = [r for r in rows if r.result is not None and r.request_id in defaulted]
    automatic = [r for r in known if r.result.decision != REFERRED]
    loss, granted = _loss_and_grant(automatic, defaulted, referred_in_full=False)
    loss_all, granted_all = _loss_and_grant(known, defaulted, referred_in_full=True)
    graded = [r for r in known if r.grade is not None]
    labels = [defaulted[r.request_id] for r in graded]
    adverse = [r for r in known if r.result.decision in ADVERSE]
    return {
        "rows": len(rows), "row_errors": sum(1 for r in rows if r.result is None),
        "default_rate": sum(defaulted[r.request_id] for r in known) / max(len(known), 1),
        "automatic_share": len(automatic) / max(len(known), 1),
        "auc_score": auc([r.result.score for r in graded], labels),
        "auc_grade": auc([r.grade for r in graded], labels),
        "loss_vs_approve_all": loss, "granted_share": granted,
        "loss_vs_approve_all_all": loss_all, "granted_share_all": granted_all,
        "adverse_with_reasons": (sum(1 for r in adverse if r.result.reason_codes) / len(adverse)) if adverse else 1.0,
        "decisions": {d: sum(1 for r in known if r.result.decision == d)
                      for d in ("approved", "partial", "conditional", "refused", "referred")},
    }
