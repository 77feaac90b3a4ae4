"""Building blocks for claim tests: a buyer with a limit, an overdue, a claim file with its documents."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from moneyed import Money

from buyers.models import Buyer
from claims.claims import services as claims
from claims.claims.models import Cause, Claim, DocumentKind
from claims.overdues import services as overdue_services
from claims.overdues.services import InvoiceLine
from limits import services as limit_services
from limits.models import LimitDecision

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def eur(amount) -> Money:
    return Money(Decimal(str(amount)), "EUR")


def make_buyer(name="Late Payer S.p.A.", country="IT", grade=5) -> Buyer:
    n = Buyer.objects.count() + 1
    return Buyer.objects.create(legal_name=name, country=country, registration_number=f"{country}{n:08d}",
                                grade=grade, status=Buyer.Status.CONFIRMED)


def approve_limit(*, tenant, policy, buyer, amount, underwriter, effective=date(2026, 1, 2)):
    outcome = limit_services.request_limit(tenant=tenant, requested_by=None, policy=policy, buyer=buyer,
                                           amount=eur(amount), terms_days=60, today=effective)
    if not outcome.decided:
        limit_services.decide_limit(limit=outcome.limit, decided_by=underwriter, kind=LimitDecision.Kind.APPROVED,
                                    effective_date=effective)
    outcome.limit.refresh_from_db()
    return outcome.limit


def invoice(number="F-1", *, shipped, amount, due=None, outstanding=None) -> InvoiceLine:
    due = due or shipped + timedelta(days=60)
    return InvoiceLine(number=number, invoice_date=shipped, shipment_date=shipped, due_date=due,
                       amount=Decimal(str(amount)), outstanding=Decimal(str(outstanding or amount)))


def declare(*, tenant, policy, buyer, invoices, notified_on=None):
    notified_on = notified_on or min(i.due_date for i in invoices) + timedelta(days=30)
    return overdue_services.declare_overdue(tenant=tenant, notified_by=None, policy=policy, buyer=buyer,
                                            invoices=invoices, notified_on=notified_on)


def pdf(name="doc.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def file_protracted_default(*, tenant, overdue, by, today=None) -> Claim:
    window = claims.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
    return claims.file_claim(tenant=tenant, filed_by=by, overdue=overdue, cause=Cause.PROTRACTED_DEFAULT,
                             today=today or window.opens)


def upload_checklist(claim: Claim, by) -> None:
    for kind in claim.required_documents:
        claims.upload_document(claim=claim, kind=kind, uploaded=pdf(f"{kind}.pdf"), uploaded_by=by)


def complete_claim(*, tenant, overdue, finance, handler) -> Claim:
    """Filed, submitted with every document, confirmed complete by the claims handler."""
    claim = file_protracted_default(tenant=tenant, overdue=overdue, by=finance)
    upload_checklist(claim, finance)
    claims.submit_claim(claim=claim, submitted_by=finance, today=claim.date_of_loss)
    return claims.confirm_complete(claim=claim, confirmed_by=handler)


__all__ = ["DocumentKind"]
