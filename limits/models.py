from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.amounts import amount_column
from core.tenancy import TenantOwned


class ReasonCode(models.TextChoices):
    """Why a limit was not granted in full: the insured always gets a reason (domain.md)."""

    INSUFFICIENT_FINANCIALS = "insufficient_financials", _("Insufficient financial information")
    PAYMENT_BEHAVIOUR = "payment_behaviour", _("Buyer payment behaviour")
    BUYER_GRADE = "buyer_grade", _("Buyer grade")
    COUNTRY_RISK = "country_risk", _("Country risk")
    SECTOR_RISK = "sector_risk", _("Sector risk")
    EXPOSURE_AT_MAXIMUM = "exposure_at_maximum", _("Exposure on the buyer at its maximum")
    TERMS_TOO_LONG = "terms_too_long", _("Requested payment terms too long")
    BUYER_NOT_IDENTIFIED = "buyer_not_identified", _("Buyer could not be identified")
    # The scorecard's factors (limits.scorecard.reasons): stable codes, translatable labels.
    WEAK_EQUITY = "weak_equity", _("Buyer's equity weak against its assets")
    WEAK_LIQUIDITY = "weak_liquidity", _("Buyer's current assets short of its current liabilities")
    LOSS_MAKING = "loss_making", _("Buyer's results weak or loss-making")
    HIGH_LEVERAGE = "high_leverage", _("Buyer's debt high against its equity")
    SHORT_TRADING_HISTORY = "short_trading_history", _("Buyer trading for a short time")
    OVERDUES_REPORTED = "overdues_reported", _("Overdues reported on the buyer in the last 12 months")
    AMOUNT_ABOVE_CAPACITY = "amount_above_capacity", _("Amount requested high against the buyer's size")
    AMOUNT_ABOVE_AUTOMATIC = "amount_above_automatic", _("Amount above what is decided automatically")
    OTHER = "other", _("Other (see note)")


