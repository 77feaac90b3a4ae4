"""Reads of the shared buyer registry, as a tenant may see it."""

from django.db.models import Q, QuerySet

from buyers.models import Buyer, BuyerIdentifier
from buyers.normalize import compact, normalize

# Up to this many buyers matching a search are passed to the database as a list of ids.
MATCHING_BUYER_IDS = 1000


def buyers_visible_to(*, tenant) -> QuerySet[Buyer]:
    """Confirmed buyers, plus the pending proposals this tenant made itself.

    Another insured's pending proposal would reveal whom it sells to.
    """
    visible = Q(status=Buyer.Status.CONFIRMED)
    if tenant is not None:
        # Without a tenant, `proposed_by_tenant=None` would match the insurer's own pending entries.
        visible |= Q(status=Buyer.Status.PENDING, proposed_by_tenant=tenant)
    return Buyer.objects.exclude(status=Buyer.Status.MERGED).filter(visible)


def is_visible_to(*, buyer: Buyer, tenant) -> bool:
    if buyer.status == Buyer.Status.CONFIRMED:
        return True
    return buyer.status == Buyer.Status.PENDING and tenant is not None and buyer.proposed_by_tenant_id == tenant.pk


def matching_query(qs: QuerySet[Buyer], query: str) -> QuerySet[Buyer]:
    """Narrow `qs` to buyers matching every term of `query` by name or identifier.

    A term matches when all its words are in the normalised names (case and accents
    ignored), or when its compacted form ('b-12.345' -> 'b12345') is in an identifier.
    """
    for term in (query or "").split():
        words = normalize(term).split()
        ident = compact(term)
        term_matches = Q()
        for word in words:
            term_matches &= Q(search_text__contains=word)
        if ident.isalnum():
            # The identifiers' holders as plain ids, not a correlated EXISTS: on PostgreSQL the OR of the
            # trigram-indexed LIKEs and a list of ids is answered from indexes (a bitmap OR), where an
            # EXISTS per row would read every buyer.
            holders = list(BuyerIdentifier.objects.filter(value=ident).values_list("buyer_id", flat=True)[:1000])
            by_identifier = Q(search_text__contains=ident.lower()) | Q(pk__in=holders)
            term_matches = (term_matches | by_identifier) if words else by_identifier
        elif not words:
            continue  # a lone '&' or '-' says nothing
        qs = qs.filter(term_matches)
    return qs


def search_buyers(*, tenant, query: str = "", country: str | None = None) -> QuerySet[Buyer]:
    """Every term of the query must match a name or an identifier, ignoring case and accents."""
    qs = buyers_visible_to(tenant=tenant)
    if country:
        qs = qs.filter(country=country.strip().upper())
    return matching_query(qs, query).order_by("legal_name", "pk")


def find_by_registration(*, country: str, registration_number: str) -> Buyer | None:
    number = compact(registration_number)
    if not number:
        return None
    return Buyer.objects.filter(country=country.upper(), registration_number=number).order_by("pk").first()


def find_by_identifier(*, type: str, country: str, value: str, issuer: str = "") -> Buyer | None:
    """The buyer holding this typed identifier (it may have moved there from a merged duplicate)."""
    value = compact(value)
    if not value:
        return None
    ident = (
        BuyerIdentifier.objects.filter(type=type, issuer=issuer, country=country.upper(), value=value)
        .select_related("buyer")
        .first()
    )
    return ident.buyer if ident is not None else None


def find_by_vat(*, country: str, vat_number: str) -> Buyer | None:
    number = compact(vat_number)
    if not number:
        return None
    qs = Buyer.objects.exclude(status=Buyer.Status.MERGED).filter(country=country.upper(), vat_number=number)
    return qs.order_by("pk").first()


def matching_buyer_or_reference(qs: QuerySet, q: str) -> QuerySet:
    """Narrow a list of rows with a `buyer` and a `reference` (limits, overdues) to those whose reference
    contains `q` or whose buyer matches it as in the buyer search (`matching_query`)."""
    q = (q or "").strip()
    if not q:
        return qs
    # The registry is shared, so the buyers matched reveal nothing: `qs` is already the tenant's.
    buyers = matching_query(Buyer.objects.all(), q).values("pk")
    # Few matching buyers (the usual search) as a list of ids: the database then ORs two indexes (buyer,
    # trigram on reference) and sorts a handful of rows. Many (a common word) stay a subquery: the
    # newest-first index then finds a page of matches at once.
    ids = list(buyers.order_by()[:MATCHING_BUYER_IDS + 1].values_list("pk", flat=True))
    by_buyer = Q(buyer_id__in=ids) if len(ids) <= MATCHING_BUYER_IDS else Q(buyer__in=buyers)
    return qs.filter(Q(reference__icontains=q) | by_buyer)



def proposal_buyers(*, tenant, ids) -> dict[int, tuple[str, str]]:
    """The registry buyers a proposal names (policies.proposals.buyer_lookup), those the tenant may see."""
    rows = buyers_visible_to(tenant=tenant).filter(pk__in=ids).values_list("pk", "legal_name", "country")
    return {pk: (name, str(country)) for pk, name, country in rows}
