"""Writes on claims: filing, documents, review, approval, payment, rejection, withdrawal.

Every state change goes through `_move`, which checks the transition is allowed
from the current state and to the acting user (django-fsm-2), records it in the
audit trail and announces it once.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed, has_transition_perm
from moneyed import Money

from claims import next_deadline
from claims.claims import events as claim_events
from claims.claims.calculation import calculate_claim, calculation_as_json, claim_period, remaining_liability
from claims.claims.documents import check_upload
from claims.claims.models import Cause, Claim, ClaimDocument, ClaimTransition, DocumentKind, DocumentRequest
from claims.overdues.models import Invoice, Overdue
from core.exceptions import DomainError
from core.formatting import format_date, format_money
from core.money import quantize_money
from core.references import check_reference
from policies.deadlines import UnpaidDue, claim_payment_due, overdue_deadlines
from policies.loss_payees.selectors import loss_payee_for


@dataclass(frozen=True)
class FilingWindow:
    """When a claim on an overdue may be filed: from `opens` to `closes`, both included."""

    oldest_due_date: date
    opens: date
    closes: date

    def is_open(self, on: date) -> bool:
        return self.opens <= on <= self.closes


def filing_window(*, overdue: Overdue, cause: str) -> FilingWindow | None:
    """Counted from the oldest unpaid invoice's due date (domain.md, example 7).

    Insolvency and political events may be claimed at once; protracted default
    only once the waiting period has ended. None when nothing is unpaid.
    """
    return filing_window_of(terms_on=overdue.policy.terms_on, cause=cause, notified_on=overdue.notified_on,
                            unpaid=[(inv.shipment_date, inv.due_date, inv.extended_due_date, inv.extension_consented)
                                    for inv in overdue.invoices.all() if inv.outstanding > 0])


def filing_window_of(*, terms_on, cause: str, notified_on: date, unpaid: list[UnpaidDue]) -> FilingWindow | None:
    """`filing_window` from plain values (policies.deadlines.UnpaidDue per unpaid invoice), for jobs reading in bulk;
    `terms_on`: the policy's terms for a day (the oldest unpaid invoice's shipment date is asked)."""
    deadlines = overdue_deadlines(terms_on=terms_on, unpaid=unpaid)
    if deadlines is None:
        return None
    opens = deadlines.waiting_period_end if cause == Cause.PROTRACTED_DEFAULT else notified_on
    return FilingWindow(oldest_due_date=deadlines.due_date, opens=opens, closes=deadlines.claim_filing_deadline)


def _check_in_window(*, overdue: Overdue, cause: str, on: date) -> FilingWindow:
    window = filing_window(overdue=overdue, cause=cause)
    if window is None:
        raise DomainError(_("Nothing is outstanding on this overdue: there is no loss to claim."), field="overdue")
    if on < window.opens:
        message = (_("A claim for protracted default can be filed from %(date)s, when the waiting period ends.")
                   if cause == Cause.PROTRACTED_DEFAULT else
                   _("A claim can be filed from %(date)s, the day the overdue was notified."))
        raise DomainError(message % {"date": format_date(window.opens)}, field="overdue", code="too_early")
    if on > window.closes:
        raise DomainError(
            _("The last day to file a claim was %(date)s (%(days)s days after the due date of %(due)s).")
            % {"date": format_date(window.closes), "days": (window.closes - window.oldest_due_date).days,
               "due": format_date(window.oldest_due_date)},
            field="overdue", code="too_late",
        )
    return window


def _filed(state: str) -> bool:
    return state not in (Claim.State.DRAFT, *Claim.CLOSED_STATES)


def _move(claim: Claim, transition_name: str, *, by, note: str = "", system: bool = False) -> None:
    method = getattr(claim, transition_name)
    source = claim.state
    if not can_proceed(method):
        raise DomainError(
            _("A claim in state “%(state)s” cannot be moved this way.") % {"state": claim.get_state_display()},
            code="invalid_state",
        )
    if not system and (by is None or not has_transition_perm(method, by)):
        raise DomainError(_("You are not allowed to do this on a claim."), code="permission_denied")
    method()
    claim.save()
    ClaimTransition.objects.create(tenant_id=claim.tenant_id, claim=claim, source=source, target=claim.state,
                                   by=by, note=note)
    # A filed claim silences the overdue's deadline reminders, a withdrawn or rejected one brings them back, a
    # paid one leaves the overdue claimed: only those moves change its stored deadlines.
    if _filed(source) != _filed(claim.state) or claim.state == Claim.State.PAID:
        next_deadline.refresh(overdue_ids=[claim.overdue_id])
    claim_events.announce_transition(claim=claim, source=source, note=note)


def _locked(claim: Claim) -> Claim:
    return Claim.objects.select_for_update().select_related("policy", "buyer", "overdue").get(pk=claim.pk)


@transaction.atomic
def file_claim(*, tenant, filed_by, overdue: Overdue, cause: str, event_date: date | None = None,
               reference: str = "", today: date | None = None) -> Claim:
    """Open a claim file (draft) on an overdue; `submit_claim` files it with the insurer."""
    today = today or timezone.localdate()
    if overdue.tenant_id != tenant.pk:
        raise DomainError(_("Unknown overdue."), field="overdue")
    if cause not in Cause.values:
        raise DomainError(_("Choose the cause of the loss."), field="cause")
    if overdue.state == Overdue.State.CLEARED:
        raise DomainError(_("This overdue was paid: there is no loss to claim."), field="overdue")
    if overdue.state == Overdue.State.DRAFT:
        raise DomainError(_("Notify this overdue to the insurer before claiming on it."), field="overdue")
    if cause == Cause.PROTRACTED_DEFAULT:
        event_date = None
    elif event_date is None:
        raise DomainError(_("Give the date of the insolvency or of the political event."), field="event_date")
    elif event_date > today:
        raise DomainError(_("The date of the insolvency or event cannot be in the future."), field="event_date")
    window = _check_in_window(overdue=overdue, cause=cause, on=today)
    # The date of loss fixes which payments and recoveries reduce the loss (domain.md, Claims).
    date_of_loss = event_date or window.opens
    if Claim.objects.filter(overdue=overdue).exclude(state__in=Claim.CLOSED_STATES).exists():
        raise DomainError(_("A claim on this overdue is already open."), field="overdue")
    reference = check_reference(Claim, tenant.pk, reference)
    try:
        with transaction.atomic():
            claim = Claim.objects.create(
                tenant=tenant, policy=overdue.policy, buyer=overdue.buyer, overdue=overdue, cause=cause,
                event_date=event_date, date_of_loss=date_of_loss, currency=overdue.currency,
                reference=reference, created_by=filed_by,
            )
    except IntegrityError as exc:  # a concurrent claim on the overdue, or on the reference, came first
        check_reference(Claim, tenant.pk, reference)
        raise DomainError(_("A claim on this overdue is already open."), field="overdue") from exc
    ClaimTransition.objects.create(tenant=tenant, claim=claim, source="", target=claim.state, by=filed_by)
    return claim


@transaction.atomic
def submit_claim(*, claim: Claim, submitted_by, today: date | None = None) -> Claim:
    claim = _locked(claim)
    today = today or timezone.localdate()
    _check_in_window(overdue=claim.overdue, cause=claim.cause, on=today)
    claim.filed_on = today
    _refresh_calculation(claim)
    _move(claim, "submit", by=submitted_by)
    return claim


@dataclass(frozen=True)
class ChecklistItem:
    kind: str
    label: str
    required: bool  # by the claim's cause
    requested: bool  # asked for by a claims handler and not yet provided
    provided: int  # documents of this kind on file

    @property
    def satisfied(self) -> bool:
        return not self.requested and (self.provided > 0 or not self.required)


def checklist(*, claim: Claim) -> list[ChecklistItem]:
    """The documents the file needs, in a stable order: from the claim's documents and requests as loaded (no query
    when claim_detail prefetched them, two otherwise)."""
    provided: dict[str, int] = {}
    for document in claim.documents.all():
        provided[document.kind] = provided.get(document.kind, 0) + 1
    requested = {r.kind for r in claim.document_requests.all() if r.fulfilled_at is None}
    required = set(claim.required_documents)
    kinds = [k for k in DocumentKind.values if k in required or k in requested or k in provided]
    return [
        ChecklistItem(kind=k, label=str(DocumentKind(k).label), required=k in required, requested=k in requested,
                      provided=provided.get(k, 0))
        for k in kinds
    ]


def checklist_satisfied(*, claim: Claim) -> bool:
    return all(item.satisfied for item in checklist(claim=claim))


def _mark_complete(claim: Claim, *, by, system: bool) -> None:
    today = timezone.localdate()
    claim.complete_on = today
    # The payment clock starts when the file is complete (domain.md, Claims).
    claim.payment_due_on = claim_payment_due(terms=claim.policy.terms_on(today), file_complete_on=today)
    _move(claim, "complete", by=by, system=system)


@transaction.atomic
def upload_document(*, claim: Claim, kind: str, uploaded, uploaded_by) -> ClaimDocument:
    claim = _locked(claim)
    if claim.state not in Claim.DOCUMENT_STATES:
        raise DomainError(_("Documents can be added while the claim is a draft, submitted or incomplete."),
                          code="invalid_state")
    if kind not in DocumentKind.values:
        raise DomainError(_("Choose which document this is."), field="kind")
    content_type = check_upload(uploaded)
    document = ClaimDocument(
        tenant_id=claim.tenant_id, claim=claim, kind=kind, original_name=uploaded.name[:255], size=uploaded.size,
        content_type=content_type, uploaded_by=uploaded_by,
    )
    document.file.save(uploaded.name, uploaded, save=False)
    try:
        document.save()
        DocumentRequest.objects.filter(claim=claim, kind=kind, fulfilled_at__isnull=True).update(
            fulfilled_at=timezone.now())
        if claim.state == Claim.State.INCOMPLETE and checklist_satisfied(claim=claim):
            _mark_complete(claim, by=uploaded_by, system=True)
    except Exception:
        # No row without its file, and no stored file without its row.
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def request_documents(*, claim: Claim, kinds: list[str], note: str, requested_by) -> Claim:
    claim = _locked(claim)
    kinds = [k for k in dict.fromkeys(kinds) if k]
    if not kinds:
        raise DomainError(_("Choose at least one document to request."), field="kinds")
    unknown = [k for k in kinds if k not in DocumentKind.values]
    if unknown:
        raise DomainError(_("Unknown document: %(kinds)s.") % {"kinds": ", ".join(unknown)}, field="kinds")
    DocumentRequest.objects.bulk_create(
        [DocumentRequest(tenant_id=claim.tenant_id, claim=claim, kind=k, note=note, requested_by=requested_by)
         for k in kinds]
    )
    # The payment clock stops until the file is complete again.
    claim.complete_on = None
    claim.payment_due_on = None
    labels = ", ".join(str(DocumentKind(k).label) for k in kinds)
    _move(claim, "request_documents", by=requested_by, note=(_("Requested: %(docs)s.") % {"docs": labels}) + (
        f" {note}" if note else ""))
    return claim


@transaction.atomic
def confirm_complete(*, claim: Claim, confirmed_by) -> Claim:
    claim = _locked(claim)
    if not checklist_satisfied(claim=claim):
        missing = [item.label for item in checklist(claim=claim) if not item.satisfied]
        raise DomainError(_("Documents are still missing: %(docs)s.") % {"docs": ", ".join(missing)},
                          code="incomplete")
    if confirmed_by is None or not confirmed_by.has_perm("claims.handle_claim"):
        raise DomainError(_("You are not allowed to do this on a claim."), code="permission_denied")
    _mark_complete(claim, by=confirmed_by, system=True)
    return claim


def _refresh_calculation(claim: Claim):
    calculation = calculate_claim(claim=claim)
    claim.calculated_indemnity = calculation.indemnity.amount
    claim.calculation = calculation_as_json(calculation)
    return calculation


@transaction.atomic
def approve_claim(*, claim: Claim, approved_by, amount: Money | None = None, override_reason: str = "") -> Claim:
    """Approve the calculated indemnity, or another amount with a reason; never above the remaining liability."""
    claim = _locked(claim)
    calculation = _refresh_calculation(claim)
    override_reason = (override_reason or "").strip()
    if amount is None:
        amount = calculation.indemnity
    else:
        if str(amount.currency) != claim.currency:
            raise DomainError(_("The amount must be in the policy's currency, %(cur)s.") % {"cur": claim.currency},
                              field="amount")
        if amount.amount < 0:
            raise DomainError(_("The amount cannot be negative."), field="amount")
        amount = quantize_money(amount)
        if amount != calculation.indemnity and not override_reason:
            raise DomainError(_("Give a reason for approving an amount other than the calculated %(calc)s.")
                              % {"calc": format_money(calculation.indemnity)}, field="override_reason")
    remaining = remaining_liability(policy=claim.policy, on=claim.date_of_loss, excluding_claim_id=claim.pk,
                                    period=claim_period(claim))
    if amount > remaining:
        raise DomainError(
            _("The policy's maximum liability leaves %(left)s for this period.") % {"left": format_money(remaining)},
            field="amount", code="max_liability",
        )
    claim.approved_indemnity = amount.amount
    # Borne now, so the next claim of the period bears only what is left (example 16).
    claim.first_loss_borne = calculation.first_loss_borne.amount if calculation.first_loss_borne else 0
    claim.override_reason = override_reason if amount != calculation.indemnity else ""
    claim.approved_on = timezone.localdate()
    claim.approved_by = approved_by
    note = _("Indemnity %(amount)s.") % {"amount": format_money(amount)}
    _move(claim, "approve", by=approved_by, note=f"{note} {claim.override_reason}".strip())
    return claim


@transaction.atomic
def record_claim_payment(*, claim: Claim, amount: Money, paid_on: date, recorded_by, reference: str = "") -> Claim:
    claim = _locked(claim)
    if claim.state != Claim.State.APPROVED:
        raise DomainError(_("Only an approved claim can be paid."), code="invalid_state")
    if str(amount.currency) != claim.currency or amount.amount != Decimal(claim.approved_indemnity):
        raise DomainError(_("The payment must be the approved indemnity, %(amount)s.")
                          % {"amount": format_money(claim.approved_indemnity, currency=claim.currency)},
                          field="amount")
    if paid_on > timezone.localdate():
        raise DomainError(_("The payment date cannot be in the future."), field="paid_on")
    if claim.approved_on and paid_on < claim.approved_on:
        raise DomainError(_("The payment date cannot be before the approval."), field="paid_on")
    claim.paid_amount = amount.amount
    claim.paid_on = paid_on
    claim.payment_reference = (reference or "").strip()[:60]
    claim.paid_to = loss_payee_for(policy=claim.policy, buyer_id=claim.buyer_id, on=paid_on)
    # The overdue is claimed before the transition, so the transition stores its deadlines as claimed (none).
    Overdue.objects.filter(pk=claim.overdue_id, state=Overdue.State.OPEN).update(state=Overdue.State.CLAIMED)
    _move(claim, "pay", by=recorded_by)
    claim_events.announce_paid(claim=claim)
    return claim


@transaction.atomic
def reject_claim(*, claim: Claim, reason: str, rejected_by) -> Claim:
    claim = _locked(claim)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why the claim is rejected: the insured sees it."), field="reason")
    claim.rejection_reason = reason
    _move(claim, "reject", by=rejected_by, note=reason)
    return claim


@transaction.atomic
def withdraw_claim(*, claim: Claim, withdrawn_by=None, reason: str = "", system: bool = False) -> Claim:
    """By the insured, or by the system when a recovery clears the debt (recoveries app)."""
    claim = _locked(claim)
    _move(claim, "withdraw", by=withdrawn_by, note=(reason or "").strip(), system=system)
    return claim



@transaction.atomic
def record_recovery_before_payment(*, claim: Claim, amount: Money) -> Claim:
    """Money recovered before the indemnity is paid reduces the loss (domain.md, example 9).

    Called by the recoveries app with plain values. An approved claim goes back
    to complete so the new indemnity is approved again; a recovery that clears
    the debt withdraws the claim.
    """
    claim = _locked(claim)
    if claim.state not in Claim.OPEN_STATES:
        raise DomainError(_("Recoveries before payment are recorded on open claims only."), code="invalid_state")
    if str(amount.currency) != claim.currency or amount.amount <= 0:
        raise DomainError(_("The recovery must be a positive amount in %(cur)s.") % {"cur": claim.currency},
                          field="amount")
    claim.recovered_before_payment += amount.amount
    debt = Invoice.objects.filter(overdue_id=claim.overdue_id).aggregate(total=Sum("outstanding"))["total"] or 0
    _refresh_calculation(claim)
    note = _("Recovered before payment: %(amount)s.") % {"amount": format_money(amount)}
    if claim.state == Claim.State.APPROVED:
        claim.approved_indemnity = None
        claim.first_loss_borne = 0  # reopened: it bears again when approved again
        claim.approved_on = None
        claim.approved_by = None
        claim.override_reason = ""
        _move(claim, "reopen", by=None, note=note, system=True)
    if claim.recovered_before_payment >= debt:
        _move(claim, "withdraw", by=None, note=_("The debt was recovered in full."), system=True)
    else:
        claim.save()
    return claim
