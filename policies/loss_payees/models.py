"""A financing bank as loss payee: the indemnity on one buyer, or on the whole policy, is assigned to it.

Banks finance the insured's receivables against the credit insurance (seeds 002 and 003): the policy is
endorsed so that the indemnity is paid to the bank, and the bank is told of what happens to the cover it
lends on. An assignment is dated like the terms: it runs from `effective_from` until it is released
(`ended_on`, the last day it applies); one on a buyer comes before one on the whole policy.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import TenantOwned


class LossPayee(TenantOwned):
    policy = models.ForeignKey("policies.Policy", on_delete=models.PROTECT, related_name="loss_payees",
                               verbose_name=_("policy"))
    # Empty: the whole policy (every buyer without an assignment of its own).
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name=_("buyer"))
    bank_name = models.CharField(_("bank"), max_length=200)
    iban = models.CharField(_("IBAN"), max_length=34, help_text=_("The account the indemnity is paid to."))
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"))
    # The language the bank's e-mails are written in (a code of settings.LANGUAGES).
    language = models.CharField(_("language"), max_length=10, default="en")
    # The bank's own receiver: a webhook endpoint of the tenant narrowed to what this assignment covers.
    webhook_endpoint = models.OneToOneField("core.WebhookEndpoint", on_delete=models.SET_NULL, null=True,
                                            blank=True, related_name="loss_payee", editable=False)
    effective_from = models.DateField(_("effective from"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True,
                                help_text=_("The last day the assignment applies; empty while it runs."))
    reason = models.CharField(_("reason"), max_length=300)
    release_reason = models.CharField(_("reason for the release"), max_length=300, blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from", "-pk"]
        verbose_name = _("loss payee")
        verbose_name_plural = _("loss payees")
        constraints = [
            models.CheckConstraint(condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("effective_from")),
                                   name="loss_payee_ends_after_it_starts"),
            models.CheckConstraint(condition=~Q(bank_name="") & ~Q(iban="") & ~Q(contact_email=""),
                                   name="loss_payee_names_bank_account_and_contact"),
            # One running assignment per buyer, and one for the whole policy (the service also refuses overlaps
            # of dated assignments; these catch two running at once, whatever the path).
            models.UniqueConstraint(fields=["policy", "buyer"], condition=Q(ended_on__isnull=True, buyer__isnull=False),
                                    name="loss_payee_one_running_per_buyer"),
            models.UniqueConstraint(fields=["policy"], condition=Q(ended_on__isnull=True, buyer__isnull=True),
                                    name="loss_payee_one_running_per_policy"),
        ]

    def __str__(self):
        return f"{self.bank_name} ({self.iban})"

    def applies_on(self, day) -> bool:
        return self.effective_from <= day and (self.ended_on is None or day <= self.ended_on)


class LossPayeeNotice(TenantOwned):
    """What the bank was told by e-mail, once per event: the event's code and facts, written in the bank's
    language when the e-mail is sent (never a finished English sentence)."""

    payee = models.ForeignKey(LossPayee, on_delete=models.CASCADE, related_name="notices")
    event = models.CharField(max_length=60)
    # The event's own id (the webhook event id): the same event never writes twice.
    event_key = models.CharField(max_length=100)
    params = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice to the loss payee")
        verbose_name_plural = _("notices to the loss payee")
        constraints = [models.UniqueConstraint(fields=["payee", "event_key"], name="loss_payee_notice_once")]