class CreditLimit(TenantOwned):
    """A limit request on (policy, buyer) and, once decided, the limit itself.

    The amount in force over time is the chain of LimitDecision rows; the
    fields here are the current state, for lists and constraints.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending (with an underwriter)")
        IN_FORCE = "in_force", _("In force")
        REFUSED = "refused", _("Refused")
        CANCELLED = "cancelled", _("Cancelled by the insured")
        WITHDRAWN = "withdrawn", _("Withdrawn by the insurer")
        EXPIRED = "expired", _("Expired")
        SUPERSEDED = "superseded", _("Superseded by a new limit")

    policy = models.ForeignKey("policies.Policy", on_delete=models.PROTECT, related_name="credit_limits")
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="credit_limits")
    reference = models.CharField(_("your reference"), max_length=60, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    currency = models.CharField(_("currency"), max_length=3)
    requested_amount = amount_column(_("requested amount"))
    requested_terms_days = models.PositiveSmallIntegerField(_("requested payment terms (days)"))
    decided_amount = amount_column(_("amount in force"), null=True, blank=True)
    decided_terms_days = models.PositiveSmallIntegerField(_("payment terms allowed (days)"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    is_discretionary = models.BooleanField(_("discretionary limit"), default=False)
    # The limit this request replaces when it is decided (an increase or amendment).
    supersedes = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    under_review = models.BooleanField(_("under review"), default=False)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("credit limit")
        verbose_name_plural = _("credit limits")
        constraints = [
            # At most one current limit per (policy, buyer) (domain.md), and one open request.
            models.UniqueConstraint(
                fields=["policy", "buyer"], condition=Q(state="in_force"), name="one_current_limit_per_policy_buyer"
            ),
            models.UniqueConstraint(
                fields=["policy", "buyer"], condition=Q(state="pending"), name="one_pending_request_per_policy_buyer"
            ),
            models.UniqueConstraint(
                fields=["tenant", "reference"], condition=~Q(reference=""), name="limit_reference_unique_per_tenant"
            ),
            models.CheckConstraint(condition=Q(requested_amount__gt=0), name="limit_requested_amount_positive"),
            models.CheckConstraint(
                condition=Q(decided_amount__isnull=True) | Q(decided_amount__gte=0), name="limit_decided_amount_not_negative"
            ),
            models.CheckConstraint(condition=Q(requested_terms_days__gt=0), name="limit_terms_positive"),
            models.CheckConstraint(
                condition=Q(state__in=["pending", "in_force", "refused", "cancelled", "withdrawn", "expired", "superseded"]),
                name="limit_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state="in_force") | Q(decided_amount__gt=0), name="limit_in_force_has_amount"
            ),
        ]
        indexes = [
            # The insured's lists, newest first: a page reads 50 index entries, not a sort of every limit.
            models.Index(fields=["tenant", "-created_at", "-id"], name="limit_tenant_newest_idx"),
            # The insurer's changelist (every tenant), newest first: EXPLAIN showed a sort of all 110,000 rows.
            models.Index(fields=["-created_at", "-id"], name="limit_newest_idx"),
            models.Index(fields=["state", "expiry_date"], name="limit_expiry_idx"),
            models.Index(fields=["state", "review_date"], name="limit_review_idx"),
        ]
        permissions = [
            ("request_limit", "Can request credit limits"),
            ("decide_limit", "Can decide credit limits"),
        ]

    def __str__(self):
        return f"{self.reference or self.pk}: {self.buyer_id} on {self.policy_id}"

    @property
    def requested(self):
        from moneyed import Money

        return Money(self.requested_amount, self.currency)

    @property
    def in_force_amount(self):
        from moneyed import Money

        return Money(self.decided_amount or Decimal("0"), self.currency)


class LimitDecision(TenantOwned):
    """Append-only: every decision or change on a limit, with its effective date.

    `amount` is the limit in force for shipments from `effective_date` on;
    `changes_cover` is False for events that leave cover as it was (a refused
    increase, a cancelled request, a review flag).
    """

    class Kind(models.TextChoices):
        APPROVED = "approved", _("Approved")
        PARTIALLY_APPROVED = "partially_approved", _("Partially approved")
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", _("Approved with conditions")
        REFUSED = "refused", _("Refused")
        REFERRED = "referred", _("Referred to an underwriter")
        DISCRETIONARY = "discretionary", _("Discretionary limit set by the insured")
        REDUCED = "reduced", _("Reduced")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")
        CANCELLED = "cancelled", _("Request cancelled by the insured")
        UNDER_REVIEW = "under_review", _("Put under review")

    # Kinds that must carry a reason the insured can read.
    NEEDS_REASON = {"partially_approved", "refused", "reduced", "withdrawn"}

    limit = models.ForeignKey(CreditLimit, on_delete=models.PROTECT, related_name="decisions")
    policy = models.ForeignKey("policies.Policy", on_delete=models.PROTECT, related_name="+")
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    amount = amount_column()
    currency = models.CharField(max_length=3)
    effective_date = models.DateField()
    changes_cover = models.BooleanField(default=True)
    reason_codes = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    conditions = models.TextField(blank=True)
    automatic = models.BooleanField(default=False)
    # The scorecard version that decided (or suggested) it, and its result: score, factors, reasons.
    scorecard = models.ForeignKey("limits.Scorecard", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="decisions")
    scorecard_result = models.JSONField(default=dict, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["effective_date", "created_at", "pk"]
        verbose_name = _("limit decision")
        verbose_name_plural = _("limit decisions")
        indexes = [models.Index(fields=["policy", "buyer", "effective_date"], name="decision_cover_idx")]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="decision_amount_not_negative")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} {self.currency} from {self.effective_date}"

    @property
    def reason_labels(self) -> list[str]:
        return [str(ReasonCode(code).label) for code in self.reason_codes if code in ReasonCode.values]


class CoverStop(TenantOwned):
    """No new shipment to the buyer is covered from `stopped_from` until lifted.

    Set by an overdue notification or the end of the maximum extension period
    (the claims app calls `limits.services.stop_cover`).
    """

    class Reason(models.TextChoices):
        OVERDUE = "overdue", _("Overdue notified")
        MAX_EXTENSION = "max_extension", _("Maximum extension period passed")
        OTHER = "other", _("Other")

    policy = models.ForeignKey("policies.Policy", on_delete=models.PROTECT, related_name="+")
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    source_reference = models.CharField(max_length=100, blank=True)
    stopped_from = models.DateField()
    lifted_on = models.DateField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["stopped_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(lifted_on__isnull=True) | Q(lifted_on__gt=models.F("stopped_from")), name="cover_stop_lifted_after_start"
            ),
        ]
        verbose_name = _("cover stop")
        verbose_name_plural = _("cover stops")


class AutoDecisionRule(models.Model):
    """The matrix of amounts the insurer approves without an underwriter, by buyer grade."""

    min_grade = models.PositiveSmallIntegerField()
    max_grade = models.PositiveSmallIntegerField()
    max_amount = amount_column()
    currency = models.CharField(max_length=3, default="EUR")
    is_active = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["min_grade"]
        verbose_name = _("automatic decision rule")
        verbose_name_plural = _("automatic decision rules")
        constraints = [
            models.CheckConstraint(condition=Q(min_grade__gte=1, max_grade__lte=10), name="auto_rule_grades_1_10"),
            models.CheckConstraint(condition=Q(min_grade__lte=models.F("max_grade")), name="auto_rule_grade_range"),
            models.CheckConstraint(condition=Q(max_amount__gte=0), name="auto_rule_amount_not_negative"),
        ]

    def __str__(self):
        return f"grades {self.min_grade}-{self.max_grade}: up to {self.max_amount} {self.currency}"


# Models that live with their concept, imported here so Django registers them: the scorecard's versions
# (limits.scorecard), large CSV imports as jobs (limits.bulk.runner), the exposure summary (limits.exposure_summary).
from limits.bulk.job_models import LimitImportError, LimitImportJob  # noqa: E402,F401
from limits.exposure_summary import ExposureSummary  # noqa: E402,F401
from limits.scorecard.models import Scorecard  # noqa: E402,F401
