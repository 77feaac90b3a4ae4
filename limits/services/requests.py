"""The insured's limit requests: asking, editing and cancelling, and the matrix that decides some at once.

A request within the automatic-decision matrix is approved at once; any other is referred to an
underwriter (domain.md, automatic decisions), who decides it in limits.services.decisions. On a policy
the active scorecard version covers (limits.scorecard), the scorecard decides instead, within the
insurer's automatic limits set on the version: it approves, approves partly or with conditions, or
refuses, always with reason codes; a request beyond those limits is referred with its suggestion.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from moneyed import Money

from buyers.models import Buyer
from core import readcache
from core.exceptions import DomainError
from core.rates import MissingRate, convert
from limits.models import AutoDecisionRule, CreditLimit, LimitDecision
from limits.scorecard.inputs import Scoring, score_limit, scorecard_for
from limits.scorecard.reasons import CONDITIONAL, DECISION_KIND, REFERRED
from limits.selectors import open_cover_stop_exists
from limits.services.decisions import apply_decision, record_decision
from limits.services.validation import check_amount_and_terms, check_buyer, check_policy, check_reference
from policies.models import Policy

Kind = LimitDecision.Kind


# The read cache's name for the matrix (core.readcache): read on every request, edited now and then in the admin.
MATRIX = "auto_decision_matrix"


@dataclass(frozen=True)
class RequestOutcome:
    limit: CreditLimit
    decided: bool  # True: decided at once by the matrix; False: referred to an underwriter


# Automatic decisions


def automatic_ceiling(*, buyer: Buyer, currency: str, on: date) -> Money | None:
    """The largest amount the matrix approves for this buyer, in `currency`; None: refer.

    Unidentified or ungraded buyers, and currencies without a recorded rate, go to an underwriter.
    """
    if buyer.status != Buyer.Status.CONFIRMED or buyer.grade is None:
        return None
    rule = readcache.cached(MATRIX, f"grade:{buyer.grade}", lambda: (
        AutoDecisionRule.objects.filter(is_active=True, min_grade__lte=buyer.grade, max_grade__gte=buyer.grade)
        .order_by("-max_amount").values_list("max_amount", "currency").first()))
    if rule is None or rule[0] <= 0:
        return None
    try:
        return convert(Money(*rule), to=currency, on=on)
    except MissingRate:
        return None


@dataclass(frozen=True)
class AutomaticOutcome:
    decided: bool
    scoring: Scoring | None = None  # the scorecard's answer, also on a referral (the underwriter sees it)


def _try_automatic_decision(limit: CreditLimit, today: date, *, notify_insured: bool = True) -> AutomaticOutcome:
    if open_cover_stop_exists(policy_id=limit.policy_id, buyer_id=limit.buyer_id, on=today):
        return AutomaticOutcome(decided=False)
    scorecard = scorecard_for(policy_id=limit.policy_id)
    if scorecard is not None:
        return _scorecard_decision(limit, scorecard, today, notify_insured=notify_insured)
    ceiling = automatic_ceiling(buyer=limit.buyer, currency=limit.currency, on=today)
    if ceiling is None or limit.requested_amount > ceiling.amount:
        return AutomaticOutcome(decided=False)
    apply_decision(limit, kind=Kind.APPROVED, amount=limit.requested_amount, terms_days=limit.requested_terms_days,
                   effective_date=today, automatic=True, notify_insured=notify_insured)
    return AutomaticOutcome(decided=True)


def _scorecard_decision(limit: CreditLimit, scorecard, today: date, *, notify_insured: bool) -> AutomaticOutcome:
    """Within the insurer's automatic limits the scorecard decides, refusals and partial grants included,
    each with its reason codes; anything else is referred with the scorecard's suggestion."""
    scoring = score_limit(limit=limit, scorecard=scorecard, on=today)
    if scoring is None or scoring.result.decision == REFERRED:
        return AutomaticOutcome(decided=False, scoring=scoring)
    result = scoring.result
    conditions = ""
    if result.decision == CONDITIONAL:
        conditions = _("Payment terms of at most %(days)d days.") % {"days": result.terms_days}
    # A grant that converts to nothing in the policy's currency is a refusal.
    kind = DECISION_KIND[result.decision] if scoring.decided_amount > 0 else Kind.REFUSED
    apply_decision(
        limit, kind=kind, amount=scoring.decided_amount, terms_days=result.terms_days,
        effective_date=today, automatic=True, notify_insured=notify_insured, reason_codes=result.reason_codes,
        conditions=conditions, scorecard=scorecard, scorecard_result=scoring.recorded,
    )
    return AutomaticOutcome(decided=True, scoring=scoring)


