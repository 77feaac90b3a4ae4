"""Writes on credit limits: requests, decisions, reductions, discretionary limits, cover stops.

Every door (browser, admin, API, jobs) calls these; none repeats their checks.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from moneyed import Money

from buyers.models import Buyer
from core.exceptions import DomainError
from core.rates import MissingRate, convert
from limits.events import announce_decision
from limits.models import AutoDecisionRule, CoverStop, CreditLimit, LimitDecision, ReasonCode
from limits.selectors import open_cover_stop_exists
from policies.models import Policy

Kind = LimitDecision.Kind


@dataclass(frozen=True)
class RequestOutcome:
    limit: CreditLimit
    decided: bool  # True: decided at once by the matrix; False: referred to an underwriter


# Validation shared by requests, edits and discretionary limits


def _check_policy(policy: Policy, tenant, today: date) -> None:
    if policy.tenant_id != tenant.pk:
        raise DomainError(_("Unknown policy."), field="policy")
    if not policy.is_in_force_on(today):
        raise DomainError(_("Policy %(number)s is not in force.") % {"number": policy.number}, field="policy")


def _check_buyer(policy: Policy, buyer: Buyer, tenant) -> None:
    if buyer.status == Buyer.Status.MERGED:
        raise DomainError(_("This buyer was merged into another one: use that buyer."), field="buyer")
    if buyer.status == Buyer.Status.PENDING and buyer.proposed_by_tenant_id != tenant.pk:
        raise DomainError(_("Unknown buyer."), field="buyer")
    if not policy.terms.covers_country(buyer.country.code):
        raise DomainError(
            _("Buyers in %(country)s are not covered by policy %(number)s.")
            % {"country": buyer.country.name, "number": policy.number},
            field="buyer",
        )


def _check_amount_and_terms(policy: Policy, amount: Money, terms_days: int) -> None:
    if str(amount.currency) != policy.currency:
        raise DomainError(
            _("The amount must be in the policy's currency, %(currency)s.") % {"currency": policy.currency},
            field="amount",
        )
    if amount.amount <= 0:
        raise DomainError(_("The amount must be greater than zero."), field="amount")
    max_days = policy.terms.max_credit_period_days
    if terms_days is None or terms_days <= 0:
        raise DomainError(_("Payment terms must be at least one day."), field="terms_days")
    if terms_days > max_days:
        raise DomainError(
            _("Payment terms of %(days)d days exceed the policy's maximum credit period of %(max)d days.")
            % {"days": terms_days, "max": max_days},
            field="terms_days",
        )


def _check_reference(tenant_id: int, reference: str, *, exclude_pk: int | None = None) -> str:
    """The insured's own reference is unique per tenant (also a database constraint)."""
    reference = (reference or "").strip()
    taken = CreditLimit.objects.filter(tenant_id=tenant_id, reference=reference)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if reference and taken.exists():
        raise DomainError(_("You already used the reference %(ref)s.") % {"ref": reference}, field="reference")
    return reference


def _check_reasons(kind: str, reason_codes: list[str]) -> list[str]:
    unknown = [code for code in reason_codes if code not in ReasonCode.values]
    if unknown:
        raise DomainError(_("Unknown reason code: %(codes)s.") % {"codes": ", ".join(unknown)}, field="reason_codes")
    if kind in LimitDecision.NEEDS_REASON and not reason_codes:
        raise DomainError(
            _("Give at least one reason code: the insured is told why."), field="reason_codes"
        )
    return list(dict.fromkeys(reason_codes))


def _record(limit: CreditLimit, *, kind: str, amount: Decimal, effective_date: date, decided_by=None,
            changes_cover: bool = True, reason_codes=(), note: str = "", conditions: str = "",
            automatic: bool = False) -> LimitDecision:
    return LimitDecision.objects.create(
        tenant_id=limit.tenant_id, limit=limit, policy_id=limit.policy_id, buyer_id=limit.buyer_id, kind=kind,
        amount=amount, currency=limit.currency, effective_date=effective_date, changes_cover=changes_cover,
        reason_codes=list(reason_codes), note=note, conditions=conditions, automatic=automatic, decided_by=decided_by,
    )


def _current_limit(policy: Policy, buyer: Buyer) -> CreditLimit | None:
    return (
        CreditLimit.objects.select_for_update()
        .filter(policy=policy, buyer=buyer, state=CreditLimit.State.IN_FORCE)
        .order_by("pk")
        .first()
    )


# Automatic decisions


