"""Discretionary limits: set by the insured alone, without the insurer's decision."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from moneyed import Money

from buyers.models import Buyer
from core.exceptions import DomainError
from limits import exposure_summary
from limits.models import CreditLimit, LimitDecision
from limits.selectors import open_cover_stop_exists
from limits.services.decisions import record_decision
from limits.services.validation import check_amount_and_terms, check_buyer, check_policy, check_reference
from policies.models import Policy


@transaction.atomic
def set_discretionary_limit(*, tenant, set_by, policy: Policy, buyer: Buyer, amount: Money, terms_days: int,
                            reference: str = "", today: date | None = None) -> CreditLimit:
    """The insured sets a limit itself within the policy's discretionary terms (domain.md, example 4)."""
    today = today or timezone.localdate()
    check_policy(policy, tenant, today)
    check_buyer(policy, buyer, tenant, today)
    check_amount_and_terms(policy, amount, terms_days, today)
    _check_discretionary_terms(policy, buyer, amount, today)
    if open_cover_stop_exists(policy_id=policy.pk, buyer_id=buyer.pk, on=today):
        raise DomainError(_("This buyer has an open overdue on this policy."), field="buyer")
    if CreditLimit.objects.filter(
        policy=policy, buyer=buyer, state__in=[CreditLimit.State.IN_FORCE, CreditLimit.State.PENDING]
    ).exists():
        raise DomainError(
            _("This buyer already has a limit or a pending request on this policy."), field="buyer"
        )
    reference = check_reference(tenant.pk, reference)
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
    exposure_summary.record_changes(added=[limit])
    record_decision(limit, kind=LimitDecision.Kind.DISCRETIONARY, amount=amount.amount, effective_date=today,
                    decided_by=set_by)
    return limit


def _check_discretionary_terms(policy: Policy, buyer: Buyer, amount: Money, today: date) -> None:
    """The policy's discretionary maximum amount and the grades it allows, as the terms say on the day the insured
    sets the limit."""
    terms = policy.terms_on(today)
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
