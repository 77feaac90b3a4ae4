"""Decisions on limit requests: the underwriter's, and how any decision takes effect and is recorded.

Every change to a limit is a new append-only LimitDecision (domain.md, credit limits), written by
`record_decision`; `apply_decision` is shared by the matrix's automatic approvals (limits.services.requests).
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from moneyed import Money

from core.exceptions import DomainError
from core.formatting import format_money
from limits import exposure_summary
from limits.events import announce_decision
from limits.models import CreditLimit, LimitDecision, Scorecard
from limits.scorecard.inputs import suggestion_for
from limits.services.validation import check_reasons

Kind = LimitDecision.Kind


def record_decision(limit: CreditLimit, *, kind: str, amount: Decimal, effective_date: date, decided_by=None,
                    changes_cover: bool = True, reason_codes=(), note: str = "", conditions: str = "",
                    automatic: bool = False, scorecard=None, scorecard_result: dict | None = None) -> LimitDecision:
    if scorecard is not None and scorecard.first_used_at is None:
        # From its first decision on, a version is frozen: the decision must stay explainable by it.
        Scorecard.objects.filter(pk=scorecard.pk, first_used_at__isnull=True).update(first_used_at=timezone.now())
    return LimitDecision.objects.create(
        tenant_id=limit.tenant_id, limit=limit, policy_id=limit.policy_id, buyer_id=limit.buyer_id, kind=kind,
        amount=amount, currency=limit.currency, effective_date=effective_date, changes_cover=changes_cover,
        reason_codes=list(reason_codes), note=note, conditions=conditions, automatic=automatic, decided_by=decided_by,
        scorecard=scorecard, scorecard_result=scorecard_result or {},
    )


def apply_decision(limit: CreditLimit, *, kind: str, amount: Decimal, terms_days: int | None, effective_date: date,
                   decided_by=None, reason_codes=(), note: str = "", conditions: str = "", automatic: bool = False,
                   expiry_date: date | None = None, review_date: date | None = None,
                   notify_insured: bool = True, scorecard=None, scorecard_result: dict | None = None) -> LimitDecision:
    granted = amount > 0
    superseded = []
    if granted and limit.supersedes_id:
        # The new limit replaces the old one from the effective date; earlier shipments keep the old cover.
        previous = CreditLimit.objects.select_for_update().get(pk=limit.supersedes_id)
        if previous.state == CreditLimit.State.IN_FORCE:
            previous.state = CreditLimit.State.SUPERSEDED
            previous.under_review = False
            previous.save(update_fields=["state", "under_review", "updated_at"])
            superseded.append(previous)
    limit.state = CreditLimit.State.IN_FORCE if granted else CreditLimit.State.REFUSED
    limit.decided_amount = amount
    limit.decided_terms_days = terms_days if granted else None
    limit.conditions = conditions
    limit.decided_at = timezone.now()
    limit.expiry_date = expiry_date
    limit.review_date = review_date
    limit.save()
    # One statement: the new amount in, the superseded one out (the same key when on the same buyer).
    exposure_summary.record_changes(added=[limit] if granted else [], removed=superseded)
    # A refused increase leaves the limit in force as it was.
    changes_cover = granted or not limit.supersedes_id
    decision = record_decision(limit, kind=kind, amount=amount, effective_date=effective_date,
                               decided_by=decided_by, changes_cover=changes_cover, reason_codes=reason_codes,
                               note=note, conditions=conditions, automatic=automatic, scorecard=scorecard,
                               scorecard_result=scorecard_result)
    announce_decision(limit=limit, decision=decision, notify_insured=notify_insured)
    return decision


@transaction.atomic
def decide_limit(*, limit: CreditLimit, decided_by, kind: str, amount: Money | None = None,
                 terms_days: int | None = None, conditions: str = "", reason_codes: list[str] | None = None,
                 note: str = "", effective_date: date | None = None, expiry_date: date | None = None,
                 review_date: date | None = None) -> LimitDecision:
    """An underwriter approves (fully, partly, with conditions) or refuses a pending request."""
    limit = CreditLimit.objects.select_for_update().select_related("policy", "buyer", "tenant").get(pk=limit.pk)
    if limit.state != CreditLimit.State.PENDING:
        raise DomainError(_("This request was already decided."))
    reason_codes = check_reasons(kind, reason_codes or [])
    terms_days = terms_days or limit.requested_terms_days
    decided = _decided_amount(limit, kind=kind, amount=amount, conditions=conditions)
    # The maximum credit period of the day the insured asked (domain.md, The policy's life): an endorsement
    # after the request does not change what it may be granted.
    requested_on = timezone.localdate(limit.created_at)
    if terms_days > limit.policy.terms_on(requested_on).max_credit_period_days:
        raise DomainError(_("Payment terms exceed the policy's maximum credit period."), field="terms_days")
    if expiry_date and review_date and review_date > expiry_date:
        raise DomainError(_("The review date must not be after the expiry date."), field="review_date")
    effective_date = effective_date or timezone.localdate()
    # The underwriter decided with the scorecard's suggestion beside the request: the decision records it.
    scoring = suggestion_for(limit=limit, on=effective_date)
    return apply_decision(
        limit, kind=kind, amount=decided, terms_days=terms_days, effective_date=effective_date,
        decided_by=decided_by, reason_codes=reason_codes, note=note, conditions=conditions,
        expiry_date=expiry_date, review_date=review_date,
        scorecard=scoring.scorecard if scoring else None, scorecard_result=scoring.recorded if scoring else None,
    )


def _decided_amount(limit: CreditLimit, *, kind: str, amount: Money | None, conditions: str) -> Decimal:
    """The amount a decision of `kind` grants on the pending request."""
    requested = limit.requested_amount
    if kind == Kind.APPROVED:
        return requested
    if kind == Kind.REFUSED:
        return Decimal(0)
    if kind not in (Kind.PARTIALLY_APPROVED, Kind.APPROVED_WITH_CONDITIONS):
        raise DomainError(_("Unknown decision."), field="kind")
    if amount is None:
        raise DomainError(_("Give the amount approved."), field="amount")
    if str(amount.currency) != limit.currency:
        raise DomainError(_("The amount must be in the policy's currency."), field="amount")
    decided = amount.amount
    if kind == Kind.PARTIALLY_APPROVED and not Decimal(0) < decided < requested:
        raise DomainError(
            _("A partial approval is more than zero and less than the %(requested)s requested.")
            % {"requested": format_money(requested, currency=limit.currency)},
            field="amount",
        )
    if kind == Kind.APPROVED_WITH_CONDITIONS:
        if not Decimal(0) < decided <= requested:
            raise DomainError(_("Approve more than zero and at most the amount requested."), field="amount")
        if not conditions.strip():
            raise DomainError(_("State the conditions of the approval."), field="conditions")
    return decided