def automatic_ceiling(*, buyer: Buyer, currency: str, on: date) -> Money | None:
    """The largest amount the matrix approves for this buyer, in `currency`; None: refer.

    Unidentified or ungraded buyers, and currencies without a recorded rate, go to an underwriter.
    """
    if buyer.status != Buyer.Status.CONFIRMED or buyer.grade is None:
        return None
    rule = (
        AutoDecisionRule.objects.filter(is_active=True, min_grade__lte=buyer.grade, max_grade__gte=buyer.grade)
        .order_by("-max_amount")
        .first()
    )
    if rule is None or rule.max_amount <= 0:
        return None
    try:
        return convert(Money(rule.max_amount, rule.currency), to=currency, on=on)
    except MissingRate:
        return None


def _try_automatic_decision(limit: CreditLimit, today: date, *, notify_insured: bool = True) -> bool:
    if open_cover_stop_exists(policy_id=limit.policy_id, buyer_id=limit.buyer_id, on=today):
        return False
    ceiling = automatic_ceiling(buyer=limit.buyer, currency=limit.currency, on=today)
    if ceiling is None or limit.requested_amount > ceiling.amount:
        return False
    _apply_decision(limit, kind=Kind.APPROVED, amount=limit.requested_amount, terms_days=limit.requested_terms_days,
                    effective_date=today, automatic=True, notify_insured=notify_insured)
    return True


# Requests (the insured)


@transaction.atomic
def request_limit(*, tenant, requested_by, policy: Policy, buyer: Buyer, amount: Money, terms_days: int,
                  reference: str = "", today: date | None = None, notify_insured: bool = True) -> RequestOutcome:
    """Ask for a limit; decided at once within the matrix, otherwise referred (pending).

    A request on a pair that already has a limit in force is an increase or
    amendment: it replaces that limit when decided, and leaves it if refused.
    notify_insured=False: no notice for an automatic decision (a CSV import sends one summary);
    the webhook still goes out.
    """
    today = today or timezone.localdate()
    _check_policy(policy, tenant, today)
    _check_buyer(policy, buyer, tenant)
    _check_amount_and_terms(policy, amount, terms_days)
    reference = _check_reference(tenant.pk, reference)
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
    decided = _try_automatic_decision(limit, today, notify_insured=notify_insured)
    if not decided:
        _record(limit, kind=Kind.REFERRED, amount=Decimal(0), effective_date=today, changes_cover=False)
    return RequestOutcome(limit=limit, decided=decided)


@transaction.atomic
def edit_pending_request(*, limit: CreditLimit, amount: Money | None = None, terms_days: int | None = None,
                         reference: str | None = None, today: date | None = None) -> RequestOutcome:
    today = today or timezone.localdate()
    limit = CreditLimit.objects.select_for_update().select_related("policy", "buyer").get(pk=limit.pk)
    if limit.state != CreditLimit.State.PENDING:
        raise DomainError(_("Only a pending request can be edited."))
    amount = amount if amount is not None else limit.requested
    terms_days = terms_days if terms_days is not None else limit.requested_terms_days
    _check_amount_and_terms(limit.policy, amount, terms_days)
    if reference is not None:
        limit.reference = _check_reference(limit.tenant_id, reference, exclude_pk=limit.pk)
    limit.requested_amount = amount.amount
    limit.requested_terms_days = terms_days
    limit.save()
    return RequestOutcome(limit=limit, decided=_try_automatic_decision(limit, today))


@transaction.atomic
def cancel_request(*, limit: CreditLimit, cancelled_by=None, today: date | None = None) -> CreditLimit:
    """The insured withdraws its own pending request; any limit in force stays."""
    limit = CreditLimit.objects.select_for_update().get(pk=limit.pk)
    if limit.state != CreditLimit.State.PENDING:
        raise DomainError(_("Only a pending request can be cancelled."))
    limit.state = CreditLimit.State.CANCELLED
    limit.save(update_fields=["state", "updated_at"])
    _record(limit, kind=Kind.CANCELLED, amount=Decimal(0), effective_date=today or timezone.localdate(),
            decided_by=cancelled_by, changes_cover=False)
    return limit


# Decisions (underwriters)


