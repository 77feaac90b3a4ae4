"""An alert on a buyer for one insured: a code and its parameters (translated when shown), raised once per cause."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.tenancy import TenantOwned


class AlertCode(models.TextChoices):
    GRADE_DOWNGRADE = "grade_downgrade", _("Grade downgraded")
    # The insured's own overdue on the buyer; another insured's is only ever ADVERSE_INFORMATION (never whose).
    OVERDUE_REPORTED = "overdue_reported", _("Overdue reported")
    ADVERSE_INFORMATION = "adverse_information", _("New adverse information")
    HIGH_UTILISATION = "high_utilisation", _("Limit nearly used up")
    PAYMENT_WORSENING = "payment_worsening", _("Payment behaviour worsening")
    LIMIT_EXPIRING = "limit_expiring", _("Limit expiring")
    LIMIT_UNDER_REVIEW = "limit_under_review", _("Limit under review")


class BuyerAlert(TenantOwned):
    """Raised by the daily early-warning job (buyers.monitoring.job). `cause_key` names the event that raised it
    (a grade change, an overdue, a limit's expiry ...), so a second run raises nothing: UNIQUE per tenant and
    buyer. It is never shown: for ADVERSE_INFORMATION it names another insured's overdue."""

    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.CASCADE, related_name="alerts")
    code = models.CharField(_("alert"), max_length=30, choices=AlertCode.choices)
    cause_key = models.CharField(max_length=100)
    params = models.JSONField(default=dict, blank=True)
    raised_on = models.DateField(_("raised on"))
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("buyer alert")
        verbose_name_plural = _("buyer alerts")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "buyer", "cause_key"], name="buyer_alert_once_per_cause"),
            models.CheckConstraint(condition=Q(code__in=AlertCode.values), name="buyer_alert_code_valid"),
            models.CheckConstraint(condition=~Q(cause_key=""), name="buyer_alert_has_cause"),
        ]
        indexes = [
            models.Index(fields=["tenant", "-created_at", "-id"], name="buyer_alert_tenant_newest_idx"),
            models.Index(fields=["tenant", "buyer", "read_at"], name="buyer_alert_tenant_buyer_idx"),
        ]

    def __str__(self):
        return f"{self.buyer_id}: {self.code} ({self.raised_on})"
