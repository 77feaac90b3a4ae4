"""A resolved batch of buyer rows written in bulk: one insert or update per kind for the whole batch.

What the registry's services write for one buyer, set-based: the buyer (confirmed: the insurer's import
identifies it) with its search text built as `Buyer.fill_search_fields` builds it, its identifiers kept as
typed identifiers (as `_sync_identifiers` keeps them), a grade with its history row (as `grade_buyer`), and
simple-history rows ('+' for each new buyer and identifier, '~' for each buyer updated) copied from the rows
just written. Inserts by COPY on PostgreSQL (core.imports.bulk). An existing buyer takes the row's non-blank fields, the identifiers it lacked and its grade.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from buyers.imports.resolve import Resolved
from buyers.imports.rows import IDENTIFIER_TYPES, IDENTIFIERS, TEXT_FIELDS, BuyerRow, identity_keys
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier
from core.imports import bulk
from core.imports.history import copy_history

# Every field an update may change, always the same list: one UPDATE per batch whatever the rows change.
_UPDATED_FIELDS = [*TEXT_FIELDS, *IDENTIFIERS, "grade", "grade_date", "status", "search_text", "updated_at"]


@dataclass
class Written:
    created: int = 0
    updated: int = 0


def write_batch(*, resolved: Resolved, requested_by, filename: str, today) -> Written:
    """Call inside the batch's transaction."""
    now = timezone.now()
    reason = _("Imported from %(file)s") % {"file": filename or "CSV"}
    grades: list[BuyerGrade] = []
    new = [_new_buyer(row, today=today, now=now) for row in resolved.new]
    bulk.insert(Buyer, new)
    for row, buyer in zip(resolved.new, new, strict=True):
        if row.grade is not None:
            grades.append(BuyerGrade(buyer=buyer, grade=row.grade, graded_on=today, graded_by=requested_by,
                                     reason=reason))
    updated = []
    for row, buyer in resolved.existing:
        previous = buyer.grade
        _update(buyer, row, today=today, now=now)
        if row.grade is not None and row.grade != previous:
            grades.append(BuyerGrade(buyer=buyer, grade=row.grade, previous_grade=previous, graded_on=today,
                                     graded_by=requested_by, reason=reason))
        updated.append(buyer)
    if updated:
        bulk.update(Buyer, updated, _UPDATED_FIELDS)
    identifiers = [
        *(ident for row, buyer in zip(resolved.new, new, strict=True) for ident in _identifiers(row, buyer, set())),
        *(ident for row, buyer in resolved.existing for ident in _identifiers(row, buyer, resolved.typed)),
    ]
    bulk.insert(BuyerIdentifier, identifiers)
    bulk.insert(BuyerGrade, grades)
    copy_history(Buyer, [buyer.pk for buyer in new], history_type="+", when=now, user=requested_by)
    copy_history(Buyer, [buyer.pk for buyer in updated], history_type="~", when=now, user=requested_by)
    copy_history(BuyerIdentifier, [ident.pk for ident in identifiers], history_type="+", when=now,
                 user=requested_by)
    return Written(created=len(new), updated=len(updated))


def _new_buyer(row: BuyerRow, *, today, now) -> Buyer:
    buyer = Buyer(country=row.country, status=Buyer.Status.CONFIRMED, grade=row.grade,
                  grade_date=today if row.grade is not None else None, created_at=now, updated_at=now,
                  **row.values)
    buyer.fill_search_fields()
    return buyer


def _update(buyer: Buyer, row: BuyerRow, *, today, now) -> None:
    for name in TEXT_FIELDS:
        if row.values[name]:
            setattr(buyer, name, row.values[name])
    for name in IDENTIFIERS:
        if row.values[name] and not getattr(buyer, name):
            setattr(buyer, name, row.values[name])
    if row.grade is not None and row.grade != buyer.grade:
        buyer.grade, buyer.grade_date = row.grade, today
    if buyer.status == Buyer.Status.PENDING:
        buyer.status = Buyer.Status.CONFIRMED
    buyer.updated_at = now
    buyer.fill_search_fields()


def _identifiers(row: BuyerRow, buyer: Buyer, typed: set) -> list[BuyerIdentifier]:
    """The row's identifiers the registry does not hold as typed identifiers yet (any prefix form)."""
    return [
        BuyerIdentifier(buyer=buyer, type=IDENTIFIER_TYPES[column], issuer="", country=row.country, value=value)
        for column, value in row.identifiers()
        if not identity_keys(row.country, column, value) & typed
    ]
