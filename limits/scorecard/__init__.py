"""The explainable limit scorecard: points per factor, a score (higher = riskier), a suggested amount and a decision.

  engine.py     the pure core: plain values in (ScorecardInput), a ScorecardResult out, nothing read or written
  defaults.py   the first version's parameters (bands and points per factor, decision thresholds), NACE sections
  reasons.py    reason codes per factor and the UN/EDIFACT credit-risk response category of each decision
  models.py     Scorecard: a version edited in the admin, immutable once a decision used it
  inputs.py     a live request's inputs read from the registry, the statements and the exposure
  portfolio.py  back-testing over plain files: read/write the CSV, generate a portfolio, evaluate it
  admin.py      the underwriters' screens on versions
"""
