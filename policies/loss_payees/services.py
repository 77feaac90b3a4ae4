"""Assigning the indemnity to a financing bank, and releasing it: each is an endorsement of the policy.

Only insurer staff assign (the admin); the insured is told, the bank receives from then on what concerns
what it finances (policies.loss_payees.receivers) and claims paid while it runs are paid to it.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban

from accounts.models import Tenant
from core import notifications
from core.exceptions import DomainError
from core.notifications import date_param, message
from core.webhooks import endpoints as webhook_endpoints
from core.webhooks import registry
from policies.loss_payees.events import told_to_bank
from policies.loss_payees.models import LossPayee
from policies.models import Policy

TENANT_ADMIN_ROLE = "Tenant admin"


def _check_account(iban: str, bic: str) -> tuple[str, str]:
    """The IBAN and BIC in their compact form, or a field-keyed refusal: a payment to a mistyped account
    would be the worst error of all (ISO 13616 check digits, ISO 9362 shape)."""
    iban, bic = stdnum_iban.compact(iban or ""), stdnum_bic.compact(bic or "")
    if not stdnum_iban.is_valid(iban):
        raise DomainError(_("This is not a valid IBAN: check the country code, the check digits and the length."),
                          field="iban")
    if bic and not stdnum_bic.is_valid(bic):
        raise DomainError(_("This is not a valid BIC: 8 or 11 letters and digits."), field="bic")
    return iban, bic


def _check_dates(*, policy: Policy, effective_from: date, ended_on: date | None = None) -> None:
    if not policy.start_date <= effective_from <= policy.end_date:
        raise DomainError(
            _("An assignment takes effect within the policy period (%(start)s to %(end)s).")
            % {"start": date_format(policy.start_date), "end": date_format(policy.end_date)},
            field="effective_from")
    if ended_on is not None and ended_on < effective_from:
        raise DomainError(_("The assignment cannot end before it starts."), field="ended_on")


def _check_no_overlap(*, policy: Policy, buyer, effective_from: date) -> None:
    # Assignments of one scope follow each other; the database's partial UNIQUE catches two running at once.
    clash = LossPayee.objects.filter(policy=policy, buyer=buyer).exclude(ended_on__lt=effective_from)
    if clash.exists():
        raise DomainError(_("A bank is already loss payee here from that day: release it first."),
                          field="buyer" if buyer else "policy", code="loss_payee_exists")


def _bank_endpoint(*, payee: LossPayee, url: str, made_by):
    endpoint = webhook_endpoints.create_endpoint(
        tenant=payee.tenant, created_by=made_by, url=url,
        events=_bank_events(), description=f"Loss payee: {payee.bank_name}"[:200])
    endpoint.addressed_only = True
    endpoint.save(update_fields=["addressed_only"])
    return endpoint


def _bank_events() -> list[str]:
    return [name for name in registry.EVENTS if told_to_bank(name)]


def _tell_insured(payee: LossPayee, *, code: str) -> None:
    scope = payee.buyer.legal_name if payee.buyer_id else payee.policy.number
    notifications.notify(
        tenant=payee.tenant, event=code, dedup_key=f"{code}:{payee.pk}",
        subject=message(code, bank=payee.bank_name, scope=scope, policy=payee.policy.number,
                        day=date_param(payee.ended_on or payee.effective_from)),
        link=f"/policies/{payee.policy_id}/", role=TENANT_ADMIN_ROLE)


@transaction.atomic
def assign_loss_payee(*, policy: Policy, buyer=None, bank_name: str, iban: str, bic: str = "",
                      contact_name: str = "", contact_email: str, language: str = "en", webhook_url: str = "",
                      effective_from: date, reason: str, made_by) -> LossPayee:
    """The indemnity on `buyer` (or, without one, on the whole policy) is paid to the bank from
    `effective_from`; the bank is told from then on, by e-mail and, with `webhook_url`, by webhook."""
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    if not (bank_name or "").strip():
        raise DomainError(_("Name the bank."), field="bank_name")
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for the assignment (the financing agreement)."), field="reason")
    if not (contact_email or "").strip():
        raise DomainError(_("Give the bank's contact e-mail: it is told of what it finances."),
                          field="contact_email")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose one of the languages Kredo writes in."), field="language")
    iban, bic = _check_account(iban, bic)
    _check_dates(policy=policy, effective_from=effective_from)
    _check_no_overlap(policy=policy, buyer=buyer, effective_from=effective_from)
    payee = LossPayee(tenant_id=policy.tenant_id, policy=policy, buyer=buyer, bank_name=bank_name.strip(),
                      iban=iban, bic=bic, contact_name=contact_name.strip(), contact_email=contact_email.strip(),
                      language=language, effective_from=effective_from, reason=reason.strip(), made_by=made_by)
    try:  # the model's field checks (an e-mail address, the lengths), each on its field
        payee.full_clean(exclude=["policy", "buyer", "tenant", "webhook_endpoint", "made_by"])
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
    payee.save()
    if (webhook_url or "").strip():
        payee.webhook_endpoint = _bank_endpoint(payee=payee, url=webhook_url.strip(), made_by=made_by)
        payee.save(update_fields=["webhook_endpoint"])
    Tenant.objects.filter(pk=policy.tenant_id, has_loss_payees=False).update(has_loss_payees=True)
    _tell_insured(payee, code="loss_payee.assigned")
    return payee


@transaction.atomic
def release_loss_payee(*, payee: LossPayee, ended_on: date, reason: str, made_by) -> LossPayee:
    """The assignment ends after `ended_on` (the financing was repaid): later claims are paid to the insured."""
    # Only the assignment row is locked: PostgreSQL refuses FOR UPDATE on the nullable side of the buyer join.
    payee = LossPayee.objects.select_for_update(of=("self",)).select_related("policy", "buyer").get(pk=payee.pk)
    if payee.ended_on is not None:
        raise DomainError(_("This assignment has already ended."), code="loss_payee_ended")
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for the release."), field="reason")
    _check_dates(policy=payee.policy, effective_from=payee.effective_from, ended_on=ended_on)
    payee.ended_on, payee.release_reason = ended_on, reason.strip()
    # The bank's endpoint stays: the receivers stop addressing it after `ended_on`, not before.
    payee.save(update_fields=["ended_on", "release_reason"])
    _tell_insured(payee, code="loss_payee.released")
    return payee
