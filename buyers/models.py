from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from buyers.normalize import compact, normalize

GRADE_BEST, GRADE_INSOLVENT = 1, 10


class Buyer(models.Model):
    """A company insureds sell to: one registry shared by the whole insurer (not tenant-owned)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending identification")
        CONFIRMED = "confirmed", _("Confirmed")
        MERGED = "merged", _("Merged into another buyer")

    # What a policy's terms may exclude besides countries (policies.terms.PolicyTerms.buyer_exclusion): the
    # values are the codes the terms compare, policies never importing buyers.
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        PRIVATE_INDIVIDUAL = "private_individual", _("Private individual")
        PUBLIC_BODY = "public_body", _("Public buyer (state, local authority, public body)")

    legal_name = models.CharField(_("legal name"), max_length=200)
    trading_name = models.CharField(_("trading name"), max_length=200, blank=True)
    country = CountryField(_("country"))
    registration_number = models.CharField(_("national registration number"), max_length=50, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=50, blank=True)
    lei = models.CharField(_("LEI"), max_length=20, blank=True)
    # GLEIF's word on the LEI as of the last golden-copy import (buyers.gleif): ISSUED, LAPSED, RETIRED,
    # MERGED ... and ACTIVE/INACTIVE for the entity; blank until a file carried the buyer's LEI.
    lei_registration_status = models.CharField(_("LEI registration status"), max_length=20, blank=True)
    lei_entity_status = models.CharField(_("LEI entity status"), max_length=10, blank=True)
    sector_nace = models.CharField(_("sector (NACE code)"), max_length=10, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True, help_text=_("1 (best) to 10 (insolvent)"))
    grade_date = models.DateField(_("grade date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    kind = models.CharField(_("kind of buyer"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_buyers")
    # Which insured proposed it: a pending proposal is shown to that insured only.
    proposed_by_tenant = models.ForeignKey(
        "accounts.Tenant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Normalised names and identifiers, so search ignores case and accents on every database.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["legal_name", "pk"]
        verbose_name = _("buyer")
        verbose_name_plural = _("buyers")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "registration_number"],
                condition=~Q(registration_number=""),
                name="buyer_unique_registration_per_country",
            ),
            models.CheckConstraint(
                condition=Q(grade__isnull=True) | Q(grade__gte=GRADE_BEST, grade__lte=GRADE_INSOLVENT),
                name="buyer_grade_1_10",
            ),
            models.CheckConstraint(
                condition=Q(status="merged", merged_into__isnull=False) | (~Q(status="merged") & Q(merged_into__isnull=True)),
                name="buyer_merged_has_target",
            ),
            models.CheckConstraint(condition=Q(status__in=["pending", "confirmed", "merged"]), name="buyer_status_valid"),
            models.CheckConstraint(condition=Q(kind__in=["company", "private_individual", "public_body"]),
                                   name="buyer_kind_valid"),
        ]
        permissions = [("grade_buyer", "Can grade buyers"), ("merge_buyer", "Can merge duplicate buyers")]
        # A buyer is found by its VAT number or LEI too (the buyer import matches a batch's identifiers in one
        # query; GLEIF by LEI): without these that query read the whole registry, ~140 ms a batch at 100,000
        # buyers (EXPLAIN in bench/RESULTS.md). Partial: most buyers have neither.
        indexes = [
            models.Index(fields=["country", "vat_number"], condition=~Q(vat_number=""), name="buyer_vat_idx"),
            models.Index(fields=["country", "lei"], condition=~Q(lei=""), name="buyer_lei_idx"),
        ]

    def __str__(self):
        return f"{self.legal_name} ({self.country.code})"

    def save(self, *args, **kwargs):
        self.fill_search_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def fill_search_fields(self) -> None:
        """Compact the identifiers and rebuild `search_text`; also for rows written with bulk_create."""
        self.registration_number = compact(self.registration_number)
        self.vat_number = compact(self.vat_number)
        self.lei = compact(self.lei)
        self.search_text = search_text(legal_name=self.legal_name, trading_name=self.trading_name,
                                       registration_number=self.registration_number, vat_number=self.vat_number,
                                       lei=self.lei)


def search_text(*, legal_name: str, trading_name: str, registration_number: str, vat_number: str, lei: str) -> str:
    """A buyer's `search_text` from its names and its compacted identifiers (the bulk import writes rows without
    a model instance: the same text by the same function)."""
    return " ".join(
        part
        for part in (
            normalize(legal_name),
            normalize(trading_name),
            registration_number.lower(),
            vat_number.lower(),
            lei.lower(),
        )
        if part
    )


class BuyerIdentifier(models.Model):
    """A typed identifier of a buyer (VAT, LEI, DUNS, another insurer's buyer id ...)."""

    class Type(models.TextChoices):
        NATIONAL = "national", _("National registration number")
        VAT = "vat", _("VAT number")
        LEI = "lei", _("LEI")
        DUNS = "duns", _("D-U-N-S number")
        INSURER = "insurer", _("Other insurer's buyer id")

    buyer = models.ForeignKey(Buyer, on_delete=models.CASCADE, related_name="identifiers")
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    # For INSURER ids: which insurer issued it; part of the identity.
    issuer = models.CharField(_("issuer"), max_length=100, blank=True)
    country = CountryField(_("country"))
    value = models.CharField(_("value"), max_length=60)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["type", "issuer", "country", "value"], name="buyer_identifier_unique"),
        ]
        # Search looks an identifier up by its value alone, whatever its type and country.
        indexes = [models.Index(fields=["value"], name="buyer_identifier_value_idx")]
        verbose_name = _("buyer identifier")
        verbose_name_plural = _("buyer identifiers")

    def __str__(self):
        return f"{self.get_type_display()} {self.value}"

    def save(self, *args, **kwargs):
        self.value = compact(self.value)
        super().save(*args, **kwargs)


