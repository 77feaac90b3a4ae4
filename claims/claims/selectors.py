"""Reads on claims a tenant's user can reach, scoped to the tenant, with the joins callers need."""

from dataclasses import dataclass
from datetime import date

from django.db.models import DecimalField, Prefetch, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_fsm import has_transition_perm

from claims.claims.models import Claim, ClaimDocument, ClaimTransition, DocumentRequest
from claims.claims.services import FilingWindow, filing_window
from claims.overdues.models import Overdue


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
        .select_related("policy", "buyer", "overdue__policy")
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