# Requests (the insured)


def _current_limit(policy: Policy, buyer: Buyer) -> CreditLimit | None:
    return (
        CreditLimit.objects.select_for_update()
        .filter(policy=policy, buyer=buyer, state=CreditLimit.State.IN_FORCE)
        .order_by("pk")
        .first()
    )


@transaction.atomic
def request_limit(*, tenant, requested_by, policy: Policy, buyer: Buyer, amount: Money, terms_days: int,
                  reference: str = "", today: date | None = None, notify_insured: bool = True) -> RequestOutcome:
    """Ask for a limit; decided at once within the matrix, otherwise referred (pending).

    A request on a pair that already has a limit in force is an increase or
    amendment: it replaces that limit when decided, and leaves it if refused.
    notify_insured=False: no notice for an automatic decision (a bulk import sends one summary);
    the webhook still goes out.
    """
    today = today or timezone.localdate()
    check_policy(policy, tenant, today)
    check_buyer(policy, buyer, tenant, today)
    check_amount_and_terms(policy, amount, terms_days, today)
    reference = check_reference(tenant.pk, reference)
    if CreditLimit.objects.filter(policy=policy, buyer=buyer, state=CreditLimit.State.PENDING).exists():
        raise DomainError(
            _("A request on this buyer is already with an underwriter: edit or cancel it instead."), field="buyer"
        )
    current = _current_limit(policy, buyer)
    try:
        with transaction.atomic():
            limit = CreditLimit.objects.create(
                tenant=tenant, policy=policy, buyer=buyer, reference=reference, state=CreditLimit.State.PENDING,
                currency=policy.currency, requested_amount=amount.amount, requested_terms_days=terms_days,
                supersedes=current, requested_by=requested_by,
            )
    except IntegrityError as exc:  # a concurrent request on the same pair won the race
        raise DomainError(
            _("A request on this buyer is already with an underwriter: edit or cancel it instead."), field="buyer"
        ) from exc
    outcome = _try_automatic_decision(limit, today, notify_insured=notify_insured)
    if not outcome.decided:
        scoring = outcome.scoring
        record_decision(limit, kind=Kind.REFERRED, amount=Decimal(0), effective_date=today, changes_cover=False,
                        reason_codes=scoring.result.reason_codes if scoring else (),
                        scorecard=scoring.scorecard if scoring else None,
                        scorecard_result=scoring.recorded if scoring else None)
    return RequestOutcome(limit=limit, decided=outcome.decided)


@transaction.atomic
def edit_pending_request(*, limit: CreditLimit, amount: Money | None = None, terms_days: int | None = None,
                         reference: str | None = None, today: date | None = None) -> RequestOutcome:
    today = today or timezone.localdate()
    limit = CreditLimit.objects.select_for_update().select_related("policy", "buyer").get(pk=limit.pk)
    if limit.state != CreditLimit.State.PENDING:
        raise DomainError(_("Only a pending request can be edited."))
    amount = amount if amount is not None else limit.requested
    terms_days = terms_days if terms_days is not None else limit.requested_terms_days
    # An edit is the request made again today: today's terms judge it.
    check_amount_and_terms(limit.policy, amount, terms_days, today)
    if reference is not None:
        limit.reference = check_reference(limit.tenant_id, reference, exclude_pk=limit.pk)
    limit.requested_amount = amount.amount
    limit.requested_terms_days = terms_days
    limit.save()
    return RequestOutcome(limit=limit, decided=_try_automatic_decision(limit, today).decided)


@transaction.atomic
def cancel_request(*, limit: CreditLimit, cancelled_by=None, today: date | None = None) -> CreditLimit:
    """The insured withdraws its own pending request; any limit in force stays."""
    limit = CreditLimit.objects.select_for_update().get(pk=limit.pk)
    if limit.state != CreditLimit.State.PENDING:
        raise DomainError(_("Only a pending request can be cancelled."))
    limit.state = CreditLimit.State.CANCELLED
    limit.save(update_fields=["state", "updated_at"])
    record_decision(limit, kind=Kind.CANCELLED, amount=Decimal(0), effective_date=today or timezone.localdate(),
                    decided_by=cancelled_by, changes_cover=False)
    return limit
