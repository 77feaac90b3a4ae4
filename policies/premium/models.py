"""Premium (domain.md, Premium): turnover declarations and the premium settled at the end of a policy period.

Amounts are Decimal in the policy's currency (the `currency` column repeats it
so that a row reads on its own); policies.premium.calculation does the arithmetic.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from moneyed import Money
from simple_history.models import HistoricalRecords

from core.amounts import amount_column
from core.tenancy import TenantOwned
from policies.models import NON_NEGATIVE, PERCENT, Policy
from policies.premium.calculation import MONTHLY, QUARTERLY


class DeclarationFrequency(models.TextChoices):
    MONTHLY = MONTHLY, _("Monthly")
    QUARTERLY = QUARTERLY, _("Quarterly")


class PremiumSchedule(TenantOwned):
    """How often the insured declares turnover under a policy; no row means monthly (the default)."""

    policy = models.OneToOneField(Policy, on_delete=models.CASCADE, related_name="premium_schedule")
    declaration_frequency = models.CharField(
        _("turnover declaration frequency"), max_length=10, choices=DeclarationFrequency.choices,
        default=DeclarationFrequency.MONTHLY,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("premium schedule")
        verbose_name_plural = _("premium schedules")
        constraints = [
            models.CheckConstraint(
                condition=Q(declaration_frequency__in=[MONTHLY, QUARTERLY]), name="premium_schedule_frequency_valid"
            ),
        ]

    def __str__(self):
        return f"{self.policy_id}: {self.declaration_frequency}"


def declaration_frequency_of(policy: Policy) -> str:
    try:
        return policy.premium_schedule.declaration_frequency
    except PremiumSchedule.DoesNotExist:
        return DeclarationFrequency.MONTHLY


class TurnoverAndPremiumAsMoney:
    """`turnover` and `premium` (Decimal, in `currency`) as Money: a declaration and a period's line alike."""

    @property
    def turnover_money(self) -> Money:
        return Money(self.turnover, self.currency)

    @property
    def premium_money(self) -> Money:
        return Money(self.premium, self.currency)


