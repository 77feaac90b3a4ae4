"""The insured's notes on a buyer and the insurer's payment experience per buyer."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.tenancy import TenantOwned


class BuyerNote(TenantOwned):
    """A note the insured keeps on a buyer (a call, a visit, a promise to pay): the insured's alone."""

    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="notes")
    text = models.TextField(_("note"))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("buyer note")
        verbose_name_plural = _("buyer notes")
        indexes = [models.Index(fields=["tenant", "buyer", "-created_at"], name="buyer_note_newest_idx")]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="buyer_note_not_empty")]

    def __str__(self):
        return f"{self.buyer_id}: {self.text[:40]}"


class PaymentExperience(models.Model):
    """How a buyer pays, from the paid invoices every insured reported in its overdues: kept by the insurer,
    shown to an insured only in aggregate and only when enough insureds report (MIN_REPORTING_INSUREDS).

    Written by the nightly job (claims.overdues.payment_experience), one row per buyer with a paid invoice;
    the days are weighted by amount, converted to the reporting currency.
    """

    buyer = models.OneToOneField("buyers.Buyer", on_delete=models.CASCADE, related_name="payment_experience")
    computed_on = models.DateField(_("computed on"))
    paid_invoices = models.PositiveIntegerField(_("paid invoices"))
    paid_late = models.PositiveIntegerField(_("paid after their due date"))
    reporting_insureds = models.PositiveIntegerField(_("reporting insureds"))
    # None when no amount could be converted to the reporting currency.
    days_beyond_terms_avg = models.DecimalField(_("average days beyond terms"), max_digits=7, decimal_places=1,
                                                null=True, blank=True)
    # The trend: invoices paid in the last 6 months against the 6 months before.
    recent_days_avg = models.DecimalField(_("last 6 months"), max_digits=7, decimal_places=1, null=True, blank=True)
    previous_days_avg = models.DecimalField(_("6 months before"), max_digits=7, decimal_places=1, null=True,
                                            blank=True)

    class Meta:
        verbose_name = _("payment experience")
        verbose_name_plural = _("payment experience")
        constraints = [
            models.CheckConstraint(condition=Q(paid_late__lte=models.F("paid_invoices")),
                                   name="payment_experience_late_within_paid"),
            models.CheckConstraint(condition=Q(reporting_insureds__gte=1, paid_invoices__gte=1),
                                   name="payment_experience_reported"),
        ]

    def __str__(self):
        return f"{self.buyer_id}: {self.days_beyond_terms_avg} days on {self.paid_invoices} invoices"
