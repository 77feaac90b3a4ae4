"""Generated claims on the oldest overdues, each moved through the states it would have passed
(claims.claims.models), with its audit trail, its checklist documents and the indemnity calculated by
claims.claims.calculation as the services calculate it."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from claims.claims.calculation import calculate_claim, calculation_as_json
from claims.claims.models import REQUIRED_DOCUMENTS, Cause, Claim, ClaimDocument, ClaimTransition
from claims.overdues.models import Overdue
from policies.deadlines import claim_payment_due
from portal.loadgen.batch import insert
from portal.loadgen.overdues import TERMS, deadlines

State = Claim.State
# The path each final state was reached by.
PATHS = {
    State.DRAFT: [State.DRAFT],
    State.SUBMITTED: [State.DRAFT, State.SUBMITTED],
    State.INCOMPLETE: [State.DRAFT, State.SUBMITTED, State.INCOMPLETE],
    State.COMPLETE: [State.DRAFT, State.SUBMITTED, State.COMPLETE],
    State.APPROVED: [State.DRAFT, State.SUBMITTED, State.COMPLETE, State.APPROVED],
    State.PAID: [State.DRAFT, State.SUBMITTED, State.COMPLETE, State.APPROVED, State.PAID],
    State.REJECTED: [State.DRAFT, State.SUBMITTED, State.REJECTED],
}
STATES = [(State.DRAFT, 15), (State.SUBMITTED, 20), (State.INCOMPLETE, 10), (State.COMPLETE, 20),
          (State.APPROVED, 10), (State.PAID, 20), (State.REJECTED, 5)]
# One small PDF in storage that every generated document points at: the bench needs rows, not megabytes.
DOCUMENT = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _claim(fake, plan, state: str) -> Claim:
    overdue = plan.overdue
    today = fake.today
    if plan.claim_cause == Cause.INSOLVENCY:
        event = fake.day_between(plan.oldest_due + timedelta(days=20), today - timedelta(days=30))
        opens = max(event, overdue.notified_on)
    else:
        event, opens = None, deadlines(plan.oldest_due).waiting_period_end
    filed = fake.day_between(opens, min(opens + timedelta(days=20), today))
    claim = Claim(
        tenant_id=overdue.tenant_id, policy_id=overdue.policy_id, buyer_id=overdue.buyer_id, overdue_id=overdue.pk,
        reference=f"CL-{overdue.reference}", cause=plan.claim_cause, state=state, currency=overdue.currency,
        event_date=event, date_of_loss=event or opens, created_at=fake.moment(filed),
        filed_on=None if state == State.DRAFT else filed,
    )
    path = PATHS[state]
    day = filed
    if State.COMPLETE in path:
        day = claim.complete_on = min(filed + timedelta(days=fake.rng.randrange(3, 20)), today)
        claim.payment_due_on = claim_payment_due(terms=TERMS, file_complete_on=day)
    if State.APPROVED in path:
        day = claim.approved_on = min(day + timedelta(days=fake.rng.randrange(1, 10)), today)
    if State.PAID in path:
        claim.paid_on = min(day + timedelta(days=fake.rng.randrange(1, 10)), today)
        claim.payment_reference = f"PAY-{overdue.reference}"
    if state == State.REJECTED:
        claim.rejection_reason = "The shipments were made after the cover stopped."
    # Set just before the database check on approved and paid claims; the calculation replaces it.
    claim.approved_indemnity = Decimal(0) if state in Claim.LIABILITY_STATES else None
    claim.paid_amount = Decimal(0) if state == State.PAID else None
    return claim


def _trail(claim: Claim, users) -> list[ClaimTransition]:
    path = PATHS[claim.state]
    by = {State.DRAFT: users["insured"], State.SUBMITTED: users["insured"]}
    return [
        ClaimTransition(tenant_id=claim.tenant_id, claim_id=claim.pk, source=source, target=target,
                        by=by.get(target, users["handler"]), at=claim.created_at)
        for source, target in zip(["", *path], path, strict=False)
    ]


def _documents(claim: Claim, name: str, user) -> list[ClaimDocument]:
    if claim.state == State.DRAFT:
        return []
    kinds = REQUIRED_DOCUMENTS[claim.cause]
    if claim.state in (State.SUBMITTED, State.INCOMPLETE):
        kinds = kinds[:-1]  # the file is not complete yet
    return [ClaimDocument(tenant_id=claim.tenant_id, claim_id=claim.pk, kind=kind, file=name,
                          original_name=f"{kind}.pdf", size=len(DOCUMENT), content_type="application/pdf",
                          uploaded_by=user, uploaded_at=claim.created_at) for kind in kinds]


def _calculate(claims: list[Claim]) -> None:
    """The indemnity of every submitted claim, in the order the handlers approved them: each approval
    uses the policy's maximum liability that the earlier ones left (claims.claims.services)."""
    ordered = sorted((c for c in claims if c.state != State.DRAFT), key=lambda c: (c.approved_on or c.filed_on, c.pk))
    for claim in ordered:
        calculation = calculate_claim(claim=Claim.objects.select_related("policy").get(pk=claim.pk))
        changes = {"calculated_indemnity": calculation.indemnity.amount, "calculation": calculation_as_json(calculation)}
        if claim.state in Claim.LIABILITY_STATES:
            changes["approved_indemnity"] = calculation.indemnity.amount
        if claim.state == State.PAID:
            changes["paid_amount"] = calculation.indemnity.amount
        Claim.objects.filter(pk=claim.pk).update(**changes)


def write_claims(*, fake, overdue_plans, users, progress) -> list[Claim]:
    plans = [p for p in overdue_plans if p.claim_cause]
    states = [s for s, _ in STATES]
    weights = [w for _, w in STATES]
    claims = insert(Claim, (_claim(fake, p, fake.weighted(states, weights)) for p in plans), total=len(plans),
                    progress=progress)
    insert(ClaimTransition, (t for c in claims for t in _trail(c, users)),
           total=sum(len(PATHS[c.state]) for c in claims), progress=progress)
    name = default_storage.save("claims/generated/load.pdf", ContentFile(DOCUMENT)) if claims else ""
    documents = [d for c in claims for d in _documents(c, name, users["insured"])]
    insert(ClaimDocument, documents, total=len(documents), progress=progress)
    paid = [c.overdue_id for c in claims if c.state == State.PAID]
    Overdue.objects.filter(pk__in=paid).update(state=Overdue.State.CLAIMED)
    _calculate(claims)
    return claims
