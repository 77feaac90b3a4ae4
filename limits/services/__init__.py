"""Writes on credit limits: requests, decisions, reductions, discretionary limits, cover stops.

Every door (browser, admin, API, jobs, the claims app) calls these; none repeats their checks.
`from limits import services` and `from limits.services import request_limit` reach every one:
  requests.py       the insured's requests, edits and cancellations; the automatic-decision matrix
  decisions.py      the underwriter's decision on a request; how any decision takes effect and is recorded
  reductions.py     reducing, withdrawing or keeping a limit in force after review
  discretionary.py  the insured's own discretionary limits
  cover_stops.py    cover stopped on a buyer (an overdue) and reinstated
  matrix.py         edits of the automatic-decision matrix (underwriters: admin and insurer API)
  validation.py     the checks the others share
"""

from limits.services.cover_stops import lift_cover_stop, move_cover_stop, stop_cover
from limits.services.decisions import decide_limit
from limits.services.discretionary import set_discretionary_limit
from limits.services.matrix import save_auto_decision_rule
from limits.services.reductions import clear_review, reduce_limit, withdraw_limit
from limits.services.requests import (
    RequestOutcome,
    automatic_ceiling,
    cancel_request,
    edit_pending_request,
    request_limit,
)

__all__ = [
    "RequestOutcome",
    "automatic_ceiling",
    "cancel_request",
    "clear_review",
    "decide_limit",
    "edit_pending_request",
    "lift_cover_stop",
    "move_cover_stop",
    "reduce_limit",
    "request_limit",
    "save_auto_decision_rule",
    "set_discretionary_limit",
    "stop_cover",
    "withdraw_limit",
]
