"""A batch of golden-copy records matched to the registry in one query and written in a constant number.

Only confirmed buyers are matched (pending proposals are an insured's, not yet the registry's; merged ones
are gone). By LEI first; else, for a buyer without an LEI, by its country and national registration number
against the record's registration authority entity id. An LEI whose check digits are wrong (ISO 17442) is
skipped with its line. A record changes a buyer only where GLEIF says something else than the registry
(legal name, the two statuses, the LEI it lacked): a second run of the same file writes nothing.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from buyers.gleif.records import Record
from buyers.models import Buyer, BuyerIdentifier
from core.imports import bulk
from core.imports.history import copy_history

# Always the same columns: one UPDATE per batch whatever each record changes.
_UPDATED_FIELDS = ["legal_name", "lei", "lei_registration_status", "lei_entity_status", "search_text", "updated_at"]


@dataclass
class Summary:
    rows: int = 0
    buyers_updated: int = 0
    names_updated: int = 0
    statuses_updated: int = 0
    leis_added: int = 0
    unmatched: int = 0
    lapsed_on_buyers: int = 0  # matched buyers whose LEI is not ISSUED or whose entity is INACTIVE
    conflicts: list[tuple[int, str]] = field(default_factory=list)  # (line, LEI) another buyer already holds
    invalid: list[tuple[int, str]] = field(default_factory=list)  # (line, LEI)
    by_status: Counter = field(default_factory=Counter)  # every valid row, by Registration.RegistrationStatus
    # Buyers given an LEI by this run: a second record with the same registration number is a conflict.
    given_lei: set = field(default_factory=set)


def _candidates(records: list[Record]) -> tuple[dict[str, Buyer], dict[tuple[str, str], Buyer]]:
    leis = {rec.lei for rec in records}
    registrations = {rec.authority_entity_id for rec in records if rec.authority_entity_id}
    countries = {rec.country for rec in records if rec.authority_entity_id}
    query = Q(lei__in=leis)
    if registrations:
        query |= Q(lei="", country__in=countries, registration_number__in=registrations)
    by_lei: dict[str, Buyer] = {}
    by_registration: dict[tuple[str, str], Buyer] = {}
    for buyer in Buyer.objects.filter(query, status=Buyer.Status.CONFIRMED).order_by("pk"):
        if buyer.lei:
            by_lei.setdefault(buyer.lei, buyer)
        else:
            by_registration.setdefault((buyer.country.code, buyer.registration_number), buyer)
    return by_lei, by_registration


def _typed_holders(leis: set[str]) -> dict[str, int]:
    """LEI -> the buyer holding it as a typed identifier (the unique key leaves one holder per country)."""
    if not leis:
        return {}
    return dict(BuyerIdentifier.objects.filter(type=BuyerIdentifier.Type.LEI, issuer="", value__in=leis)
                .order_by("-pk").values_list("value", "buyer_id"))


def _refresh(buyer: Buyer, rec: Record, summary: Summary) -> bool:
    """GLEIF's name and statuses on the buyer; whether anything changed."""
    changed = False
    if rec.legal_name and buyer.legal_name != rec.legal_name:
        buyer.legal_name, changed = rec.legal_name, True
        summary.names_updated += 1
    if (buyer.lei_registration_status, buyer.lei_entity_status) != (rec.registration_status, rec.entity_status):
        buyer.lei_registration_status, buyer.lei_entity_status = rec.registration_status, rec.entity_status
        summary.statuses_updated += 1
        changed = True
    return changed


def apply_batch(records: list[Record], *, summary: Summary, dry_run: bool = False) -> None:
    summary.rows += len(records)
    valid = []
    for rec in records:
        if rec.valid:
            valid.append(rec)
            summary.by_status[rec.registration_status or "?"] += 1
        else:
            summary.invalid.append((rec.line, rec.lei))
    if not valid:
        return
    by_lei, by_registration = _candidates(valid)
    to_add = [(rec, by_registration[(rec.country, rec.authority_entity_id)]) for rec in valid
              if rec.lei not in by_lei and (rec.country, rec.authority_entity_id) in by_registration]
    typed = _typed_holders({rec.lei for rec, _buyer in to_add})
    changed: dict[int, Buyer] = {}
    identifiers: list[BuyerIdentifier] = []
    for rec in valid:
        buyer = by_lei.get(rec.lei)
        if buyer is None:
            buyer = by_registration.get((rec.country, rec.authority_entity_id)) if rec.authority_entity_id else None
            if buyer is None:
                summary.unmatched += 1
                continue
            if buyer.pk in summary.given_lei or typed.get(rec.lei, buyer.pk) != buyer.pk:
                summary.conflicts.append((rec.line, rec.lei))
                continue
            buyer.lei = rec.lei
            summary.given_lei.add(buyer.pk)
            summary.leis_added += 1
            changed[buyer.pk] = buyer
            if rec.lei not in typed:
                identifiers.append(BuyerIdentifier(buyer=buyer, type=BuyerIdentifier.Type.LEI, issuer="",
                                                   country=buyer.country, value=rec.lei))
        if rec.lapsed:
            summary.lapsed_on_buyers += 1
        if _refresh(buyer, rec, summary):
            changed[buyer.pk] = buyer
    summary.buyers_updated += len(changed)
    if not dry_run:
        _write(list(changed.values()), identifiers)


def _write(buyers: list[Buyer], identifiers: list[BuyerIdentifier]) -> None:
    now = timezone.now()
    for buyer in buyers:
        buyer.updated_at = now
        buyer.fill_search_fields()
    with transaction.atomic():
        bulk.update(Buyer, buyers, _UPDATED_FIELDS)
        bulk.insert(BuyerIdentifier, identifiers)
        copy_history(Buyer, [buyer.pk for buyer in buyers], history_type="~", when=now, user=None)
        copy_history(BuyerIdentifier, [ident.pk for ident in identifiers], history_type="+", when=now, user=None)
