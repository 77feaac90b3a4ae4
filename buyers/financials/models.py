from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Amounts of a statement that cannot be negative; equity, net income and EBITDA can (a loss-making buyer).
NON_NEGATIVE = ("revenue", "total_assets", "current_assets", "current_liabilities")
AMOUNTS = ("revenue", "equity", "total_assets", "current_assets", "current_liabilities", "net_income", "ebitda")
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _amount(label):
    return models.DecimalField(label, max_digits=18, decimal_places=2)


class FinancialStatement(models.Model):
    """A buyer's yearly accounts as the insurer recorded them (registry-wide, not tenant-owned)."""

    class Source(models.TextChoices):
        UNDERWRITER = "underwriter", _("Recorded by an underwriter")
        CSV = "csv", _("Imported from a CSV file")

    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.CASCADE, related_name="financial_statements")
    year = models.PositiveSmallIntegerField(_("financial year"))
    currency = models.CharField(_("currency"), max_length=3)
    revenue = _amount(_("revenue"))
    equity = _amount(_("equity"))
    total_assets = _amount(_("total assets"))
    current_assets = _amount(_("current assets"))
    current_liabilities = _amount(_("current liabilities"))
    net_income = _amount(_("net income"))
    ebitda = _amount(_("EBITDA"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.UNDERWRITER)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        app_label = "buyers"
        ordering = ["buyer", "-year"]
        verbose_name = _("financial statement")
        verbose_name_plural = _("financial statements")
        constraints = [
            models.UniqueConstraint(fields=["buyer", "year"], name="financial_statement_one_per_buyer_year"),
            models.CheckConstraint(condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                                   name="financial_statement_year_plausible"),
            *[models.CheckConstraint(condition=Q(**{f"{name}__gte": 0}), name=f"financial_statement_{name}_not_negative")
              for name in NON_NEGATIVE],
            models.CheckConstraint(condition=Q(current_assets__lte=F("total_assets")),
                                   name="financial_statement_current_within_total_assets"),
            models.CheckConstraint(condition=Q(currency__regex=r"^[A-Z]{3}$"), name="financial_statement_currency_iso"),
        ]

    def __str__(self):
        return f"{self.buyer_id} {self.year} ({self.currency})"