def _apply_decision(limit: CreditLimit, *, kind: str, amount: Decimal, terms_days: int | None, effective_date: date,
                    decided_by=None, reason_codes=(), note: str = "", conditions: str = "", automatic: bool = False,
                    expiry_date: date | None = None, review_date: date | None = None,
                    notify_insured: bool = True) -> LimitDecision:
    granted = amount > 0
    if granted and limit.supersedes_id:
        # The new limit replaces the old one from the effective date; earlier shipments keep the old cover.
        previous = CreditLimit.objects.select_for_update().get(pk=limit.supersedes_id)
        if previous.state == CreditLimit.State.IN_FORCE:
            previous.state = CreditLimit.State.SUPERSEDED
            previous.under_review = False
            previous.save(update_fields=["state", "under_review", "updated_at"])
    limit.state = CreditLimit.State.IN_FORCE if granted else CreditLimit.State.REFUSED
    limit.decided_amount = amount
    limit.decided_terms_days = terms_days if granted else None
    limit.conditions = conditions
    limit.decided_at = timezone.now()
    limit.expiry_date = expiry_date
    limit.review_date = review_date
    limit.save()
    # A refused increase leaves the limit in force as it was.
    changes_cover = granted or not limit.supersedes_id
    decision = _record(limit, kind=kind, amount=amount, effective_date=effective_date, decided_by=decided_by,
                       changes_cover=changes_cover, reason_codes=reason_codes, note=note, conditions=conditions,
                       automatic=automatic)
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
    reason_codes = _check_reasons(kind, reason_codes or [])
    requested = limit.requested_amount
    terms_days = terms_days or limit.requested_terms_days
    if kind == Kind.APPROVED:
        decided = requested
    elif kind == Kind.REFUSED:
        decided = Decimal(0)
    elif kind in (Kind.PARTIALLY_APPROVED, Kind.APPROVED_WITH_CONDITIONS):
        if amount is None:
            raise DomainError(_("Give the amount approved."), field="amount")
        if str(amount.currency) != limit.currency:
            raise DomainError(_("The amount must be in the policy's currency."), field="amount")
        decided = amount.amount
        if kind == Kind.PARTIALLY_APPROVED and not Decimal(0) < decided < requested:
            raise DomainError(
                _("A partial approval is more than zero and less than the %(requested)s requested.")
                % {"requested": format(requested, ",.2f")},
                field="amount",
            )
        if kind == Kind.APPROVED_WITH_CONDITIONS:
            if not Decimal(0) < decided <= requested:
                raise DomainError(_("Approve more than zero and at most the amount requested."), field="amount")
            if not conditions.strip():
                raise DomainError(_("State the conditions of the approval."), field="conditions")
    else:
        raise DomainError(_("Unknown decision."), field="kind")
    if terms_days > limit.policy.terms.max_credit_period_days:
        raise DomainError(_("Payment terms exceed the policy's maximum credit period."), field="terms_days")
    if expiry_date and review_date and review_date > expiry_date:
        raise DomainError(_("The review date must not be after the expiry date."), field="review_date")
    return _apply_decision(
        limit, kind=kind, amount=decided, terms_days=terms_days, effective_date=effective_date or timezone.localdate(),
        decided_by=decided_by, reason_codes=reason_codes, note=note, conditions=conditions,
        expiry_date=expiry_date, review_date=review_date,
    )


def _effective_after_notice(notified_on: date, effective_date: date | None) -> date:
    """A reduction or withdrawal applies only to shipments made after the insured is notified."""
    effective_date = effective_date or notified_on + timedelta(days=1)
    if effective_date <= notified_on:
        raise DomainError(
            _("A reduction or withdrawal takes effect only after the day the insured is notified."),
            field="effective_date",
        )
    return effective_date


@transaction.atomic
def reduce_limit(*, limit: CreditLimit, decided_by, amount: Money, reason_codes: list[str], note: str = "",
                 notified_on: date | None = None, effective_date: date | None = None) -> LimitDecision:
    limit = CreditLimit.objects.select_for_update().select_related("policy", "buyer", "tenant").get(pk=limit.pk)
    if limit.state != CreditLimit.State.IN_FORCE:
        raise DomainError(_("Only a limit in force can be reduced."))
    reason_codes = _check_reasons(Kind.REDUCED, reason_codes)
    if str(amount.currency) != limit.currency or not Decimal(0) < amount.amount < limit.decided_amount:
        raise DomainError(
            _("A reduction is to an amount above zero and below the %(current)s in force (withdraw it to go to zero).")
            % {"current": format(limit.decided_amount, ",.2f")},
            field="amount",
        )
    effective = _effective_after_notice(notified_on or timezone.localdate(), effective_date)
    limit.decided_amount = amount.amount
    limit.under_review = False
    limit.save()
    decision = _record(limit, kind=Kind.REDUCED, amount=amount.amount, effective_date=effective, decided_by=decided_by,
                       reason_codes=reason_codes, note=note)
    announce_decision(limit=limit, decision=decision)
    return decision


@transaction.atomic
def withdraw_limit(*, limit: CreditLimit, decided_by, reason_codes: list[str], note: str = "",
                   notified_on: date | None = None, effective_date: date | None = None) -> LimitDecision:
    limit = CreditLimit.objects.select_for_update().select_related("policy", "buyer", "tenant").get(pk=limit.pk)
    if limit.state != CreditLimit.State.IN_FORCE:
        raise DomainError(_("Only a limit in force can be withdrawn."))
    reason_codes = _check_reasons(Kind.WITHDRAWN, reason_codes)
    effective = _effective_after_notice(notified_on or timezone.localdate(), effective_date)
    limit.state = CreditLimit.State.WITHDRAWN
    limit.under_review = False
    limit.save()
    decision = _record(limit, kind=Kind.WITHDRAWN, amount=Decimal(0), effective_date=effective, decided_by=decided_by,
                       reason_codes=reason_codes, note=note)
    announce_decision(limit=limit, decision=decision)
    return decision