class BuyerGrade(models.Model):
    """Append-only history of a buyer's grades: who graded, when, why."""

    buyer = models.ForeignKey(Buyer, on_delete=models.CASCADE, related_name="grades")
    grade = models.PositiveSmallIntegerField()
    previous_grade = models.PositiveSmallIntegerField(null=True, blank=True)
    graded_on = models.DateField()
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-graded_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(grade__gte=1, grade__lte=10), name="buyer_grade_history_1_10"),
        ]
        verbose_name = _("buyer grade")
        verbose_name_plural = _("buyer grades")

    def __str__(self):
        return f"{self.buyer_id}: {self.grade} on {self.graded_on}"


class CountryRisk(models.Model):
    """The insurer's risk grade per country (1 lowest to 7 highest, OECD-like)."""

    country = CountryField(_("country"), unique=True)
    grade = models.PositiveSmallIntegerField(_("country risk grade"))
    graded_on = models.DateField(_("graded on"))
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["country"]
        verbose_name = _("country risk")
        verbose_name_plural = _("country risks")
        constraints = [models.CheckConstraint(condition=Q(grade__gte=1, grade__lte=7), name="country_risk_grade_1_7")]

    def __str__(self):
        return f"{self.country.name}: {self.grade}"


# Financial statements live in their own module (buyers.financials); imported here so Django registers the model.
# The credit file's notes and the insurer's payment experience (buyers.credit_file), registered the same way.
from buyers.credit_file.models import BuyerNote, PaymentExperience  # noqa: E402,F401
from buyers.financials.models import FinancialStatement  # noqa: E402,F401
from buyers.gleif.models import GleifImportIssue, GleifImportJob  # noqa: E402,F401
from buyers.imports.models import BuyerImportError, BuyerImportJob  # noqa: E402,F401
from buyers.monitoring.models import BuyerAlert  # noqa: E402,F401
from buyers.relations import InsuredRelation  # noqa: E402,F401
