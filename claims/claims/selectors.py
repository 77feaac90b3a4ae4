"""Reads on claims a tenant's user can reach, scoped to the tenant, with the joins callers need."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, Min, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import has_transition_perm

from claims.claims.models import Claim, ClaimDocument, ClaimTransition, DocumentRequest
from claims.claims.services import FilingWindow, filing_window
from claims.overdues.models import Invoice, Overdue
from core.formatting import format_money
from core.work_queues import WorkQueue


def claims_for_tenant(*, tenant, state: str | None = None) -> QuerySet[Claim]:
    # The overdue's invoices, policy and its terms versions let next_deadline() answer without a query per row.
    qs = (Claim.objects.filter(tenant=tenant).select_related("policy", "buyer", "overdue__policy")
          .prefetch_related("overdue__invoices", "overdue__policy__terms_versions"))
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-created_at", "-pk")


def claim_detail(*, tenant, pk: int) -> Claim:
    """One claim with its documents, document requests and audit trail; DoesNotExist outside the tenant."""
    return (
        Claim.objects.filter(tenant=tenant)
        .select_related("policy", "buyer", "overdue__policy", "paid_to")
        .prefetch_related(
            "overdue__invoices",
            Prefetch("documents", queryset=ClaimDocument.objects.select_related("uploaded_by")),
            Prefetch("document_requests", queryset=DocumentRequest.objects.all()),
            Prefetch("transitions", queryset=ClaimTransition.objects.select_related("by")),
        )
        .get(pk=pk)
    )


def claim_document(*, tenant, claim_id: int, pk: int) -> ClaimDocument:
    return ClaimDocument.objects.select_related("claim").get(tenant=tenant, claim_id=claim_id, pk=pk)


def overdues_open_to_claims(*, tenant) -> QuerySet[Overdue]:
    """Open overdues without a live claim: what finance may claim on (the window is checked on filing)."""
    live = Claim.objects.exclude(state__in=Claim.CLOSED_STATES).values("overdue_id")
    return (
        Overdue.objects.filter(tenant=tenant, state=Overdue.State.OPEN)
        .exclude(pk__in=live)
        .annotate(total_outstanding=Coalesce(Sum("invoices__outstanding"), Value(0), output_field=DecimalField()))
        .select_related("policy", "buyer")
        .prefetch_related("invoices", "policy__terms_versions")
        .order_by("notified_on", "pk")
    )


def claimable_overdues(*, tenant, today: date, after: tuple[date, int] | None = None) -> QuerySet[Overdue]:
    """`overdues_open_to_claims` whose filing window has not closed, the one closing first first: keyset
    (stored filing deadline, pk) on the partial index of open overdues, so a page reads its rows and no more
    (the deadline is the stored cache of policies.deadlines, claims.next_deadline; `after` is the last row's).

    The outstanding total is a subquery per row of the page, not a GROUP BY over every overdue."""
    live = Claim.objects.exclude(state__in=Claim.CLOSED_STATES).values("overdue_id")
    outstanding = (Invoice.objects.filter(overdue=OuterRef("pk")).order_by().values("overdue")
                   .annotate(total=Sum("outstanding")).values("total"))
    qs = (Overdue.objects.filter(tenant=tenant, state=Overdue.State.OPEN, claim_filing_deadline__gte=today)
          .exclude(pk__in=live)
          .annotate(total_outstanding=Coalesce(Subquery(outstanding), Value(0), output_field=DecimalField()))
          .select_related("policy", "buyer")
          .prefetch_related(Prefetch("invoices", queryset=Invoice.objects.filter(outstanding__gt=0)),
                            "policy__terms_versions")
          .order_by("claim_filing_deadline", "pk"))
    if after is not None:
        closes, pk = after
        qs = qs.filter(Q(claim_filing_deadline__gt=closes) | Q(claim_filing_deadline=closes, pk__gt=pk))
    return qs


@dataclass(frozen=True)
class NextDeadline:
    label: str  # translated lazily
    on: date


def next_deadline(claim: Claim, *, today: date) -> NextDeadline | None:
    """What the insured or the insurer must do next, and by when, for the claim list.

    Uses only the claim's own fields, so a list page needs no query per row.
    """
    if claim.state == Claim.State.DRAFT:
        window = claim_filing_window(claim)
        return NextDeadline(_("file the claim by"), window.closes) if window else None
    if claim.state in Claim.AWAITING_PAYMENT_STATES and claim.payment_due_on:
        return NextDeadline(_("indemnity due by"), claim.payment_due_on)
    return None


def claim_filing_window(claim: Claim) -> FilingWindow | None:
    return filing_window(overdue=claim.overdue, cause=claim.cause)


def claims_for_insurer() -> QuerySet[Claim]:
    """Insurer staff, every tenant: a claim once submitted. A draft is the insured's file in preparation
    (the one place this rule is written; the admin and the insurer API read it here)."""
    return Claim.objects.exclude(state=Claim.State.DRAFT)


def claim_documents_for_insurer() -> QuerySet[ClaimDocument]:
    return ClaimDocument.objects.exclude(claim__state=Claim.State.DRAFT)


@dataclass(frozen=True)
class ClaimActions:
    can_submit: bool
    can_withdraw: bool
    can_upload: bool


def claim_actions(*, claim: Claim, user) -> ClaimActions:
    """What `user` may do on the claim's page now: the state machine's transitions and the roles they need
    (claims.claims.models) decide, as they do in the services."""
    return ClaimActions(
        can_submit=has_transition_perm(claim.submit, user),
        can_withdraw=user.has_perm("claims.file_claim") and has_transition_perm(claim.withdraw, user),
        can_upload=claim.state in Claim.DOCUMENT_STATES and user.has_perm("claims.file_claim"),
    )



# The claims handler's queues: (state, title) in the order a file moves through them.
HANDLER_QUEUES = (
    ("submitted", _("Claims submitted, to review")),
    ("complete", _("Claims complete, to approve")),
    ("approved", _("Claims approved, to pay")),
)


def claims_handler_queues() -> list[WorkQueue]:
    """The claims handlers' queues on the admin home (core.work_queues): one aggregate over the claims.

    A claim's age in its queue counts from its last change (the transition into the state).
    """
    aggregates = {}
    for state, _title in HANDLER_QUEUES:
        aggregates[state] = Count("pk", filter=Q(state=state))
        aggregates[f"{state}_since"] = Min("updated_at", filter=Q(state=state))
    row = claims_for_insurer().aggregate(**aggregates)
    changelist = reverse("admin:claims_claim_changelist")
    return [WorkQueue(f"claims_{state}", str(title), row[state], row[f"{state}_since"],
                      f"{changelist}?state__exact={state}") for state, title in HANDLER_QUEUES]


def approval_warning(*, claim: Claim, calculation: dict) -> str:
    """What the handler reads before approving a claim whose calculation pays nothing, and why (the lines'
    notes: cover stopped, not in force, notified late...); empty when there is something to pay."""
    if claim.state != Claim.State.COMPLETE or Decimal(calculation["indemnity"]["amount"]) != 0:
        return ""
    text = _("The calculated indemnity is %(amount)s: approving it pays the insured nothing.") % {
        "amount": format_money(calculation["indemnity"]["amount"], currency=claim.currency)}
    reasons = list(dict.fromkeys(note for line in calculation.get("lines", []) for note in line.get("notes", [])))
    if reasons:
        why = _("Why: %(reasons)s.") % {"reasons": "; ".join(str(reason).rstrip(".") for reason in reasons)}
        text = f"{text} {why}"
    return text
