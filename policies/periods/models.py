"""A policy runs in insurance periods (domain.md, The policy's life: normally 12 months).

`Policy.start_date` is the first period's start and `Policy.end_date` is kept in step with the last period's end
(the services here move both in one transaction). Keeping the policy's dates rather than dropping them is on
purpose: every rule that asks "was this shipment within the policy" (the cover timeline, an overdue's invoice
lines) keeps reading one pair of columns and so covers every period, and run-off needs nothing more; what counts
*per period* (premium, maximum liability, the aggregate first loss, the profit share) asks the period of the day it
names (policies.periods.selectors.period_on).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.tenancy import TenantOwned


class InsurancePeriod(TenantOwned):
    class State(models.TextChoices):
        OPEN = "open", _("Open")  # in force, or not ended yet
        RENEWED = "renewed", _("Renewed")  # ended, followed by the next period
        LAPSED = "lapsed", _("Lapsed")  # ended without renewal (not renewed, or given notice of non-renewal)
        CANCELLED = "cancelled", _("Cancelled")  # ended early by a notice of cancellation

    policy = models.ForeignKey("policies.Policy", on_delete=models.CASCADE, related_name="periods",
                               verbose_name=_("policy"))
    number = models.PositiveSmallIntegerField(_("period"))
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"), help_text=_("Last day of the period."))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "number"]
        verbose_name = _("insurance period")
        verbose_name_plural = _("insurance periods")
        # No overlap: the services add a period only from the day after the last one ends (checked there and
        # tested; an exclusion constraint would need btree_gist on PostgreSQL and has no SQLite form), and these
        # two UNIQUEs stop a second period with the same number or start.
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="insurance_period_number_once"),
            models.UniqueConstraint(fields=["policy", "start"], name="insurance_period_start_once"),
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="insurance_period_start_before_end"),
            models.CheckConstraint(condition=Q(number__gte=1), name="insurance_period_number_positive"),
            models.CheckConstraint(condition=Q(state__in=["open", "renewed", "lapsed", "cancelled"]),
                                   name="insurance_period_state_valid"),
        ]

    def __str__(self):
        return f"{self.policy_id} #{self.number} {self.start}..{self.end}"

    def contains(self, day) -> bool:
        return self.start <= day <= self.end


class RenewalOffer(TenantOwned):
    """The renewal terms offered before a period ends (the renewal job, `renewal_offer_days` before its end). The
    underwriter may change the rate and terms while it is open; the insured accepts it (the next period starts the
    day after the end) or declines it or lets it lapse (the policy ends with the period)."""

    class State(models.TextChoices):
        OFFERED = "offered", _("Offered")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        LAPSED = "lapsed", _("Lapsed")

    policy = models.ForeignKey("policies.Policy", on_delete=models.CASCADE, related_name="renewal_offers")
    period = models.OneToOneField(InsurancePeriod, on_delete=models.CASCADE, related_name="renewal_offer",
                                  verbose_name=_("period renewed"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OFFERED)
    offered_on = models.DateField(_("offered on"))
    premium_rate_percent = models.DecimalField(_("proposed premium rate (%)"), max_digits=7, decimal_places=4)
    # Other terms the renewal changes, {term name: value as the terms version stores it}; applied by endorsement
    # from the new period's first day (policies.endorsements), never written another way.
    term_changes = models.JSONField(_("other term changes"), default=dict, blank=True)
    # The period's loss ratio when offered, (claims paid + reserved) / premium earned, to inform the underwriter.
    loss_ratio_percent = models.DecimalField(_("loss ratio when offered (%)"), max_digits=9, decimal_places=2)
    note = models.TextField(_("underwriter's note"), blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    next_period = models.OneToOneField(InsurancePeriod, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name=_("next period"))
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-offered_on", "-pk"]
        verbose_name = _("renewal offer")
        verbose_name_plural = _("renewal offers")
        permissions = [("answer_renewal_offer", _("Can accept or decline a renewal offer"))]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["offered", "accepted", "declined", "lapsed"]),
                                   name="renewal_offer_state_valid"),
            models.CheckConstraint(condition=Q(premium_rate_percent__gte=0, premium_rate_percent__lte=100),
                                   name="renewal_offer_rate_0_100"),
            models.CheckConstraint(condition=Q(state="offered") | Q(decided_on__isnull=False),
                                   name="renewal_offer_decided_has_date"),
            models.CheckConstraint(condition=~Q(state="accepted") | Q(next_period__isnull=False),
                                   name="renewal_offer_accepted_has_next_period"),
        ]

    def __str__(self):
        return f"renewal of {self.period}"


class PolicyNotice(TenantOwned):
    """Notice of non-renewal or cancellation, by either side (domain.md, Policy terms: 90 days before the end of
    the period by default). From `effective_on` no new shipment is covered; earlier shipments stay covered and
    claims on them may still be filed (run-off)."""

    class Kind(models.TextChoices):
        NON_RENEWAL = "non_renewal", _("Non-renewal")
        CANCELLATION = "cancellation", _("Cancellation")

    class Side(models.TextChoices):
        INSURED = "insured", _("the insured")
        INSURER = "insurer", _("the insurer")

    # One notice ends a policy: a second has nothing left to end.
    policy = models.OneToOneField("policies.Policy", on_delete=models.CASCADE, related_name="notice")
    period = models.ForeignKey(InsurancePeriod, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    given_by_side = models.CharField(_("given by"), max_length=8, choices=Side.choices)
    given_on = models.DateField(_("given on"))
    effective_on = models.DateField(_("first day not covered"))
    reason = models.TextField(_("reason"))
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notice of non-renewal or cancellation")
        verbose_name_plural = _("notices of non-renewal or cancellation")
        permissions = [("give_policy_notice", _("Can give notice of non-renewal or cancellation"))]
        constraints = [
            models.CheckConstraint(condition=Q(effective_on__gt=F("given_on")), name="policy_notice_after_given"),
            models.CheckConstraint(condition=Q(kind__in=["non_renewal", "cancellation"]),
                                   name="policy_notice_kind_valid"),
            models.CheckConstraint(condition=Q(given_by_side__in=["insured", "insurer"]),
                                   name="policy_notice_side_valid"),
            models.CheckConstraint(condition=~Q(reason=""), name="policy_notice_has_reason"),
        ]

    @property
    def last_covered_day(self):
        from datetime import timedelta

        return self.effective_on - timedelta(days=1)
