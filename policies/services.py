"""Writes for policies (underwriters, in the admin and the insurer API): issue a policy with its first terms,
edit its header, and change its terms only by endorsement (policies.endorsements)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from policies.models import TERM_FIELDS, Policy, TermsVersion
from policies.terms import default_end_date


@transaction.atomic
def create_policy(*, tenant, number: str, start_date, end_date=None, made_by=None, **terms) -> Policy:
    """A policy and the terms it is issued with (its first terms version, effective from the start date).
    Terms not given take the domain's defaults (domain.md, Policy terms)."""
    unknown = set(terms) - set(TERM_FIELDS) - {"status", "currency"}
    if unknown:
        raise TypeError(f"Unknown policy terms: {sorted(unknown)}")
    header = {k: terms.pop(k) for k in ("status", "currency") if k in terms}
    policy = Policy(tenant=tenant, number=number, start_date=start_date,
                    end_date=end_date or default_end_date(start_date), **header)
    first = TermsVersion(effective_from=policy.start_date, made_by=made_by, **terms)
    # Every refusal at once, the header's and the terms'.
    errors: dict = {}
    for row, exclude in ((policy, None), (first, ["policy"])):
        try:
            row.full_clean(exclude=exclude)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    policy.save()
    first.policy = policy
    first.save()
    from policies.periods.services import open_first_period

    open_first_period(policy=policy)
    return policy


@transaction.atomic
def save_policy(*, policy: Policy) -> Policy:
    """Validate and save a policy's header edited in the admin (number, status, period; the history row records
    who). Its terms change only by endorsement."""
    from policies.periods.services import follow_policy_dates

    if policy.end_date is None and policy.start_date:
        policy.end_date = default_end_date(policy.start_date)
    policy.full_clean()
    if policy.pk and policy.periods.count() > 1:
        saved = Policy.objects.filter(pk=policy.pk).values("start_date", "end_date").get()
        if (saved["start_date"], saved["end_date"]) != (policy.start_date, policy.end_date):
            # Renewed: its dates are its periods' (policies.periods), moved only by renewal or notice.
            raise ValidationError({"end_date": _("This policy has been renewed: its dates follow its periods.")})
    policy.save()
    follow_policy_dates(policy=policy)
    first = policy.terms_versions.order_by("effective_from").first()
    if first is not None and first.effective_from != policy.start_date and _only_version(policy):
        # A policy not yet endorsed may have its start moved; its issue terms follow the start.
        first.effective_from = policy.start_date
        first.save(update_fields=["effective_from"])
        policy.forget_terms()
    return policy


def _only_version(policy: Policy) -> bool:
    return policy.terms_versions.count() == 1
