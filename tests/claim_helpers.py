"""Building blocks for claim tests: a buyer with a limit, a claim file with its documents (overdues: overdue_factories)."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scopes_disabled
from moneyed import Money

from buyers.models import Buyer
from claims.claims import services as claims
from claims.claims.models import Cause, Claim, DocumentKind
from core.tenancy import tenant_scope
from limits import services as limit_services
from limits.models import LimitDecision
from tests.buyer_factories import make_buyer
from tests.factories import PolicyFactory, eur
from tests.overdue_factories import declare, invoice

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def late_payer(name="Late Payer S.p.A.", country="IT", grade=5) -> Buyer:
    """The buyer of claim tests: Italian, grade 5 (limits above 20,000 EUR wait for an underwriter)."""
    return make_buyer(name, country, grade=grade)


def approve_limit(*, tenant, policy, buyer, amount, underwriter, effective=date(2026, 1, 2)):
    """Requested by the insured (in its scope), approved by the underwriter in the admin (unscoped) if need be."""
    with tenant_scope(tenant):
        outcome = limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                               amount=eur(amount), terms_days=60, today=effective)
    if not outcome.decided:
        with scopes_disabled():
            limit_services.decide_limit(limit=outcome.limit, decided_by=underwriter,
                                        kind=LimitDecision.Kind.APPROVED, effective_date=effective)
    outcome.limit.refresh_from_db()
    return outcome.limit


def pdf(name="doc.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def file_protracted_default(*, tenant, overdue, by, today=None) -> Claim:
    with tenant_scope(tenant):
        window = claims.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
        return claims.file_claim(tenant=tenant, filed_by=by, overdue=overdue, cause=Cause.PROTRACTED_DEFAULT,
                                 today=today or window.opens)


def upload_checklist(claim: Claim, by) -> None:
    with tenant_scope(claim.tenant):
        for kind in claim.required_documents:
            claims.upload_document(claim=claim, kind=kind, uploaded=pdf(f"{kind}.pdf"), uploaded_by=by)


def complete_claim(*, tenant, overdue, finance, handler) -> Claim:
    """Filed and submitted with every document by the insured, confirmed complete by the handler in the admin."""
    claim = file_protracted_default(tenant=tenant, overdue=overdue, by=finance)
    upload_checklist(claim, finance)
    with tenant_scope(tenant):
        claims.submit_claim(claim=claim, submitted_by=finance, today=claim.date_of_loss)
    with scopes_disabled():
        return claims.confirm_complete(claim=claim, confirmed_by=handler)


__all__ = ["DocumentKind"]


def complete_claim_on(tenant, policy, finance, handler, underwriter, *, unpaid=10_000) -> Claim:
    """A limit of 50,000, an overdue of `unpaid` shipped on 1 February 2026, its claim filed and complete."""
    buyer = late_payer()
    approve_limit(tenant=tenant, policy=policy, buyer=buyer, amount=50_000, underwriter=underwriter)
    overdue = declare(tenant=tenant, policy=policy, buyer=buyer,
                      invoices=[invoice(shipped=date(2026, 2, 1), amount=unpaid)])
    return complete_claim(tenant=tenant, overdue=overdue, finance=finance, handler=handler)


def paid_claim(tenant, finance, handler, underwriter, *, rule="pro_rata", unpaid=10_000) -> Claim:
    """A claim on 10,000 EUR unpaid at 90%, approved and paid 9,000 today (example 8's start)."""
    policy = PolicyFactory(tenant=tenant, recovery_sharing=rule)
    claim = complete_claim_on(tenant, policy, finance, handler, underwriter, unpaid=unpaid)
    with scopes_disabled():  # the claims handler approves and pays in the admin
        claim = claims.approve_claim(claim=claim, approved_by=handler)
        return claims.record_claim_payment(claim=claim, amount=Money(claim.approved_indemnity, "EUR"),
                                           paid_on=timezone.localdate(), recorded_by=handler)