class TurnoverDeclaration(TurnoverAndPremiumAsMoney, TenantOwned):
    """Insured turnover of one declaration period to buyers in one country.

    A correction replaces the row's values; the history keeps what was declared before.
    """

    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="turnover_declarations")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    country = CountryField(_("buyer country"))
    turnover = amount_column(_("insured turnover"), validators=NON_NEGATIVE)
    currency = models.CharField(_("currency"), max_length=3)
    # The rate and premium when declared: a later change of the rate does not reprice past declarations.
    premium_rate_percent = models.DecimalField(_("premium rate (%)"), max_digits=7, decimal_places=4,
                                               validators=PERCENT)
    premium = amount_column(_("premium"), validators=NON_NEGATIVE)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("declared by"),
    )
    declared_at = models.DateTimeField(_("declared at"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "period_start", "country"]
        verbose_name = _("turnover declaration")
        verbose_name_plural = _("turnover declarations")
        permissions = [("declare_turnover", _("Can declare insured turnover"))]
        constraints = [
            models.UniqueConstraint(fields=["policy", "period_start", "country"],
                                    name="turnover_declaration_once_per_period_country"),
            models.CheckConstraint(condition=Q(turnover__gte=0), name="turnover_declaration_turnover_not_negative"),
            models.CheckConstraint(condition=Q(premium__gte=0), name="turnover_declaration_premium_not_negative"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="turnover_declaration_period_end_after_start"),
        ]
        indexes = [models.Index(fields=["tenant", "period_start"], name="turnover_decl_tenant_period")]

    def __str__(self):
        return f"{self.policy_id} {self.period_start} {self.country.code}: {self.turnover} {self.currency}"



class PeriodPremium(TenantOwned):
    """The premium of a policy period, settled at its end: declared premium raised to the minimum (example 10)."""

    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="period_premiums")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    currency = models.CharField(_("currency"), max_length=3)
    declared_premium = amount_column(_("declared premium"))
    minimum_premium = amount_column(_("minimum premium"))
    adjustment = amount_column(_("minimum premium adjustment"))
    premium_due = amount_column(_("premium due"))
    computed_at = models.DateTimeField(_("computed at"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "period_start"]
        verbose_name = _("period premium")
        verbose_name_plural = _("period premiums")
        constraints = [
            models.UniqueConstraint(fields=["policy", "period_start"], name="period_premium_once_per_policy_period"),
            models.CheckConstraint(condition=Q(adjustment__gte=0), name="period_premium_adjustment_not_negative"),
            models.CheckConstraint(condition=Q(declared_premium__gte=0), name="period_premium_declared_not_negative"),
            models.CheckConstraint(condition=Q(premium_due=F("declared_premium") + F("adjustment")),
                                   name="period_premium_due_is_declared_plus_adjustment"),
        ]

    def __str__(self):
        return f"{self.policy_id} {self.period_start}–{self.period_end}: {self.premium_due} {self.currency}"

    def money(self, field: str) -> Money:
        return Money(getattr(self, field), self.currency)


# Premium invoices, payments and cover suspensions (issue 10, items 5 and 6; domain.md, Premium, example 18).


class PremiumInvoice(TenantOwned):
    """What the insured owes (or is credited) on its premium; the statement lists them with their payments.

    One per (policy, kind, period): every job and service raising one looks it up by that key first, and the
    UNIQUE constraint turns a concurrent second run into a no-op, so re-running never invoices twice.
    `amount` is never negative: a profit-share credit is its own kind, subtracted by the statement.
    """

    class Kind(models.TextChoices):
        DEPOSIT = "deposit", _("Deposit premium")
        TURNOVER = "turnover", _("Turnover premium")
        MINIMUM_ADJUSTMENT = "minimum_adjustment", _("Minimum premium adjustment")
        CREDIT_LIMIT_FEE = "credit_limit_fee", _("Credit-limit fees")
        PROFIT_SHARE_CREDIT = "profit_share_credit", _("Profit share credit")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", _("Cancelled")

    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="premium_invoices")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    # The first day of what it invoices: the policy period (deposit, adjustment, profit share), the declaration
    # period (turnover) or the month of the credit-limit requests.
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    amount = amount_column(_("amount"), validators=NON_NEGATIVE)
    currency = models.CharField(_("currency"), max_length=3)
    issued_on = models.DateField(_("issued on"))
    due_on = models.DateField(_("due on"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    # Cancelled by insurer staff (policies.premium.invoices.cancel_invoice): off the balance, never payable.
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "period_start", "pk"]
        verbose_name = _("premium invoice")
        verbose_name_plural = _("premium invoices")
        permissions = [("record_premium_payment", _("Can record a premium payment")),
                       ("cancel_premium_invoice", _("Can cancel a premium invoice"))]
        constraints = [
            models.UniqueConstraint(fields=["policy", "kind", "period_start"], name="premium_invoice_once_per_period"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="premium_invoice_amount_not_negative"),
            models.CheckConstraint(condition=Q(due_on__gte=F("issued_on")), name="premium_invoice_due_after_issue"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="premium_invoice_period_end_after_start"),
            models.CheckConstraint(
                condition=Q(kind__in=["deposit", "turnover", "minimum_adjustment", "credit_limit_fee",
                                      "profit_share_credit"]),
                name="premium_invoice_kind_valid",
            ),
            models.CheckConstraint(condition=Q(state__in=["open", "paid", "cancelled"]),
                                   name="premium_invoice_state_valid"),
            models.CheckConstraint(condition=~Q(state="paid") | Q(paid_on__isnull=False),
                                   name="premium_invoice_paid_has_date"),
            # A cancelled invoice says when and why.
            models.CheckConstraint(condition=~Q(state="cancelled") | (Q(cancelled_on__isnull=False)
                                                                      & ~Q(cancellation_reason="")),
                                   name="premium_invoice_cancelled_has_reason"),
        ]
        indexes = [
            # The daily job's reminders: open invoices by due date.
            models.Index(fields=["state", "due_on"], name="premium_invoice_state_due"),
            models.Index(fields=["tenant", "issued_on"], name="premium_invoice_tenant_issued"),
        ]

    def __str__(self):
        return f"{self.policy_id} {self.kind} {self.period_start}: {self.amount} {self.currency}"

    @property
    def amount_money(self) -> Money:
        return Money(self.amount, self.currency)

    @property
    def is_credit(self) -> bool:
        return self.kind == self.Kind.PROFIT_SHARE_CREDIT


class PremiumPayment(TenantOwned):
    """A payment of a premium invoice, recorded by insurer staff (policies.premium.invoices.record_payment)."""

    invoice = models.ForeignKey(PremiumInvoice, on_delete=models.PROTECT, related_name="payments")
    amount = amount_column(_("amount"), validators=NON_NEGATIVE)
    currency = models.CharField(_("currency"), max_length=3)
    paid_on = models.DateField(_("paid on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["invoice", "paid_on", "pk"]
        verbose_name = _("premium payment")
        verbose_name_plural = _("premium payments")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="premium_payment_amount_positive")]

    def __str__(self):
        return f"{self.invoice_id} {self.paid_on}: {self.amount} {self.currency}"

    @property
    def amount_money(self) -> Money:
        return Money(self.amount, self.currency)


class PremiumSuspension(TenantOwned):
    """Cover suspended for an unpaid premium invoice (domain.md, Premium; example 18).

    Shipments from `starts_on` (the reminder plus the suspension notice) are not covered until `ends_on`, the
    day the invoice was paid, from which shipments are covered again; `ends_on` is empty while it is unpaid.
    Written by the daily job and by the payment service, read by limits' CoverTimeline.
    """

    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="premium_suspensions")
    invoice = models.OneToOneField(PremiumInvoice, on_delete=models.PROTECT, related_name="suspension")
    starts_on = models.DateField(_("suspended from"))
    ends_on = models.DateField(_("covered again from"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "starts_on", "pk"]
        verbose_name = _("cover suspension")
        verbose_name_plural = _("cover suspensions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__isnull=True) | Q(ends_on__gt=F("starts_on")),
                                   name="premium_suspension_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.policy_id} {self.starts_on}–{self.ends_on or '…'}"

    def covers(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day < self.ends_on)
