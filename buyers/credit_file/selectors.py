"""Reads of the credit file: the insured's (its own rows in full, the insurer's grade, the insurer's payment
experience in aggregate only) and the insurer's across insureds. Each list is capped with its count."""

from dataclasses import dataclass, field
from datetime import date

from django.shortcuts import get_object_or_404
from django.utils import timezone

from buyers.credit_file.models import BuyerNote, PaymentExperience
from buyers.credit_file.registry import capped, sections
from buyers.models import Buyer, BuyerGrade
from buyers.selectors import buyers_visible_to

# The insurer's aggregate is shown to an insured only when at least this many insureds report on the buyer:
# with fewer, the figures would be one or two other insureds' own payment records.
MIN_REPORTING_INSUREDS = 3


@dataclass
class CreditFile:
    buyer: Buyer
    grades: dict
    payment_experience: PaymentExperience | None
    notes: dict | None = None  # the insured's own; None on the insurer's file
    sections: list = field(default_factory=list)  # [(CreditFileSection, data)]
    can_add_note: bool = False

    def section(self, key: str) -> dict | None:
        return next((data for section, data in self.sections if section.key == key), None)


def _payment_experience(buyer: Buyer, *, for_insured: bool) -> PaymentExperience | None:
    experience = PaymentExperience.objects.filter(buyer=buyer).first()
    if for_insured and experience is not None and experience.reporting_insureds < MIN_REPORTING_INSUREDS:
        return None
    return experience


def visible_buyer(*, tenant, buyer_id: int) -> Buyer:
    """A buyer the insured may see (confirmed, or its own proposal); 404 otherwise."""
    return get_object_or_404(buyers_visible_to(tenant=tenant), pk=buyer_id)


def notes_of(*, tenant, buyer) -> dict:
    return capped(BuyerNote.objects.filter(tenant=tenant, buyer=buyer).select_related("written_by"))


def tenant_credit_file(*, tenant, user, buyer_id: int, on: date | None = None) -> CreditFile:
    """The insured's credit file on a buyer it may see; 404 otherwise. Runs in the tenant's scope."""
    on = on or timezone.localdate()
    buyer = get_object_or_404(buyers_visible_to(tenant=tenant).prefetch_related("identifiers"), pk=buyer_id)
    return CreditFile(
        buyer=buyer,
        grades=capped(BuyerGrade.objects.filter(buyer=buyer).only("grade", "previous_grade", "graded_on", "buyer")),
        payment_experience=_payment_experience(buyer, for_insured=True),
        notes=notes_of(tenant=tenant, buyer=buyer),
        sections=[(section, section.for_tenant(tenant=tenant, user=user, buyer=buyer, on=on)) for section in sections()],
        can_add_note=user.has_perm("buyers.add_buyernote"),
    )


def insurer_credit_file(*, buyer_id: int, on: date | None = None) -> CreditFile:
    """The insurer's file on a buyer across every insured (the admin and the insurer API); runs unscoped."""
    on = on or timezone.localdate()
    buyer = get_object_or_404(Buyer.objects.prefetch_related("identifiers"), pk=buyer_id)
    return CreditFile(
        buyer=buyer,
        grades=capped(BuyerGrade.objects.filter(buyer=buyer).select_related("graded_by")),
        payment_experience=_payment_experience(buyer, for_insured=False),
        sections=[(section, section.for_insurer(buyer=buyer, on=on)) for section in sections()],
    )
