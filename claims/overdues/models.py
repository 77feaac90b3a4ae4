"""Overdues (management): the notification of an unpaid buyer, its invoices, payments and cover stop."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.amounts import DECIMAL_PLACES, MAX_DIGITS, amount_column
from core.tenancy import TenantOwned


class Overdue(TenantOwned):
    """The insured's notification that a buyer has not paid: one per (policy, buyer) while draft or open.

    From the notification date no new shipment to the buyer is covered until
    the overdue is cleared and an underwriter reinstates cover (limits.CoverStop).
    A draft lists unpaid invoices the insured watches before notifying: the
    insurer knows nothing of it yet, so it stops no cover and nothing is late.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft: not notified yet")
        OPEN = "open", _("Open")
        CLEARED = "cleared", _("Cleared (paid)")
        CLAIMED = "claimed", _("Claim filed")

    policy = models.ForeignKey("policies.Policy", on_delete=models.PROTECT, related_name="overdues")
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="overdues")
    reference = models.CharField(_("your reference"), max_length=60, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    currency = models.CharField(_("currency"), max_length=3)
    notified_on = models.DateField(_("notified on"), null=True, blank=True)  # None while a draft
    notified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    cleared_on = models.DateField(_("cleared on"), null=True, blank=True)
    cover_stop_id = models.BigIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # A cache of policies.deadlines for the oldest unpaid invoice, kept by claims.next_deadline whenever the
    # invoices, payments, extensions or claims change (`manage.py rebuild_claim_deadlines` recomputes it): the
    # claims page sorts by the filing window and the daily job reads only the overdues due today, by index.
    claim_window_opens = models.DateField(null=True, blank=True, editable=False)  # protracted default
    claim_filing_deadline = models.DateField(null=True, blank=True, editable=False)
    # The next day the claim deadlines job has something to tell about it, after `reminded_through` (the last
    # day the job told everything due; None once the deadlines changed, so the job looks again).
    next_deadline_on = models.DateField(null=True, blank=True, editable=False)
    reminded_through = models.DateField(null=True, blank=True, editable=False)
    # From the same cache, for the home page: the last day to notify in time, and what is unpaid on the invoices
    # (a sum of money columns, core.amounts: their places, two more digits).
    notification_deadline = models.DateField(null=True, blank=True, editable=False)
    unpaid_total = models.DecimalField(max_digits=MAX_DIGITS + 2, decimal_places=DECIMAL_PLACES, null=True,
                                       blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["claim_window_opens", "claim_filing_deadline", "next_deadline_on",
                                                 "reminded_through", "notification_deadline", "unpaid_total"])

    class Meta:
        ordering = ["-notified_on", "-pk"]
        verbose_name = _("overdue")
        verbose_name_plural = _("overdues")
        constraints = [
            # A draft counts as open: its invoices are notified by notifying the draft, not by a second overdue.
            models.UniqueConstraint(fields=["policy", "buyer"], condition=Q(state__in=["draft", "open"]),
                                    name="one_open_overdue_per_policy_buyer"),
            models.CheckConstraint(condition=Q(state__in=["draft", "open", "cleared", "claimed"]),
                                   name="overdue_state_valid"),
            # The insured's own reference tells its overdues apart (an ERP reconciles by it), as on limits.
            models.UniqueConstraint(fields=["tenant", "reference"], condition=~Q(reference=""),
                                    name="overdue_reference_unique_per_tenant"),
            # Only a draft has no notification date, or a draft paid in full before it was notified
            # (cleared without ever stopping cover).
            models.CheckConstraint(
                condition=Q(state="draft") | Q(notified_on__isnull=False) | Q(state="cleared", cover_stop_id__isnull=True),
                name="overdue_notified_unless_draft",
            ),
            models.CheckConstraint(condition=Q(unpaid_total__gte=0), name="overdue_unpaid_total_not_negative"),
        ]
        permissions = [("declare_overdue", "Can declare overdues"), ("waive_lateness", "Can waive a late notification")]
        indexes = [
            # The daily job: only the overdues whose next deadline came (claims.reminders).
            models.Index(fields=["next_deadline_on"], condition=Q(next_deadline_on__isnull=False),
                         name="overdue_next_deadline_due"),
            # The claims page: open overdues by the filing deadline, keyset (tenant, deadline, pk).
            models.Index(fields=["tenant", "claim_filing_deadline", "id"], condition=Q(state="open"),
                         name="overdue_open_by_filing_end"),
            # The overdues page's default order (drafts first, then the latest notified), read from the index.
            models.Index(fields=["tenant", "-notified_on", "-id"], name="overdue_tenant_notified"),
            # The home page: drafts by their notification deadline, open overdues by their claim window's opening
            # and by what is unpaid on them (portal.tasks, portal.charts), the few shown read from the index.
            models.Index(fields=["tenant", "notification_deadline", "id"], condition=Q(state="draft"),
                         name="overdue_draft_by_notify_end"),
            models.Index(fields=["tenant", "claim_window_opens", "claim_filing_deadline", "id"],
                         condition=Q(state="open"), name="overdue_open_by_window_start"),
            models.Index(fields=["tenant", "-unpaid_total", "id"], condition=Q(state="open"),
                         name="overdue_open_by_unpaid"),
        ]

    def __str__(self):
        return f"{self.reference or self.pk}: {self.buyer_id} on {self.policy_id}"


class Invoice(TenantOwned):
    """An unpaid invoice listed in an overdue notification."""

    overdue = models.ForeignKey(Overdue, on_delete=models.CASCADE, related_name="invoices")
    number = models.CharField(_("invoice number"), max_length=60)
    invoice_date = models.DateField(_("invoice date"))
    shipment_date = models.DateField(_("shipment date"))
    due_date = models.DateField(_("original due date"))
    # An extension beyond the allowed days counts only with the insurer's consent (domain.md, Overdues).
    extended_due_date = models.DateField(_("extended due date"), null=True, blank=True)
    extension_consented = models.BooleanField(_("extension consented by the insurer"), default=False)
    amount = amount_column(_("invoice amount"))
    outstanding = amount_column(_("outstanding amount"))
    # The day the last payment cleared it (record_payment): the payment experience reads days beyond terms
    # from it in one grouped query (claims.overdues.payment_experience).
    paid_on = models.DateField(_("paid on"), null=True, blank=True, editable=False)
    currency = models.CharField(max_length=3)
    notified_late = models.BooleanField(_("notified late"), default=False)
    lateness_waived = models.BooleanField(_("lateness waived"), default=False)
    lateness_waived_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "shipment_date", "pk"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.UniqueConstraint(fields=["overdue", "number"], name="invoice_number_unique_per_overdue"),
            models.CheckConstraint(condition=Q(due_date__gte=F("invoice_date")), name="invoice_due_not_before_issue"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="invoice_amount_positive"),
            models.CheckConstraint(condition=Q(outstanding__gte=0, outstanding__lte=F("amount")), name="invoice_outstanding_within_amount"),
            models.CheckConstraint(condition=Q(paid_on__isnull=True) | Q(outstanding=0), name="invoice_paid_has_nothing_outstanding"),
        ]

    def __str__(self):
        return self.number


class OverduePayment(TenantOwned):
    """Money the buyer paid after the overdue was notified, allocated to invoices."""

    overdue = models.ForeignKey(Overdue, on_delete=models.CASCADE, related_name="payments")
    received_on = models.DateField(_("received on"))
    amount = amount_column(_("amount"))
    currency = models.CharField(max_length=3)
    designated_invoice = models.ForeignKey(Invoice, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="overdue_payment_positive")]
        verbose_name = _("overdue payment")
        verbose_name_plural = _("overdue payments")


class PaymentAllocation(TenantOwned):
    payment = models.ForeignKey(OverduePayment, on_delete=models.CASCADE, related_name="allocations")
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="allocations")
    amount = amount_column()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="allocation_positive")]
        verbose_name = _("payment allocation")
        verbose_name_plural = _("payment allocations")

    @property
    def currency(self) -> str:
        return self.invoice.currency
