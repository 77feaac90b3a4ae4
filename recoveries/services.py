"""Writes on recoveries: recoveries, collection costs, settlements, collection cases.

Before the indemnity is paid a recovery reduces the loss (the claims app
recalculates, or withdraws the claim when the debt is cleared); after payment it
is shared by the policy's rule (recoveries.sharing), which the ledger applies.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from moneyed import Money

from claims.claims import services as claim_services
from claims.claims.models import Claim
from claims.overdues.models import Overdue
from core.exceptions import DomainError
from core.formatting import format_money
from recoveries import events
from recoveries.ledger import build_ledger
from recoveries.models import CollectionCase, CollectionCost, Recovery, Settlement


def _check_amount(amount: Money, currency: str) -> None:
    if str(amount.currency) != currency:
        raise DomainError(_("The amount must be in the claim's currency, %(cur)s.") % {"cur": currency}, field="amount")
    if amount.amount <= 0:
        raise DomainError(_("The amount must be greater than zero."), field="amount")


def _check_date(on: date, field: str) -> None:
    if on > timezone.localdate():
        raise DomainError(_("The date cannot be in the future."), field=field)


def recovery_phase(claim: Claim) -> str | None:
    """Shared after payment, reducing the loss before it; None on a rejected or withdrawn claim."""
    if claim.state == Claim.State.PAID:
        return Recovery.Phase.AFTER_PAYMENT
    if claim.state in Claim.OPEN_STATES:
        return Recovery.Phase.BEFORE_PAYMENT
    return None


@transaction.atomic
def record_recovery(*, claim: Claim, amount: Money, received_on: date, source: str, recorded_by=None,
                    note: str = "") -> Recovery:
    claim = Claim.objects.select_for_update().select_related("policy", "tenant", "buyer").get(pk=claim.pk)
    if source not in Recovery.Source.values:
        raise DomainError(_("Choose where the money came from."), field="source")
    _check_amount(amount, claim.currency)
    _check_date(received_on, "received_on")
    phase = recovery_phase(claim)
    if phase is None:
        raise DomainError(_("This claim was %(state)s: record the money on the overdue instead.")
                          % {"state": claim.get_state_display().lower()}, code="invalid_state")
    recovery = Recovery.objects.create(
        tenant_id=claim.tenant_id, claim=claim, received_on=received_on, amount=amount.amount,
        currency=claim.currency, source=source, phase=phase, note=(note or "")[:200], recorded_by=recorded_by,
    )
    if phase == Recovery.Phase.BEFORE_PAYMENT:
        # Example 9: the loss shrinks and the indemnity is recalculated; a full recovery withdraws the claim.
        claim_services.record_recovery_before_payment(claim=claim, amount=amount)
    events.announce_recovery(claim=claim, recovery=recovery)
    return recovery


@transaction.atomic
def declare_direct_receipt(*, tenant, claim: Claim, amount: Money, received_on: date, declared_by,
                           note: str = "") -> Recovery:
    """The insured received money from the buyer itself: declared so the ledger shows what it owes."""
    if claim.tenant_id != tenant.pk:
        raise DomainError(_("Unknown claim."), field="claim")
    return record_recovery(claim=claim, amount=amount, received_on=received_on,
                           source=Recovery.Source.INSURED_DIRECT, recorded_by=declared_by, note=note)


@transaction.atomic
def record_collection_cost(*, claim: Claim, amount: Money, incurred_on: date, kind: str, recorded_by=None,
                           note: str = "") -> CollectionCost:
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.state != Claim.State.PAID:
        raise DomainError(_("Collection costs are shared with recoveries after the indemnity is paid."),
                          code="invalid_state")
    if kind not in CollectionCost.Kind.values:
        raise DomainError(_("Choose the kind of cost."), field="kind")
    _check_amount(amount, claim.currency)
    _check_date(incurred_on, "incurred_on")
    return CollectionCost.objects.create(
        tenant_id=claim.tenant_id, claim=claim, incurred_on=incurred_on, kind=kind, amount=amount.amount,
        currency=claim.currency, note=(note or "")[:200], recorded_by=recorded_by,
    )


@transaction.atomic
def record_settlement(*, claim: Claim, amount: Money, settled_on: date, to_insurer: bool, recorded_by=None,
                      reference: str = "") -> Settlement:
    """Square the ledger: never more than is owed in that direction."""
    claim = Claim.objects.select_for_update().select_related("policy").get(pk=claim.pk)
    _check_amount(amount, claim.currency)
    _check_date(settled_on, "settled_on")
    ledger = build_ledger(claim=claim)
    owed = ledger.insured_owes_insurer if to_insurer else ledger.insurer_owes_insured
    if amount > owed:
        raise DomainError(_("Only %(owed)s is owed in that direction.") % {"owed": format_money(owed)},
                          field="amount")
    return Settlement.objects.create(
        tenant_id=claim.tenant_id, claim=claim, settled_on=settled_on, amount=amount.amount, currency=claim.currency,
        to_insurer=to_insurer, reference=(reference or "")[:60], recorded_by=recorded_by,
    )


@transaction.atomic
def open_collection_case(*, overdue: Overdue, opened_by=None, agency: str = "", claim: Claim | None = None,
                         opened_on: date | None = None, note: str = "") -> CollectionCase:
    if claim is not None and claim.overdue_id != overdue.pk:
        raise DomainError(_("The claim is not on this overdue."), field="claim")
    if overdue.state == Overdue.State.CLEARED:
        raise DomainError(_("This overdue was paid: there is nothing to collect."), field="overdue")
    if overdue.state == Overdue.State.DRAFT:
        raise DomainError(_("Notify this overdue to the insurer before handing it to collection."), field="overdue")
    if claim is None:
        # The debt's live claim, if one was filed: the case follows it.
        claim = Claim.objects.filter(overdue=overdue).exclude(state__in=Claim.CLOSED_STATES).first()
    opened_on = opened_on or timezone.localdate()
    _check_date(opened_on, "opened_on")
    try:
        with transaction.atomic():
            case = CollectionCase.objects.create(tenant_id=overdue.tenant_id, overdue=overdue, claim=claim,
                                                 agency=(agency or "").strip()[:120], opened_on=opened_on,
                                                 opened_by=opened_by, status_note=(note or "")[:300])
    except IntegrityError as exc:
        raise DomainError(_("This debt is already in collection."), field="overdue") from exc
    events.announce_collection(case=case)
    return case


@transaction.atomic
def set_collection_status(*, claim: Claim, status: str = "", note: str = "", agency: str = "",
                          updated_by=None) -> tuple[CollectionCase, bool]:
    """The claims handler's one move on a claim's debt: hand it to collection if it is not, else change its
    status. Returns (case, opened). One transaction: opening with a status is one change or none."""
    case = (CollectionCase.objects.select_for_update().filter(overdue_id=claim.overdue_id)
            .exclude(status=CollectionCase.Status.CLOSED).first())
    if case is None:
        case = open_collection_case(overdue=claim.overdue, claim=claim, agency=agency, opened_by=updated_by,
                                    note=note)
        if status and status != case.status:
            case = update_collection_status(case=case, status=status, note=note, updated_by=updated_by)
        return case, True
    return update_collection_status(case=case, status=status or case.status, note=note, updated_by=updated_by), False


@transaction.atomic
def update_collection_status(*, case: CollectionCase, status: str, note: str = "", updated_by=None,
                             on: date | None = None) -> CollectionCase:
    case = CollectionCase.objects.select_for_update().get(pk=case.pk)
    if status not in CollectionCase.Status.values:
        raise DomainError(_("Choose a status."), field="status")
    if case.status == CollectionCase.Status.CLOSED:
        raise DomainError(_("This collection case is closed."), code="invalid_state")
    if status == case.status and not note:
        raise DomainError(_("Nothing changed."), field="status")
    case.status = status
    case.status_note = (note or "")[:300]
    if status == CollectionCase.Status.CLOSED:
        case.closed_on = on or timezone.localdate()
    case._change_reason = note[:100] if note else ""
    case.save()
    events.announce_collection(case=case)
    return case

