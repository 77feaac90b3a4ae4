"""An underwriter's later word on a limit in force: reduce it, withdraw it, or keep it after review.

A reduction or withdrawal applies to shipments made after the insured is notified and the policy's notice
has run (domain.md, credit limits and policy terms; example 5); earlier shipments keep the cover in force on
their shipment date.
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
from limits.models import CreditLimit, LimitDecision
from limits.services.decisions import record_decision
from limits.services.validation import check_reasons
from policies.deadlines import reduction_effective_from

Kind = LimitDecision.Kind


def _effective_after_notice(limit: CreditLimit, notified_on: date, effective_date: date | None) -> date:
    """A reduction or withdrawal applies only to shipments made once the policy's notice after the day the
    insured is notified has run (policies.deadlines.reduction_effective_from); a later date may be given."""
    # The notice the terms set on the day the insured is told.
    terms = limit.policy.terms_on(notified_on)
    earliest = reduction_effective_from(terms=terms, notified_on=notified_on)
    effective_date = effective_date or earliest
    if effective_date < earliest:
        if terms.reduction_notice_days == 1:
            message = _("A reduction or withdrawal takes effect only after the day the insured is notified.")
        else:
            message = _("A reduction or withdrawal takes effect only %(days)d days after the insured is notified: "
                        "from %(date)s.") % {"days": terms.reduction_notice_days, "date": earliest.isoformat()}
        raise DomainError(message, field="effective_date")
    return effective_date


@transaction.atomic
def reduce_limit(*, limit: CreditLimit, decided_by, amount: Money, reason_codes: list[str], note: str = "",
                 notified_on: date | None = None, effective_date: date | None = None) -> LimitDecision:
    limit = CreditLimit.objects.select_for_update().select_related("policy", "buyer", "tenant").get(pk=limit.pk)
    if limit.state != CreditLimit.State.IN_FORCE:
        raise DomainError(_("Only a limit in force can be reduced."))
    reason_codes = check_reasons(Kind.REDUCED, reason_codes)
    if str(amount.currency) != limit.currency or not Decimal(0) < amount.amount < limit.decided_amount:
        raise DomainError(
            _("A reduction is to an amount above zero and below the %(current)s in force (withdraw it to go to zero).")
            % {"current": format_money(limit.decided_amount, currency=limit.currency)},
            field="amount",
        )
    effective = _effective_after_notice(limit, notified_on or timezone.localdate(), effective_date)
    old_amount = limit.decided_amount
    limit.decided_amount = amount.amount
    limit.under_review = False
    limit.save()
    # Exposure follows `decided_amount`, lowered now whatever the effective date (limits.exposure_summary).
    exposure_summary.change_amount(limit, old_amount=old_amount)
    decision = record_decision(limit, kind=Kind.REDUCED, amount=amount.amount, effective_date=effective,
                               decided_by=decided_by, reason_codes=reason_codes, note=note)
    announce_decision(limit=limit, decision=decision)
    return decision


@transaction.atomic
def withdraw_limit(*, limit: CreditLimit, decided_by, reason_codes: list[str], note: str = "",
                   notified_on: date | None = None, effective_date: date | None = None) -> LimitDecision:
    limit = CreditLimit.objects.select_for_update().select_related("policy", "buyer", "tenant").get(pk=limit.pk)
    if limit.state != CreditLimit.State.IN_FORCE:
        raise DomainError(_("Only a limit in force can be withdrawn."))
    reason_codes = check_reasons(Kind.WITHDRAWN, reason_codes)
    effective = _effective_after_notice(limit, notified_on or timezone.localdate(), effective_date)
    limit.state = CreditLimit.State.WITHDRAWN
    limit.under_review = False
    limit.save()
    exposure_summary.record_changes(removed=[limit])
    decision = record_decision(limit, kind=Kind.WITHDRAWN, amount=Decimal(0), effective_date=effective,
                               decided_by=decided_by, reason_codes=reason_codes, note=note)
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
