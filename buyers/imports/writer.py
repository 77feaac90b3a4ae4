"""A resolved batch of buyer rows written in bulk: one insert or update per kind for the whole batch.

What the registry's services write for one buyer, set-based: the buyer (confirmed: the insurer's import
identifies it) with its search text built by `buyers.models.search_text` as `Buyer.fill_search_fields` builds
it, its identifiers kept as typed identifiers (as `_sync_identifiers` keeps them), a grade with its history
row (as `grade_buyer`), and simple-history rows ('+' for each new buyer and identifier, '~' for each buyer
updated) copied from the rows just written. An existing buyer takes the row's non-blank fields, the
identifiers it lacked and its grade.

New buyers, identifiers and grades go in as plain tuples (`bulk.insert_rows`: COPY on PostgreSQL, no model
instance per row: instances and their COPY text took ~40% of a batch); the few existing buyers are instances,
updated by one statement.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from buyers.imports.resolve import Resolved
from buyers.imports.rows import IDENTIFIER_TYPES, IDENTIFIERS, TEXT_FIELDS, BuyerRow, identity_keys
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier, search_text
from core.imports import bulk
from core.imports.history import copy_history

# Every field an update may change, always the same list: one UPDATE per batch whatever the rows change.
_UPDATED_FIELDS = [*TEXT_FIELDS, *IDENTIFIERS, "grade", "grade_date", "status", "search_text", "updated_at"]


@dataclass
class Written:
    created: int = 0
    updated: int = 0


# The columns of a new buyer, of an identifier and of a grade as the tuples below give them; the other columns
# take their defaults (kind "company", no LEI status, not merged) and the insert's moment (created_at, updated_at).
_NEW_BUYER_COLUMNS = (*TEXT_FIELDS, *IDENTIFIERS, "country", "status", "grade", "grade_date", "search_text")
_IDENTIFIER_COLUMNS = ("buyer_id", "type", "issuer", "country", "value")
_GRADE_COLUMNS = ("buyer_id", "grade", "previous_grade", "graded_on", "graded_by_id", "reason")


def write_batch(*, resolved: Resolved, requested_by, filename: str, today) -> Written:
    """Call inside the batch's transaction."""
    now = timezone.now()
    user_id = getattr(requested_by, "pk", None)
    reason = _("Imported from %(file)s") % {"file": filename or "CSV"}
    new_ids = bulk.insert_rows(Buyer, _NEW_BUYER_COLUMNS, [_new_buyer(row, today=today) for row in resolved.new])
    grades = [(pk, row.grade, None, today, user_id, reason)
              for row, pk in zip(resolved.new, new_ids, strict=True) if row.grade is not None]
    updated = []
    for row, buyer in resolved.existing:
        previous = buyer.grade
        _update(buyer, row, today=today, now=now)
        if row.grade is not None and row.grade != previous:
            grades.append((buyer.pk, row.grade, previous, today, user_id, reason))
        updated.append(buyer)
    if updated:
        bulk.update(Buyer, updated, _UPDATED_FIELDS)
    identifiers = [
        *(ident for row, pk in zip(resolved.new, new_ids, strict=True) for ident in _identifiers(row, pk, set())),
        *(ident for row, buyer in resolved.existing for ident in _identifiers(row, buyer.pk, resolved.typed)),
    ]
    identifier_ids = bulk.insert_rows(BuyerIdentifier, _IDENTIFIER_COLUMNS, identifiers)
    bulk.insert_rows(BuyerGrade, _GRADE_COLUMNS, grades)
    copy_history(Buyer, new_ids, history_type="+", when=now, user=requested_by)
    copy_history(Buyer, [buyer.pk for buyer in updated], history_type="~", when=now, user=requested_by)
    copy_history(BuyerIdentifier, identifier_ids, history_type="+", when=now, user=requested_by)
    return Written(created=len(new_ids), updated=len(updated))


def _new_buyer(row: BuyerRow, *, today) -> tuple:
    """A new buyer's values in `_NEW_BUYER_COLUMNS` order (the row's identifiers are compacted already)."""
    values = row.values
    return (*(values[name] for name in TEXT_FIELDS), *(values[name] for name in IDENTIFIERS), row.country,
            Buyer.Status.CONFIRMED.value, row.grade, today if row.grade is not None else None,
            search_text(legal_name=values["legal_name"], trading_name=values["trading_name"],
                        registration_number=values["registration_number"], vat_number=values["vat_number"],
                        lei=values["lei"]))


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


def _identifiers(row: BuyerRow, buyer_id: int, typed: set) -> list[tuple]:
    """The row's identifiers the registry does not hold as typed identifiers yet (any prefix form), as
    `_IDENTIFIER_COLUMNS` tuples."""
    return [
        (buyer_id, IDENTIFIER_TYPES[column], "", row.country, value)
        for column, value in row.identifiers()
        if not identity_keys(row.country, column, value) & typed
    ]