@transaction.atomic
def clear_review(*, limit: CreditLimit, reviewed_by, review_date: date | None = None, note: str = "") -> CreditLimit:
    """The underwriter reviewed the limit and keeps it as it is."""
    limit = CreditLimit.objects.select_for_update().get(pk=limit.pk)
    if limit.state != CreditLimit.State.IN_FORCE:
        raise DomainError(_("Only a limit in force can be reviewed."))
    limit.under_review = False
    limit.review_date = review_date
    limit.save(update_fields=["under_review", "review_date", "updated_at"])
    return limit


# Discretionary limits (the insured alone)


@transaction.atomic
def set_discretionary_limit(*, tenant, set_by, policy: Policy, buyer: Buyer, amount: Money, terms_days: int,
                            reference: str = "", today: date | None = None) -> CreditLimit:
    """The insured sets a limit itself within the policy's discretionary terms (domain.md, example 4)."""
    today = today or timezone.localdate()
    _check_policy(policy, tenant, today)
    _check_buyer(policy, buyer, tenant)
    _check_amount_and_terms(policy, amount, terms_days)
    terms = policy.terms
    if amount > terms.discretionary_limit_max:
        raise DomainError(
            _("A discretionary limit is at most %(max)s under this policy; request a limit from the insurer instead.")
            % {"max": terms.discretionary_limit_max},
            field="amount",
        )
    if buyer.grade is None:
        raise DomainError(_("This buyer has no grade yet: request a limit from the insurer."), field="buyer")
    if buyer.grade > terms.discretionary_max_buyer_grade:
        raise DomainError(
            _("Discretionary limits are allowed for buyers graded %(max)d or better; this buyer is graded %(grade)d.")
            % {"max": terms.discretionary_max_buyer_grade, "grade": buyer.grade},
            field="buyer",
        )
    if open_cover_stop_exists(policy_id=policy.pk, buyer_id=buyer.pk, on=today):
        raise DomainError(_("This buyer has an open overdue on this policy."), field="buyer")
    if CreditLimit.objects.filter(
        policy=policy, buyer=buyer, state__in=[CreditLimit.State.IN_FORCE, CreditLimit.State.PENDING]
    ).exists():
        raise DomainError(
            _("This buyer already has a limit or a pending request on this policy."), field="buyer"
        )
    reference = _check_reference(tenant.pk, reference)
    try:
        with transaction.atomic():
            limit = CreditLimit.objects.create(
                tenant=tenant, policy=policy, buyer=buyer, reference=reference, state=CreditLimit.State.IN_FORCE,
                currency=policy.currency, requested_amount=amount.amount, requested_terms_days=terms_days,
                decided_amount=amount.amount, decided_terms_days=terms_days, is_discretionary=True,
                decided_at=timezone.now(), requested_by=set_by,
            )
    except IntegrityError as exc:
        raise DomainError(_("This buyer already has a limit on this policy."), field="buyer") from exc
    _record(limit, kind=Kind.DISCRETIONARY, amount=amount.amount, effective_date=today, decided_by=set_by)
    return limit


# Cover stops (called by the claims app with plain values)


@transaction.atomic
def stop_cover(*, tenant, policy: Policy, buyer: Buyer, stopped_from: date, reason: str,
               source_reference: str = "") -> CoverStop:
    return CoverStop.objects.create(
        tenant=tenant, policy=policy, buyer=buyer, stopped_from=stopped_from, reason=reason,
        source_reference=source_reference,
    )


@transaction.atomic
def move_cover_stop(*, stop: CoverStop, stopped_from: date) -> CoverStop:
    """An overdue's facts changed (an older invoice added, an extension that counts): the stop follows them."""
    stop = CoverStop.objects.select_for_update().get(pk=stop.pk)
    if stop.lifted_on is not None:
        raise DomainError(_("Cover was already reinstated."))
    if stop.stopped_from != stopped_from:
        stop.stopped_from = stopped_from
        stop.save(update_fields=["stopped_from"])
    return stop


@transaction.atomic
def lift_cover_stop(*, stop: CoverStop, lifted_on: date, lifted_by=None) -> CoverStop:
    stop = CoverStop.objects.select_for_update().get(pk=stop.pk)
    if stop.lifted_on is not None:
        raise DomainError(_("Cover was already reinstated."))
    if lifted_on <= stop.stopped_from:
        raise DomainError(_("Cover is reinstated after the day it stopped."), field="lifted_on")
    stop.lifted_on = lifted_on
    stop.lifted_by = lifted_by
    stop.save(update_fields=["lifted_on", "lifted_by"])
    return stop
