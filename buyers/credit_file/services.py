"""Writes of the credit file: the insured's notes, the insurer's payment-experience summary."""

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from buyers.credit_file.models import BuyerNote, PaymentExperience
from buyers.selectors import is_visible_to
from core.exceptions import DomainError

NOTE_MAX_LENGTH = 4000
BATCH = 2000


@transaction.atomic
def add_note(*, tenant, buyer, written_by, text: str) -> BuyerNote:
    """A note of the insured's on a buyer it may see (a confirmed buyer or its own proposal)."""
    text = (text or "").strip()
    if not is_visible_to(buyer=buyer, tenant=tenant):
        raise DomainError(_("Unknown buyer."), field="buyer")
    if not text:
        raise DomainError(_("Write the note."), field="text")
    if len(text) > NOTE_MAX_LENGTH:
        raise DomainError(_("A note has at most %(max)s characters.") % {"max": NOTE_MAX_LENGTH}, field="text")
    return BuyerNote.objects.create(tenant=tenant, buyer=buyer, written_by=written_by, text=text)


@dataclass(frozen=True)
class PaymentExperienceRow:
    buyer_id: int
    paid_invoices: int
    paid_late: int
    reporting_insureds: int
    days_beyond_terms_avg: Decimal | None
    recent_days_avg: Decimal | None
    previous_days_avg: Decimal | None


@transaction.atomic
def replace_payment_experience(*, rows: list[PaymentExperienceRow], computed_on: date) -> None:
    """Make the summary exactly `rows`: upserted in batches, a buyer no longer reported removed. Running it
    twice with the same rows changes nothing."""
    fields = [name for name in PaymentExperienceRow.__dataclass_fields__ if name != "buyer_id"] + ["computed_on"]
    objects = [PaymentExperience(computed_on=computed_on, **asdict(row)) for row in rows]
    PaymentExperience.objects.bulk_create(objects, batch_size=BATCH, update_conflicts=True,
                                          unique_fields=["buyer"], update_fields=fields)
    kept = {row.buyer_id for row in rows}
    stale = [pk for pk, buyer_id in PaymentExperience.objects.values_list("pk", "buyer_id") if buyer_id not in kept]
    for start in range(0, len(stale), BATCH):
        PaymentExperience.objects.filter(pk__in=stale[start:start + BATCH]).delete()
