"""Proposals and quotes (issue 10, item 2): the insured applies, an underwriter quotes, the insured accepts and the
policy is issued (policies.services.create_policy) with the quote's terms as its first terms version.

A proposal may come from a tenant with no policy yet. Its buyers are registry buyers (by id, the name and country
copied when proposed) or new names; policies comes before buyers in the app order, so the registry is asked
through policies.proposals.buyer_lookup, which the buyers app fills.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from core.amounts import amount_column
from core.tenancy import TenantOwned
from policies.models import Policy

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def _money(verbose):
    return amount_column(verbose, validators=NON_NEGATIVE)


class Proposal(TenantOwned):
    """The insured's application for cover: what it sells where, whom it wants covered, its losses, its terms."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        QUOTED = "quoted", _("Quote offered")
        ISSUED = "issued", _("Policy issued")

    state = FSMField(_("state"), default=State.SUBMITTED, choices=State.choices)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    desired_start_date = models.DateField(_("desired start date"))
    desired_cover_percent = models.DecimalField(
        _("desired percentage of cover"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("100"))])
    max_credit_period_days = models.PositiveSmallIntegerField(
        _("longest credit period granted to buyers (days)"), validators=[MinValueValidator(1), MaxValueValidator(365)])
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["submitted", "quoted", "issued"]),
                                   name="proposal_state_valid"),
            models.CheckConstraint(condition=Q(desired_cover_percent__gte=1, desired_cover_percent__lte=100),
                                   name="proposal_cover_percent_1_100"),
            models.CheckConstraint(condition=Q(max_credit_period_days__gte=1, max_credit_period_days__lte=365),
                                   name="proposal_credit_period_1_365"),
        ]

    def __str__(self):
        return f"P-{self.pk}"

    # A quote offered on it makes it quoted; a quote declined or expired gives it back to the underwriter.
    @transition(field=state, source=State.SUBMITTED, target=State.QUOTED)
    def mark_quoted(self):
        pass

    @transition(field=state, source=State.QUOTED, target=State.SUBMITTED)
    def reopen(self):
        pass

    @transition(field=state, source=State.QUOTED, target=State.ISSUED)
    def mark_issued(self):
        pass


class ProposalTurnover(TenantOwned):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="turnovers")
    country = CountryField(_("buyer country"))
    expected_turnover = _money(_("expected insured turnover (12 months)"))

    class Meta:
        ordering = ["proposal", "country"]
        verbose_name = _("expected turnover")
        verbose_name_plural = _("expected turnover by country")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "country"], name="proposal_turnover_one_per_country"),
            models.CheckConstraint(condition=Q(expected_turnover__gt=0), name="proposal_turnover_positive"),
        ]


class ProposalBuyer(TenantOwned):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="buyers")
    # The registry buyer's id when the insured chose one (no foreign key: buyers comes after policies).
    registry_buyer_id = models.PositiveIntegerField(_("registry buyer"), null=True, blank=True)
    legal_name = models.CharField(_("legal name"), max_length=200)
    country = CountryField(_("country"))
    requested_amount = _money(_("requested limit"))

    class Meta:
        ordering = ["proposal", "pk"]
        verbose_name = _("buyer to cover")
        verbose_name_plural = _("buyers to cover")
        constraints = [
            models.CheckConstraint(condition=Q(requested_amount__gt=0), name="proposal_buyer_amount_positive"),
        ]


class ProposalLossYear(TenantOwned):
    """One of the three years of loss history the underwriter rates the risk on."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="loss_years")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    turnover = _money(_("turnover"))
    losses_count = models.PositiveIntegerField(_("number of losses"))
    losses_amount = _money(_("amount of losses"))

    class Meta:
        ordering = ["proposal", "-year"]
        verbose_name = _("loss history year")
        verbose_name_plural = _("loss history")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "year"], name="proposal_loss_one_per_year"),
            models.CheckConstraint(condition=Q(turnover__gte=0, losses_amount__gte=0), name="proposal_loss_not_negative"),
            # Losses without a count (or a count without an amount) is a typing mistake.
            models.CheckConstraint(condition=Q(losses_count=0, losses_amount=0) | Q(losses_count__gt=0,
                                                                                     losses_amount__gt=0),
                                   name="proposal_loss_count_matches_amount"),
        ]


class Quote(TenantOwned):
    """The underwriter's offer on a proposal: the period, the currency and every term (`terms`, keyed by
    policies.models.TERM_FIELDS: rate, minimum premium and fees are terms), valid until a day."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OFFERED = "offered", _("Offered")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")

    class DeclineReason(models.TextChoices):
        PREMIUM = "premium", _("The premium is too high")
        TERMS = "terms", _("The terms do not fit")
        OTHER_INSURER = "other_insurer", _("Insured elsewhere")
        NO_LONGER_NEEDED = "no_longer_needed", _("Cover no longer needed")
        OTHER = "other", _("Other")

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="quotes",
                                 verbose_name=_("proposal"))
    state = FSMField(_("state"), default=State.DRAFT, choices=State.choices)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    valid_until = models.DateField(_("valid until"), help_text=_("The last day the insured may accept it."))
    # Stored as the form gave them (JSON), checked as a TermsVersion before saving (policies.proposals.services).
    terms = models.JSONField(_("terms"), default=dict)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("made by"))
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("accepted or declined at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("accepted or declined by"))
    decline_reason = models.CharField(_("reason declined"), max_length=20, choices=DeclineReason.choices,
                                      blank=True)
    decline_note = models.TextField(_("note"), blank=True)
    policy = models.OneToOneField(Policy, on_delete=models.PROTECT, null=True, blank=True, related_name="quote",
                                  verbose_name=_("policy issued"))
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        permissions = [("decide_quote", "Can accept or decline an offered quote")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["draft", "offered", "accepted", "declined", "expired"]),
                                   name="quote_state_valid"),
            models.CheckConstraint(condition=Q(end_date__gt=F("start_date")), name="quote_end_after_start"),
            models.CheckConstraint(condition=~Q(state="declined") | ~Q(decline_reason=""),
                                   name="quote_declined_with_reason"),
            # Only an accepted quote names a policy.
            models.CheckConstraint(condition=Q(policy__isnull=True) | Q(state="accepted"),
                                   name="quote_policy_only_when_accepted"),
        ]

    def __str__(self):
        return f"Q-{self.pk}"

    @transition(field=state, source=State.DRAFT, target=State.OFFERED)
    def offer(self):
        pass

    @transition(field=state, source=State.OFFERED, target=State.ACCEPTED)
    def accept(self):
        pass

    @transition(field=state, source=State.OFFERED, target=State.DECLINED)
    def decline(self):
        pass

    @transition(field=state, source=State.OFFERED, target=State.EXPIRED)
    def expire(self):
        pass


# The rows' amounts are in their proposal's currency (the API shows them as money through it).
for _row in (ProposalTurnover, ProposalBuyer, ProposalLossYear):
    _row.currency = property(lambda self: self.proposal.currency)
