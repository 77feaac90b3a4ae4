"""Writes of the credit file: the insured's notes, the insurer's payment-experience summary."""

from dataclasses import dataclass
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


FIGURES = [name for name in PaymentExperienceRow.__dataclass_fields__ if name != "buyer_id"]


@transaction.atomic
def replace_payment_experience(*, rows: list[PaymentExperienceRow], computed_on: date) -> None:
    """Make the summary exactly `rows`, computed on `computed_on`: new buyers inserted, changed figures updated,
    buyers no longer reported removed, in batches; unchanged rows are not rewritten (one UPDATE dates them all),
    so a second run the same night writes nothing but that date."""
    existing = {values[0]: values[1:] for values in
                PaymentExperience.objects.values_list("buyer_id", "pk", *FIGURES).iterator(chunk_size=BATCH)}
    new, changed = [], []
    for row in rows:
        values = {name: getattr(row, name) for name in FIGURES}
        found = existing.pop(row.buyer_id, None)
        if found is None:
            new.append(PaymentExperience(buyer_id=row.buyer_id, computed_on=computed_on, **values))
        elif tuple(found[1:]) != tuple(values.values()):
            changed.append(PaymentExperience(pk=found[0], buyer_id=row.buyer_id, **values))
    stale = [found[0] for found in existing.values()]
    for start in range(0, len(stale), BATCH):
        PaymentExperience.objects.filter(pk__in=stale[start:start + BATCH]).delete()
    PaymentExperience.objects.bulk_update(changed, FIGURES, batch_size=BATCH)
    PaymentExperience.objects.exclude(computed_on=computed_on).update(computed_on=computed_on)
    PaymentExperience.objects.bulk_create(new, batch_size=BATCH)
