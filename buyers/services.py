"""Writes on the buyer registry: proposals, confirmation, grading, merging."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from buyers.models import (
    GRADE_BEST,
    GRADE_INSOLVENT,
    Buyer,
    BuyerGrade,
    BuyerIdentifier,
    BuyerNote,
    CountryRisk,
    PaymentExperience,
)
from buyers.normalize import compact
from buyers.selectors import find_by_identifier, find_by_registration, find_by_vat, is_visible_to
from buyers.signals import buyers_merging
from core.exceptions import DomainError
from core.tenancy import scopes_disabled


class DuplicateBuyer(DomainError):
    """The buyer is already in the registry; `buyer` is it when the tenant may see it, else None."""

    def __init__(self, message, *, buyer: Buyer | None = None, field: str | None = None):
        super().__init__(message, field=field, code="duplicate_buyer")
        self.buyer = buyer


def check_grade(grade) -> None:
    if isinstance(grade, bool) or not isinstance(grade, int) or not GRADE_BEST <= grade <= GRADE_INSOLVENT:
        raise DomainError(_("A buyer grade is a whole number from 1 (best) to 10 (insolvent)."), field="grade")


def check_country_risk_grade(grade) -> None:
    if isinstance(grade, bool) or not isinstance(grade, int) or not 1 <= grade <= 7:
        raise DomainError(_("A country risk grade is from 1 (lowest) to 7 (highest)."), field="grade")


def _check_country(country) -> str:
    code = str(country or "").strip().upper()
    if not code:
        raise DomainError(_("The buyer's country is required."), field="country")
    if code not in countries:
        raise DomainError(_("Unknown country code (ISO 3166-1 alpha-2)."), field="country")
    return code


def _duplicate(existing: Buyer, *, tenant, field: str) -> DuplicateBuyer:
    """Name the existing buyer only if this tenant may see it.

    Another insured's pending proposal stays anonymous: naming it would tell whom that insured sells to.
    """
    if tenant is None or is_visible_to(buyer=existing, tenant=tenant):
        return DuplicateBuyer(
            _("This buyer is already in the registry (%(name)s): request a limit on it instead.")
            % {"name": existing.legal_name},
            buyer=existing, field=field,
        )
    return DuplicateBuyer(
        _("This buyer was already proposed and is waiting for identification by the insurer."), field=field
    )


def _save_or_duplicate(buyer: Buyer, message: str) -> None:
    """Save the buyer; an identity taken meanwhile (the database's unique constraint) is a DuplicateBuyer."""
    try:
        with transaction.atomic():
            buyer.save()
    except IntegrityError as exc:
        raise DuplicateBuyer(message, field="registration_number") from exc


@transaction.atomic
def propose_buyer(
    *, tenant, legal_name: str, country: str, registration_number: str = "", vat_number: str = "",
    lei: str = "", sector_nace: str = "", address: str = "", city: str = "", postal_code: str = "",
    trading_name: str = "",
) -> Buyer:
    """An insured proposes a buyer not yet in the registry; it waits for identification."""
    legal_name = (legal_name or "").strip()
    if not legal_name:
        raise DomainError(_("The buyer's legal name is required."), field="legal_name")
    country = _check_country(country)
    if not compact(registration_number) and not compact(vat_number):
        raise DomainError(
            _("Give the buyer's national registration number or VAT number, so it can be identified."),
            field="registration_number",
        )
    existing = find_by_registration(country=country, registration_number=registration_number) or find_by_identifier(
        type=BuyerIdentifier.Type.NATIONAL, country=country, value=registration_number
    )
    if existing is not None:
        raise _duplicate(existing, tenant=tenant, field="registration_number")
    existing = find_by_vat(country=country, vat_number=vat_number) or find_by_identifier(
        type=BuyerIdentifier.Type.VAT, country=country, value=vat_number
    )
    if existing is not None:
        raise _duplicate(existing, tenant=tenant, field="vat_number")
    buyer = Buyer(
        legal_name=legal_name, trading_name=trading_name, country=country,
        registration_number=registration_number, vat_number=vat_number, lei=lei, sector_nace=sector_nace,
        address=address, city=city, postal_code=postal_code, status=Buyer.Status.PENDING,
        proposed_by_tenant=tenant,
    )
    try:
        buyer.full_clean(exclude=["search_text"], validate_constraints=False)
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
    # A concurrent proposal of the same buyer loses on the unique constraint, not with a 500.
    _save_or_duplicate(buyer, _("This buyer was just added to the registry: search for it again."))
    _sync_identifiers(buyer, tenant=tenant)
    return buyer


def check_identity_is_free(
    *, buyer_pk: int | None, country: str, registration_number: str = "", vat_number: str = "", lei: str = ""
) -> None:
    """No other buyer may hold these numbers: a second entry for one company would split its limits."""
    country = str(country or "").upper()
    for field, type_, value in (
        ("registration_number", BuyerIdentifier.Type.NATIONAL, registration_number),
        ("vat_number", BuyerIdentifier.Type.VAT, vat_number),
        ("lei", BuyerIdentifier.Type.LEI, lei),
    ):
        holder = find_by_identifier(type=type_, country=country, value=value)
        if holder is None and field == "registration_number":
            holder = find_by_registration(country=country, registration_number=value)
        elif holder is None and field == "vat_number":
            holder = find_by_vat(country=country, vat_number=value)
        if holder is not None and holder.pk != buyer_pk:
            raise _duplicate(holder, tenant=None, field=field)


@transaction.atomic
def update_buyer_identity(*, buyer: Buyer) -> Buyer:
    """Save an underwriter's edit of names, identifiers or address (never grade or status)."""
    check_identity_is_free(
        buyer_pk=buyer.pk, country=buyer.country.code, registration_number=buyer.registration_number,
        vat_number=buyer.vat_number, lei=buyer.lei,
    )
    _save_or_duplicate(buyer, _("Another buyer already has this registration number in this country."))
    _sync_identifiers(buyer)
    return buyer


def _sync_identifiers(buyer: Buyer, *, tenant=None) -> None:
    """The identity fields are also kept as typed identifiers (unique per type and country)."""
    for type_, value in (
        (BuyerIdentifier.Type.NATIONAL, buyer.registration_number),
        (BuyerIdentifier.Type.VAT, buyer.vat_number),
        (BuyerIdentifier.Type.LEI, buyer.lei),
    ):
        if value:
            taken = BuyerIdentifier.objects.filter(type=type_, issuer="", country=buyer.country, value=value)
            holder = taken.exclude(buyer=buyer).select_related("buyer").first()
            if holder is not None:
                field = {"vat": "vat_number", "lei": "lei"}.get(type_, "registration_number")
                if tenant is not None:
                    raise _duplicate(holder.buyer, tenant=tenant, field=field)
                raise DuplicateBuyer(
                    _("Another buyer already has this %(type)s.") % {"type": BuyerIdentifier.Type(type_).label},
                    buyer=holder.buyer, field=field,
                )
            BuyerIdentifier.objects.get_or_create(buyer=buyer, type=type_, issuer="", country=buyer.country, value=value)


@transaction.atomic
def add_identifier(*, buyer: Buyer, type: str, value: str, country: str | None = None, issuer: str = "") -> BuyerIdentifier:
    if not compact(value):
        raise DomainError(_("The identifier is empty."), field="value")
    ident = BuyerIdentifier(buyer=buyer, type=type, value=value, country=country or buyer.country, issuer=issuer)
    if BuyerIdentifier.objects.filter(type=type, issuer=issuer, country=ident.country, value=compact(value)).exists():
        raise DomainError(_("This identifier already belongs to a buyer."), field="value", code="duplicate_buyer")
    ident.save()
    return ident


@transaction.atomic
def confirm_buyer(*, buyer: Buyer, grade: int | None = None, graded_by=None) -> Buyer:
    buyer = Buyer.objects.select_for_update().get(pk=buyer.pk)
    if buyer.status == Buyer.Status.MERGED:
        raise DomainError(_("A merged buyer cannot be confirmed."))
    buyer.status = Buyer.Status.CONFIRMED
    buyer.save(update_fields=["status", "updated_at"])
    if grade is not None:
        buyer = grade_buyer(buyer=buyer, grade=grade, graded_by=graded_by, reason=_("Identification"))
    return buyer


@transaction.atomic
def grade_buyer(*, buyer: Buyer, grade: int, graded_by=None, reason: str = "", graded_on: date | None = None) -> Buyer:
    """Grade a buyer; the grade history keeps every change (the review job reads grades >= 8)."""
    check_grade(grade)
    buyer = Buyer.objects.select_for_update().get(pk=buyer.pk)
    if buyer.status == Buyer.Status.MERGED:
        raise DomainError(_("A merged buyer cannot be graded: grade the buyer it was merged into."))
    graded_on = graded_on or timezone.localdate()
    BuyerGrade.objects.create(
        buyer=buyer, grade=grade, previous_grade=buyer.grade, graded_on=graded_on, graded_by=graded_by, reason=reason
    )
    buyer.grade = grade
    buyer.grade_date = graded_on
    buyer.save(update_fields=["grade", "grade_date", "updated_at"])
    return buyer


@transaction.atomic
def merge_buyers(*, source: Buyer, target: Buyer, merged_by=None) -> Buyer:
    """Merge a duplicate into the buyer that stays: identifiers, grades and every row naming it move over.

    Refused (a DomainError, nothing moved) where the survivor would hold two current limits on one policy
    or two open overdues on one policy (domain.md, Credit limits).
    """
    if source.pk == target.pk:
        raise DomainError(_("A buyer cannot be merged into itself."))
    source, target = (Buyer.objects.select_for_update().get(pk=b.pk) for b in (source, target))
    if source.status == Buyer.Status.MERGED or target.status == Buyer.Status.MERGED:
        raise DomainError(_("One of these buyers was already merged."))
    # Buyers loaded without identifiers (imports, seeds) keep their numbers findable on the target.
    for type_, value in (
        (BuyerIdentifier.Type.NATIONAL, source.registration_number),
        (BuyerIdentifier.Type.VAT, source.vat_number),
        (BuyerIdentifier.Type.LEI, source.lei),
    ):
        if value and not BuyerIdentifier.objects.filter(type=type_, issuer="", country=source.country, value=value).exists():
            BuyerIdentifier.objects.create(buyer=source, type=type_, issuer="", country=source.country, value=value)
    for ident in source.identifiers.all():
        clash = BuyerIdentifier.objects.filter(
            buyer=target, type=ident.type, issuer=ident.issuer, country=ident.country, value=ident.value
        ).exists()
        if clash:
            ident.delete()
        else:
            ident.buyer = target
            ident.save(update_fields=["buyer"])
    BuyerGrade.objects.filter(buyer=source).update(buyer=target)
    # Apps below buyers move their rows (limits, overdues, claims ...) and may refuse, which undoes the whole
    # merge. The registry is the insurer's: every insured's rows move (each keeps its tenant), so the receivers
    # run unscoped even when the merge is called inside one tenant's scope.
    with scopes_disabled():
        buyers_merging.send(sender=Buyer, source=source, target=target)
        # The insureds' notes follow the buyer, each its insured's; the payment experience is the target's from
        # the next nightly run, which reads the moved invoices.
        BuyerNote.objects.filter(buyer=source).update(buyer=target)
    PaymentExperience.objects.filter(buyer=source).delete()
    source.status = Buyer.Status.MERGED
    source.merged_into = target
    # The registration number moves to the target's identifiers; free it for the unique constraint.
    source.registration_number = ""
    source.save(update_fields=["status", "merged_into", "registration_number", "updated_at"])
    if target.status == Buyer.Status.PENDING:
        target.status = Buyer.Status.CONFIRMED
        target.save(update_fields=["status", "updated_at"])
    return target


@transaction.atomic
def set_country_risk(*, country: str, grade: int, note: str = "", graded_on: date | None = None) -> CountryRisk:
    """Grade a country's risk (the scorecard reads it); a country graded before is graded again."""
    country = _check_country(country)
    check_country_risk_grade(grade)
    risk, _created = CountryRisk.objects.update_or_create(
        country=country, defaults={"grade": grade, "note": note, "graded_on": graded_on or timezone.localdate()}
    )
    return risk


@transaction.atomic
def save_country_risk(*, risk: CountryRisk) -> CountryRisk:
    """An underwriter's edit of a country risk in the admin."""
    check_country_risk_grade(risk.grade)
    risk.save()
    return risk


@transaction.atomic
def set_buyer_kind(*, buyer: Buyer, kind: str, reason: str, changed_by=None) -> Buyer:
    """What kind of buyer it is (a company, a private individual, a public buyer): the terms may exclude a kind
    (PolicyTerms.buyer_exclusion), so the change is kept in the buyer's history with who made it and why."""
    if kind not in Buyer.Kind.values:
        raise DomainError(_("Choose one of the kinds of buyer."), field="kind")
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for the change of kind."), field="reason")
    buyer = Buyer.objects.select_for_update().get(pk=buyer.pk)
    if buyer.status == Buyer.Status.MERGED:
        raise DomainError(_("A merged buyer cannot be changed: change the buyer it was merged into."))
    if buyer.kind != kind:
        buyer.kind = kind
        buyer._history_user, buyer._change_reason = changed_by, reason.strip()
        buyer.save(update_fields=["kind", "updated_at"])
    return buyer
