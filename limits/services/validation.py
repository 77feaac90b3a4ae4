"""The checks a request, an edit and a discretionary limit share, and the reason codes a decision gives.

Each raises a DomainError naming the field the user fixes.
"""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from moneyed import Money

from buyers.models import Buyer
from buyers.relations import related_buyer_ids
from core import references
from core.exceptions import DomainError
from core.references import reference_used  # noqa: F401  (limits.bulk.resolve's name)
from limits.models import CreditLimit, LimitDecision, ReasonCode
from policies.models import Policy
from policies.terms import EXCLUDED_PRIVATE, EXCLUDED_PUBLIC, EXCLUDED_RELATED


def check_policy(policy: Policy, tenant, today: date) -> None:
    if policy.tenant_id != tenant.pk:
        raise DomainError(_("Unknown policy."), field="policy")
    if not policy.is_in_force_on(today):
        raise DomainError(_("Policy %(number)s is not in force.") % {"number": policy.number}, field="policy")


# Why a buyer of an excluded kind is refused (PolicyTerms.buyer_exclusion), in the reader's language.
_EXCLUDED = {
    EXCLUDED_RELATED: gettext_lazy("%(buyer)s is related to you: policy %(number)s does not cover sales to companies of your "
                            "own group."),
    EXCLUDED_PRIVATE: gettext_lazy("%(buyer)s is a private individual: policy %(number)s does not cover private individuals."),
    EXCLUDED_PUBLIC: gettext_lazy("%(buyer)s is a public buyer: policy %(number)s does not cover public buyers."),
}


def check_buyer(policy: Policy, buyer: Buyer, tenant, on: date, *, related: bool | None = None) -> None:
    """`on`: the day of the request, whose terms say which countries and kinds of buyer are covered (domain.md, The
    policy's life). `related`: whether the buyer is related to the insured, when the caller read it for many rows
    at once (limits.bulk); otherwise it is read here."""
    if buyer.status == Buyer.Status.MERGED:
        raise DomainError(_("This buyer was merged into another one: use that buyer."), field="buyer")
    if buyer.status == Buyer.Status.PENDING and buyer.proposed_by_tenant_id != tenant.pk:
        raise DomainError(_("Unknown buyer."), field="buyer")
    if not policy.terms_on(on).covers_country(buyer.country.code):
        raise DomainError(
            _("Buyers in %(country)s are not covered by policy %(number)s.")
            % {"country": buyer.country.name, "number": policy.number},
            field="buyer",
        )
    if related is None:
        related = bool(related_buyer_ids(tenant_id=tenant.pk, buyer_ids=[buyer.pk]))
    exclusion = policy.terms_on(on).buyer_exclusion(kind=buyer.kind, related=related)
    if exclusion:
        raise DomainError(exclusion_message(exclusion, buyer=buyer, policy=policy), field="buyer",
                          code="buyer_excluded")


def exclusion_message(exclusion: str, *, buyer: Buyer, policy: Policy) -> str:
    """Why the terms exclude this buyer (a PolicyTerms.buyer_exclusion code), in the active language: the request's
    refusal and the risk check's report say the same."""
    return str(_EXCLUDED[exclusion]) % {"buyer": buyer.legal_name, "number": policy.number}


def check_currency(policy: Policy, currency: str) -> None:
    if currency != policy.currency:
        raise DomainError(
            _("The amount must be in the policy's currency, %(currency)s.") % {"currency": policy.currency},
            field="amount",
        )


def check_terms(policy: Policy | None, terms_days: int | None, on: date) -> None:
    """Payment terms of at least a day, within the policy's maximum credit period on `on`, the day of the request
    (when the policy is known)."""
    if terms_days is None or terms_days <= 0:
        raise DomainError(_("Payment terms must be at least one day."), field="terms_days")
    max_days = policy.terms_on(on).max_credit_period_days if policy is not None else None
    if max_days is not None and terms_days > max_days:
        raise DomainError(
            _("Payment terms of %(days)d days exceed the policy's maximum credit period of %(max)d days.")
            % {"days": terms_days, "max": max_days},
            field="terms_days",
        )


def check_amount_and_terms(policy: Policy, amount: Money, terms_days: int, on: date) -> None:
    check_currency(policy, str(amount.currency))
    if amount.amount <= 0:
        raise DomainError(_("The amount must be greater than zero."), field="amount")
    check_terms(policy, terms_days, on)


def check_reference(tenant_id: int, reference: str, *, exclude_pk: int | None = None) -> str:
    """The insured's own reference is unique per tenant (also a database constraint)."""
    return references.check_reference(CreditLimit, tenant_id, reference, exclude_pk=exclude_pk)


def check_reasons(kind: str, reason_codes: list[str]) -> list[str]:
    unknown = [code for code in reason_codes if code not in ReasonCode.values]
    if unknown:
        raise DomainError(_("Unknown reason code: %(codes)s.") % {"codes": ", ".join(unknown)}, field="reason_codes")
    if kind in LimitDecision.NEEDS_REASON and not reason_codes:
        raise DomainError(
            _("Give at least one reason code: the insured is told why."), field="reason_codes"
        )
    return list(dict.fromkeys(reason_codes))
