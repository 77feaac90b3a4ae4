from copy import deepcopy

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.amounts import amount_column
from limits.scorecard.defaults import DEFAULT_PARAMETERS


def default_parameters() -> dict:
    return deepcopy(DEFAULT_PARAMETERS)


class Scorecard(models.Model):
    """A version of the limit scorecard: its points and thresholds, and what it may decide alone.

    Immutable once a decision used it (`first_used_at`): a decision must stay explainable by the version it
    records, so a change is a new version (the admin's "New version from this one").
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    note = models.TextField(_("what changed and why"), blank=True)
    is_active = models.BooleanField(_("active"), default=False,
                                    help_text=_("The version automatic decisions use; one at a time."))
    parameters = models.JSONField(_("points and thresholds"), default=default_parameters)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    max_automatic_amount = amount_column(
        _("largest amount decided automatically"),
        help_text=_("Larger requests are referred to an underwriter with the scorecard's suggestion."))
    buyer_exposure_cap = amount_column(
        _("insurer-wide cap per buyer"), null=True, blank=True,
        help_text=_("The insurer's total exposure allowed on one buyer, all insureds together."))
    policies = models.ManyToManyField("policies.Policy", blank=True, related_name="+", verbose_name=_("policies"),
                                      help_text=_("Empty: every policy. Other policies keep the grade matrix."))
    first_used_at = models.DateTimeField(_("first used"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        app_label = "limits"
        ordering = ["-version"]
        verbose_name = _("scorecard version")
        verbose_name_plural = _("scorecard versions")
        constraints = [
            models.UniqueConstraint(fields=["is_active"], condition=Q(is_active=True), name="scorecard_one_active"),
            models.CheckConstraint(condition=Q(max_automatic_amount__gte=0), name="scorecard_automatic_not_negative"),
            models.CheckConstraint(condition=Q(buyer_exposure_cap__isnull=True) | Q(buyer_exposure_cap__gt=0),
                                   name="scorecard_cap_positive"),
            models.CheckConstraint(condition=Q(currency__regex=r"^[A-Z]{3}$"), name="scorecard_currency_iso"),
        ]

    def __str__(self):
        return f"v{self.version} {self.name}"

    @property
    def is_used(self) -> bool:
        return self.first_used_at is not None
