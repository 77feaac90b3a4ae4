"""Policies and their terms. Django loads models from here; the premium tables live in policies.premium.models."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.amounts import amount_column
from core.money import is_valid_currency
from core.tenancy import TenantOwned

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def _amount(verbose, default):
    return amount_column(verbose, default=Decimal(default), validators=NON_NEGATIVE)


def _percent(verbose, default):
    return models.DecimalField(verbose, max_digits=5, decimal_places=2, default=Decimal(default), validators=PERCENT)


def _days(verbose, default):
    return models.PositiveSmallIntegerField(verbose, default=default, validators=[MaxValueValidator(3650)])


class RecoverySharing(models.TextChoices):
    PRO_RATA = "pro_rata", _("Pro rata by percentage of cover")
    INSURER_FIRST = "insurer_first", _("Insurer first, up to the indemnity paid")


class NotificationDeadlineFrom(models.TextChoices):
    # Insurers differ (domain.md, Policy terms): most count from the due date, Atradius from the end of the
    # maximum extension period ("within 30 days of its expiry").
    DUE_DATE = "due_date", _("the original due date")
    MAX_EXTENSION_END = "max_extension_end", _("the end of the maximum extension period")


class Policy(TenantOwned):
    """A credit-insurance policy: its number, period and currency. Its terms are dated versions
    (`TermsVersion`), read for a day through `policy.terms_on(day)` (policies.terms), never field by field.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        CANCELLED = "cancelled", _("Cancelled")

    # Kept here too: callers name them Policy.RecoverySharing, Policy.NotificationDeadlineFrom.
    RecoverySharing = RecoverySharing
    NotificationDeadlineFrom = NotificationDeadlineFrom

    number = models.CharField(_("policy number"), max_length=40, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), help_text=_("Last day of the policy period."))
    currency = models.CharField(_("currency"), max_length=3, default="EUR")

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "number"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="policy_end_after_start"),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "active", "expired", "cancelled"]), name="policy_status_valid"
            ),
        ]

    def __str__(self):
        return self.number

    def clean(self):
        errors = {}
        if self.currency and not is_valid_currency(self.currency):
            errors["currency"] = _("Unknown currency code.")
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            errors["end_date"] = _("The end date must be after the start date.")
        if errors:
            raise ValidationError(errors)

    def terms_shown(self, today: date | None = None):
        """The terms a page or the API shows as "the policy's terms": today's, clamped into the period (a policy
        not started yet shows its first terms, an ended one its last). For display only: a rule asks
        `terms_on(the day it names)`."""
        from django.utils import timezone

        today = today or timezone.localdate()
        return self.terms_on(min(max(today, self.start_date), self.end_date))

    def terms_on(self, day: date):
        """The terms in force on `day` (domain.md, The policy's life): the latest version effective on or before
        it; a day before the first version reads the first (the terms the policy was issued with)."""
        from policies.terms import PolicyTerms

        # Kept per policy object and day, as the versions they come from are (`terms_versions_in_order`, reset
        # by `forget_terms`): a limit import asks three times a row for the same policy and day, and each
        # PolicyTerms (frozen) builds several Money amounts.
        known = self.__dict__.setdefault("_terms_on_cache", {})
        if day not in known:
            known[day] = PolicyTerms.of(self, on=day)
        return known[day]

    @property
    def terms_versions_in_order(self) -> list["TermsVersion"]:
        """Every version, oldest first, read once per policy object (a rule reads terms for many days)."""
        cached = getattr(self, "_terms_versions_cache", None)
        if cached is None:
            prefetched = getattr(self, "_prefetched_objects_cache", {}).get("terms_versions")
            rows = prefetched if prefetched is not None else self.terms_versions.all()
            cached = sorted(rows, key=lambda v: v.effective_from)
            self._terms_versions_cache = cached
        return cached

    def forget_terms(self) -> None:
        """After an endorsement: the next read sees the new version."""
        self._terms_versions_cache = None
        self._terms_on_cache = {}
        getattr(self, "_prefetched_objects_cache", {}).pop("terms_versions", None)

    def is_in_force_on(self, day: date) -> bool:
        return self.status == self.Status.ACTIVE and self.start_date <= day <= self.end_date


