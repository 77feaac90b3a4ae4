"""A batch of buyer rows matched to the registry by their identifiers, in two queries whatever its size.

Each given identifier is looked up in the buyers' own fields (registration number, VAT number, LEI; merged
buyers left out) and in the typed identifiers (where a merged duplicate's numbers moved), same country. A row
whose identifiers point to one buyer updates it; to two buyers, or to one whose own number of that kind is a
different one, it is a row error. Nothing is written here.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from buyers.imports.rows import IDENTIFIER_TYPES, LEI, REGISTRATION, VAT, BuyerRow, RowError, identity_keys
from buyers.models import Buyer, BuyerIdentifier

_FIELD_OF_TYPE = {kind: column for column, kind in IDENTIFIER_TYPES.items()}


@dataclass
class Resolved:
    new: list[BuyerRow]
    existing: list[tuple[BuyerRow, Buyer]]
    errors: list[RowError]
    typed: set  # the (country, type, value) keys already held as typed identifiers


def _holders(rows: list[BuyerRow]) -> tuple[dict[tuple[str, str, str], Buyer], set]:
    keys = {key for row in rows for column, value in row.identifiers()
            for key in identity_keys(row.country, column, value)}
    if not keys:
        return {}, set()
    values = {kind: {value for _c, k, value in keys if k == kind} for kind in _FIELD_OF_TYPE}
    countries = {country for country, _k, _v in keys}
    found: dict[tuple[str, str, str], Buyer] = {}
    by_fields = Buyer.objects.exclude(status=Buyer.Status.MERGED).filter(country__in=countries).filter(
        Q(registration_number__in=values["national"]) | Q(vat_number__in=values["vat"]) | Q(lei__in=values["lei"]))
    for buyer in by_fields.order_by("pk"):
        for kind, column in _FIELD_OF_TYPE.items():
            value = getattr(buyer, column)
            if value:
                found.setdefault((buyer.country.code, kind, value), buyer)
    typed = (BuyerIdentifier.objects.filter(issuer="", type__in=list(_FIELD_OF_TYPE), country__in=countries,
                                            value__in={v for vs in values.values() for v in vs})
             .exclude(buyer__status=Buyer.Status.MERGED).select_related("buyer").order_by("pk"))
    typed_keys = set()
    for ident in typed:
        key = (ident.country.code, ident.type, ident.value)
        found.setdefault(key, ident.buyer)
        typed_keys.add(key)
    return {key: buyer for key, buyer in found.items() if key in keys}, typed_keys


def _contradiction(row: BuyerRow, buyer: Buyer) -> RowError | None:
    """The matched buyer holds another number of a kind the row gives: which is right is the underwriter's."""
    for column in (REGISTRATION, VAT, LEI):
        given, held = row.values[column], getattr(buyer, column)
        if given and held and given not in {held, row.country + held, held.removeprefix(row.country)}:
            return RowError(row.line, column, _(
                "The buyer %(name)s found by this row's other identifiers has %(held)s here: correct the row or "
                "the buyer in the registry.") % {"name": buyer.legal_name, "held": held})
    return None


def resolve_batch(rows: list[BuyerRow]) -> Resolved:
    holders, typed = _holders(rows)
    resolved = Resolved(new=[], existing=[], errors=[], typed=typed)
    for row in rows:
        matched = {}
        for column, value in row.identifiers():
            for key in identity_keys(row.country, column, value):
                if key in holders:
                    matched.setdefault(holders[key].pk, (column, holders[key]))
        if len(matched) > 1:
            names = ", ".join(sorted(f"{buyer.legal_name} ({buyer.pk})" for _c, buyer in matched.values()))
            column = sorted(column for column, _b in matched.values())[-1]
            resolved.errors.append(RowError(row.line, column, _(
                "These identifiers belong to different buyers (%(names)s): merge them in the registry first.")
                % {"names": names}))
        elif matched:
            (_column, buyer), = matched.values()
            problem = _contradiction(row, buyer)
            if problem:
                resolved.errors.append(problem)
            else:
                resolved.existing.append((row, buyer))
        else:
            resolved.new.append(row)
    return resolved
