"""Recoveries on claims, collection costs, the insured's settlements, and collection cases."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.amounts import amount_column
from core.tenancy import TenantOwned


class Recovery(TenantOwned):
    """Money recovered on a claim's debt. Append-only: a mistake is corrected by a reversal row."""

    class Source(models.TextChoices):
        BUYER = "buyer", _("Buyer (paid to the insurer)")
        LIQUIDATOR = "liquidator", _("Liquidator or administrator")
        COLLECTION_AGENCY = "collection_agency", _("Collection agency")
        INSURED_DIRECT = "insured_direct", _("Received directly by the insured")

    class Phase(models.TextChoices):
        # Fixed when recorded: before payment it reduced the loss; after payment it is shared.
        BEFORE_PAYMENT = "before_payment", _("Before the indemnity was paid")
        AFTER_PAYMENT = "after_payment", _("After the indemnity was paid")

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="recoveries")
    received_on = models.DateField(_("received on"))
    amount = amount_column(_("amount"))
    currency = models.CharField(_("currency"), max_length=3)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "pk"]
        verbose_name = _("recovery")
        verbose_name_plural = _("recoveries")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="recovery_amount_positive"),
            models.CheckConstraint(
                condition=Q(source__in=["buyer", "liquidator", "collection_agency", "insured_direct"]),
                name="recovery_source_valid"),
            models.CheckConstraint(condition=Q(phase__in=["before_payment", "after_payment"]),
                                   name="recovery_phase_valid"),
        ]
        permissions = [("record_recovery", "Can record recoveries and collection costs"),
                       ("declare_direct_receipt", "Can declare money received directly from the buyer")]

    def __str__(self):
        return f"{self.amount} {self.currency} on {self.received_on}"


class CollectionCost(TenantOwned):
    class Kind(models.TextChoices):
        LEGAL_FEES = "legal_fees", _("Legal fees")
        AGENCY_COMMISSION = "agency_commission", _("Collection agency commission")
        OTHER = "other", _("Other collection cost")

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="collection_costs")
    incurred_on = models.DateField(_("incurred on"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amount = amount_column(_("amount"))
    currency = models.CharField(_("currency"), max_length=3)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["incurred_on", "pk"]
        verbose_name = _("collection cost")
        verbose_name_plural = _("collection costs")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="collection_cost_positive"),
            models.CheckConstraint(condition=Q(kind__in=["legal_fees", "agency_commission", "other"]),
                                   name="collection_cost_kind_valid"),
        ]


class Settlement(TenantOwned):
    """Money passed between insurer and insured to square the recovery ledger.

    `to_insurer`: the insured hands over the insurer's share of what it received
    directly; otherwise the insurer pays out the insured's share of what it recovered.
    """

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="settlements")
    settled_on = models.DateField(_("settled on"))
    amount = amount_column(_("amount"))
    currency = models.CharField(_("currency"), max_length=3)
    to_insurer = models.BooleanField(_("paid by the insured to the insurer"))
    reference = models.CharField(_("reference"), max_length=60, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["settled_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="settlement_positive")]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")


class CollectionCase(TenantOwned):
    """A debt handed to collection: on a claim, or on an overdue before any claim. Visible to the insured."""

    class Status(models.TextChoices):
        IN_COLLECTION = "in_collection", _("In collection")
        PAYMENT_PLAN = "payment_plan", _("Payment plan agreed")
        LEGAL_ACTION = "legal_action", _("Legal action")
        CLOSED = "closed", _("Closed")

    overdue = models.ForeignKey("claims.Overdue", on_delete=models.PROTECT, related_name="collection_cases")
    claim = models.ForeignKey("claims.Claim", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="collection_cases")
    agency = models.CharField(_("collection agency or lawyer"), max_length=120, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_COLLECTION)
    status_note = models.CharField(_("latest note"), max_length=300, blank=True)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("collection case")
        verbose_name_plural = _("collection cases")
        constraints = [
            models.UniqueConstraint(fields=["overdue"], condition=~Q(status="closed"),
                                    name="one_open_collection_case_per_overdue"),
            models.CheckConstraint(
                condition=Q(status__in=["in_collection", "payment_plan", "legal_action", "closed"]),
                name="collection_status_valid"),
            models.CheckConstraint(condition=~Q(status="closed") | Q(closed_on__isnull=False),
                                   name="collection_closed_has_date"),
        ]
        permissions = [("manage_collection", "Can hand debts to collection and update their status")]