PERCENT_TERMS = (
    "percentage_of_cover_commercial", "percentage_of_cover_political", "discretionary_percentage_of_cover",
    "premium_rate_percent", "profit_share_percent", "profit_share_loss_ratio_percent",
)
AMOUNT_TERMS = (
    "discretionary_limit_max_amount", "non_qualifying_loss_amount", "minimum_premium_amount",
    "aggregate_first_loss_amount", "credit_limit_fee_per_request_amount", "credit_limit_fee_per_buyer_year_amount",
)


class TermsVersion(models.Model):
    """One dated version of a policy's terms (domain.md, Policy terms and The policy's life).

    The first is the terms the policy was issued with, effective from its start; each endorsement adds one from
    its effective date, with a reason and who made it. Rows are never edited: a rule reads the version in force on
    the day it names (usually the shipment date), so an endorsement never changes what an earlier shipment was
    covered by.
    """

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="terms_versions",
                               verbose_name=_("policy"))
    effective_from = models.DateField(_("effective from"))
    reason = models.TextField(_("reason"), blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("made by"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    percentage_of_cover_commercial = _percent(_("percentage of cover, commercial risk"), "90")
    percentage_of_cover_political = _percent(_("percentage of cover, political risk"), "90")
    discretionary_limit_max_amount = _amount(_("discretionary limit: maximum per buyer"), "20000")
    discretionary_percentage_of_cover = _percent(_("discretionary limit: percentage of cover"), "70")
    discretionary_max_buyer_grade = models.PositiveSmallIntegerField(
        _("discretionary limit: allowed up to buyer grade"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    max_credit_period_days = _days(_("maximum credit period (days)"), 120)
    max_extension_days = _days(_("maximum extension without consent (days after due date)"), 60)
    overdue_notification_days = _days(_("overdue notification deadline (days)"), 60)
    notification_deadline_from = models.CharField(
        _("the notification deadline is counted from"), max_length=20, choices=NotificationDeadlineFrom.choices,
        default=NotificationDeadlineFrom.DUE_DATE,
    )
    waiting_period_days = _days(_("waiting period, protracted default (days after due date)"), 150)
    claim_filing_days = _days(_("claim filing deadline (days after due date)"), 240)
    claim_payment_days = _days(_("claim payment (days after the file is complete)"), 30)
    # At least a day: a reduction or withdrawal never reaches a shipment of the day the insured is told.
    reduction_notice_days = models.PositiveSmallIntegerField(
        _("notice before a reduction or withdrawal takes effect (days)"), default=1,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    non_qualifying_loss_amount = _amount(_("non-qualifying loss per claim"), "0")
    max_liability_multiple = models.DecimalField(
        _("maximum liability (multiple of the premium)"),
        max_digits=6, decimal_places=2, default=Decimal("40"), validators=NON_NEGATIVE,
    )
    premium_rate_percent = models.DecimalField(
        _("premium rate on insured turnover (%)"),
        max_digits=7, decimal_places=4, default=Decimal("0.25"), validators=PERCENT,
    )
    minimum_premium_amount = _amount(_("minimum premium per period"), "5000")
    recovery_sharing = models.CharField(
        _("recovery sharing"), max_length=20, choices=RecoverySharing.choices, default=RecoverySharing.PRO_RATA
    )
    excluded_countries = CountryField(_("excluded countries"), multiple=True, blank=True)

    # Terms the policy's life reads (issue 10; domain.md, Policy terms). Defaults change nothing.
    aggregate_first_loss_amount = _amount(_("aggregate first loss per policy period"), "0")
    credit_limit_fee_per_request_amount = _amount(_("credit-limit fee per request"), "0")
    credit_limit_fee_per_buyer_year_amount = _amount(_("credit-limit fee per buyer monitored per year"), "0")
    premium_deposit_due_days = _days(_("premium deposit due (days after the period starts)"), 30)
    premium_suspension_notice_days = _days(_("cover suspended (days after a premium reminder)"), 15)
    profit_share_percent = _percent(_("profit share (%)"), "0")
    profit_share_loss_ratio_percent = _percent(_("profit share: highest loss ratio (%)"), "40")
    cancellation_notice_days = _days(_("notice of cancellation or non-renewal (days before the period ends)"), 90)
    # The renewal job offers the next period's terms this many days before a period ends (policies.periods).
    renewal_offer_days = _days(_("renewal offered (days before the period ends)"), 60)
    covers_related_companies = models.BooleanField(_("covers buyers related to the insured"), default=False)
    covers_private_individuals = models.BooleanField(_("covers private individuals"), default=False)
    covers_public_buyers = models.BooleanField(_("covers public buyers"), default=False)

    class Meta:
        ordering = ["policy", "effective_from"]
        verbose_name = _("terms version")
        verbose_name_plural = _("terms versions")
        constraints = [
            # One version a day: the terms in force on a day are never ambiguous.
            models.UniqueConstraint(fields=["policy", "effective_from"], name="terms_version_one_per_day"),
            *[
                models.CheckConstraint(condition=Q(**{f"{f}__gte": 0, f"{f}__lte": 100}), name=f"terms_{f}_0_100")
                for f in PERCENT_TERMS
            ],
            *[
                models.CheckConstraint(condition=Q(**{f"{f}__gte": 0}), name=f"terms_{f}_not_negative")
                for f in AMOUNT_TERMS + ("max_liability_multiple",)
            ],
            models.CheckConstraint(
                condition=Q(discretionary_max_buyer_grade__gte=1, discretionary_max_buyer_grade__lte=10),
                name="terms_discretionary_grade_1_10",
            ),
            # A claim can't be due for filing before it may be filed at all.
            models.CheckConstraint(
                condition=Q(waiting_period_days__lte=F("claim_filing_days")),
                name="terms_waiting_period_within_filing_deadline",
            ),
            models.CheckConstraint(
                condition=Q(notification_deadline_from__in=["due_date", "max_extension_end"]),
                name="terms_notification_deadline_from_valid",
            ),
            models.CheckConstraint(
                condition=Q(recovery_sharing__in=["pro_rata", "insurer_first"]), name="terms_recovery_sharing_valid"
            ),
            models.CheckConstraint(
                condition=Q(reduction_notice_days__gte=1, reduction_notice_days__lte=365),
                name="terms_reduction_notice_days_1_365",
            ),
        ]

    def __str__(self):
        return f"{self.policy} from {self.effective_from}"

    def clean(self):
        if (
            self.waiting_period_days is not None
            and self.claim_filing_days is not None
            and self.waiting_period_days > self.claim_filing_days
        ):
            raise ValidationError(
                {"waiting_period_days": _("The waiting period must end before the claim filing deadline.")}
            )


# Every term an endorsement may change: the version's fields but its bookkeeping.
TERM_FIELDS = tuple(
    f.name for f in TermsVersion._meta.local_fields
    if f.name not in {"id", "policy", "effective_from", "reason", "made_by", "created_at"}
)


from policies.loss_payees.models import LossPayee, LossPayeeNotice  # noqa: E402,F401
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer  # noqa: E402,F401
from policies.premium.models import (  # noqa: E402,F401
    PeriodPremium,
    PremiumInvoice,
    PremiumPayment,
    PremiumSchedule,
    PremiumSuspension,
    TurnoverDeclaration,
)
from policies.proposals.models import Proposal, ProposalBuyer, ProposalLossYear, ProposalTurnover, Quote  # noqa: E402,F401
