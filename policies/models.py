"""Policies and their terms. Django loads models from here; the premium tables live in policies.premium.models."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.money import is_valid_currency
from core.tenancy import TenantOwned

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def _amount(verbose, default):
    return models.DecimalField(verbose, max_digits=16, decimal_places=2, default=Decimal(default), validators=NON_NEGATIVE)


def _percent(verbose, default):
    return models.DecimalField(verbose, max_digits=5, decimal_places=2, default=Decimal(default), validators=PERCENT)


def _days(verbose, default):
    return models.PositiveSmallIntegerField(verbose, default=default, validators=[MaxValueValidator(3650)])


class Policy(TenantOwned):
    """A credit-insurance policy and its terms (defaults from domain.md).

    Amounts are Decimal in the policy's currency; `policies.terms` turns them
    into Money. Read terms through `policy.terms`, never field by field.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        CANCELLED = "cancelled", _("Cancelled")

    class RecoverySharing(models.TextChoices):
        PRO_RATA = "pro_rata", _("Pro rata by percentage of cover")
        INSURER_FIRST = "insurer_first", _("Insurer first, up to the indemnity paid")

    class NotificationDeadlineFrom(models.TextChoices):
        # Insurers differ (domain.md, Policy terms): most count from the due date, Atradius from the end of the
        # maximum extension period ("within 30 days of its expiry").
        DUE_DATE = "due_date", _("the original due date")
        MAX_EXTENSION_END = "max_extension_end", _("the end of the maximum extension period")

    number = models.CharField(_("policy number"), max_length=40, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), help_text=_("Last day of the policy period."))
    currency = models.CharField(_("currency"), max_length=3, default="EUR")

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

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "number"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="policy_end_after_start"),
            *[
                models.CheckConstraint(condition=Q(**{f"{f}__gte": 0, f"{f}__lte": 100}), name=f"policy_{f}_0_100")
                for f in (
                    "percentage_of_cover_commercial",
                    "percentage_of_cover_political",
                    "discretionary_percentage_of_cover",
                    "premium_rate_percent",
                )
            ],
            *[
                models.CheckConstraint(condition=Q(**{f"{f}__gte": 0}), name=f"policy_{f}_not_negative")
                for f in (
                    "discretionary_limit_max_amount",
                    "non_qualifying_loss_amount",
                    "minimum_premium_amount",
                    "max_liability_multiple",
                )
            ],
            models.CheckConstraint(
                condition=Q(discretionary_max_buyer_grade__gte=1, discretionary_max_buyer_grade__lte=10),
                name="policy_discretionary_grade_1_10",
            ),
            # A claim can't be due for filing before it may be filed at all.
            models.CheckConstraint(
                condition=Q(waiting_period_days__lte=F("claim_filing_days")),
                name="policy_waiting_period_within_filing_deadline",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "active", "expired", "cancelled"]), name="policy_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(notification_deadline_from__in=["due_date", "max_extension_end"]),
                name="policy_notification_deadline_from_valid",
            ),
            models.CheckConstraint(
                condition=Q(reduction_notice_days__gte=1, reduction_notice_days__lte=365),
                name="policy_reduction_notice_days_1_365",
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
        if (
            self.waiting_period_days is not None
            and self.claim_filing_days is not None
            and self.waiting_period_days > self.claim_filing_days
        ):
            errors["waiting_period_days"] = _("The waiting period must end before the claim filing deadline.")
        if errors:
            raise ValidationError(errors)

    @property
    def terms(self):
        from policies.terms import PolicyTerms

        return PolicyTerms.of(self)

    def is_in_force_on(self, day: date) -> bool:
        return self.status == self.Status.ACTIVE and self.start_date <= day <= self.end_date


from policies.premium.models import PeriodPremium, PremiumSchedule, TurnoverDeclaration  # noqa: E402,F401
