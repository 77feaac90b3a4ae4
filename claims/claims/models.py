"""Claims (compensation): the claim file, its documents, transitions and payment.

States and who may move them (domain.md, Claims) are declared once on the model
with django-fsm-2; claims.claims.services calls the transitions and checks the
business rules around them.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from core.amounts import amount_column
from core.tenancy import TenantOwned


class Cause(models.TextChoices):
    INSOLVENCY = "insolvency", _("Insolvency")
    PROTRACTED_DEFAULT = "protracted_default", _("Protracted default")
    POLITICAL = "political", _("Political event")


class DocumentKind(models.TextChoices):
    CONTRACT = "contract", _("Contract or purchase order")
    INVOICES = "invoices", _("Invoices")
    PROOF_OF_DELIVERY = "proof_of_delivery", _("Proof of delivery")
    DUNNING = "dunning", _("Dunning correspondence")
    DEBT_ACKNOWLEDGEMENT = "debt_acknowledgement", _("Debt acknowledgement")
    DECREE = "decree", _("Insolvency decree (court or administrator)")
    PROOF_OF_DEBT = "proof_of_debt", _("Proof of debt lodged")
    OFFICIAL_DOCUMENT = "official_document", _("Official document of the political event")
    OTHER = "other", _("Other")


# The checklist per cause (domain.md, Claims); a claims handler may ask for more.
REQUIRED_DOCUMENTS: dict[str, tuple[str, ...]] = {
    Cause.PROTRACTED_DEFAULT: (DocumentKind.CONTRACT, DocumentKind.INVOICES, DocumentKind.PROOF_OF_DELIVERY,
                               DocumentKind.DUNNING),
    Cause.INSOLVENCY: (DocumentKind.CONTRACT, DocumentKind.INVOICES, DocumentKind.PROOF_OF_DELIVERY,
                       DocumentKind.DUNNING, DocumentKind.DECREE, DocumentKind.PROOF_OF_DEBT),
    Cause.POLITICAL: (DocumentKind.CONTRACT, DocumentKind.INVOICES, DocumentKind.PROOF_OF_DELIVERY,
                      DocumentKind.DUNNING, DocumentKind.OFFICIAL_DOCUMENT),
}


def _can_file(instance, user) -> bool:
    return user.has_perm("claims.file_claim")


def _can_handle(instance, user) -> bool:
    return user.has_perm("claims.handle_claim")


def _can_approve(instance, user) -> bool:
    return user.has_perm("claims.approve_claim")


def _can_pay(instance, user) -> bool:
    return user.has_perm("claims.pay_claim")


def _can_withdraw(instance, user) -> bool:
    # The insured withdraws its own claim; the system withdraws it when a recovery clears the debt.
    return user.has_perm("claims.file_claim") or user.has_perm("claims.handle_claim")


class Claim(TenantOwned):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        INCOMPLETE = "incomplete", _("Incomplete: documents missing")
        COMPLETE = "complete", _("Complete")
        APPROVED = "approved", _("Approved")
        PAID = "paid", _("Paid")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # A rejected or withdrawn claim is over: the overdue may be claimed on again (one live claim per overdue).
    CLOSED_STATES = (State.REJECTED, State.WITHDRAWN)
    OPEN_STATES = (State.DRAFT, State.SUBMITTED, State.INCOMPLETE, State.COMPLETE, State.APPROVED)
    # The insured adds documents until the file is confirmed complete.
    DOCUMENT_STATES = (State.DRAFT, State.SUBMITTED, State.INCOMPLETE)
    # The payment term runs while the file is complete and the indemnity unpaid (domain.md, Claims).
    AWAITING_PAYMENT_STATES = (State.COMPLETE, State.APPROVED)
    # Approved and paid indemnities use the policy period's maximum liability.
    LIABILITY_STATES = (State.APPROVED, State.PAID)

    policy = models.ForeignKey("policies.Policy", on_delete=models.PROTECT, related_name="claims")
    buyer = models.ForeignKey("buyers.Buyer", on_delete=models.PROTECT, related_name="claims")
    overdue = models.ForeignKey("claims.Overdue", on_delete=models.PROTECT, related_name="claims")
    reference = models.CharField(_("your reference"), max_length=60, blank=True)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices)
    state = FSMField(_("state"), default=State.DRAFT, choices=State.choices)
    currency = models.CharField(_("currency"), max_length=3)
    # Insolvency date, or date of the political event; None for protracted default.
    event_date = models.DateField(_("date of the insolvency or event"), null=True, blank=True)
    date_of_loss = models.DateField(_("date of loss"))
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    complete_on = models.DateField(_("file complete on"), null=True, blank=True)
    payment_due_on = models.DateField(_("payment due by"), null=True, blank=True)
    # Kept up to date by the recoveries app with plain values (it may not be imported here).
    recovered_before_payment = amount_column(_("recovered before payment"),
                                                   default=0)
    calculated_indemnity = amount_column(_("calculated indemnity"),
                                               null=True, blank=True)
    calculation = models.JSONField(_("calculation"), default=dict, blank=True, editable=False)
    approved_indemnity = amount_column(_("approved indemnity"),
                                             null=True, blank=True)
    override_reason = models.TextField(_("reason for overriding the calculation"), blank=True)
    # What the insured bore of the period's aggregate first loss on this claim, fixed at approval: later claims of
    # the period bear only the rest (domain.md, example 16).
    first_loss_borne = amount_column(_("aggregate first loss borne"),
                                           default=0, editable=False)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    paid_amount = amount_column(_("paid amount"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=60, blank=True)
    # The financing bank the indemnity was paid to (the loss payee in force on the payment day); empty: the insured.
    paid_to = models.ForeignKey("policies.LossPayee", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("paid to"), editable=False)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    # Set by the deadlines job when a complete file is still unpaid past its payment term.
    payment_late_flagged_on = models.DateField(_("flagged unpaid past the payment term on"), null=True, blank=True,
                                               editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        # The insured's claims newest first (the claims page, the API list): a page reads its rows from the index
        # instead of sorting every claim of the insured (EXPLAIN: a sort of all 2,000 at the bench book).
        indexes = [models.Index(F("tenant"), F("created_at").desc(), F("id").desc(), name="claim_tenant_newest")]
        constraints = [
            # One live claim per overdue: a rejected or withdrawn one may be followed by a new one.
            models.UniqueConstraint(
                fields=["overdue"], condition=~Q(state__in=["rejected", "withdrawn"]), name="one_live_claim_per_overdue"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "submitted", "incomplete", "complete", "approved", "paid", "rejected",
                                       "withdrawn"]),
                name="claim_state_valid",
            ),
            models.CheckConstraint(condition=Q(cause__in=["insolvency", "protracted_default", "political"]),
                                   name="claim_cause_valid"),
            # The insured's own reference tells its claims apart (an ERP reconciles by it), as on limits.
            models.UniqueConstraint(fields=["tenant", "reference"], condition=~Q(reference=""),
                                    name="claim_reference_unique_per_tenant"),
            models.CheckConstraint(condition=Q(cause="protracted_default") | Q(event_date__isnull=False),
                                   name="claim_event_date_for_insolvency_or_political"),
            models.CheckConstraint(condition=Q(recovered_before_payment__gte=0), name="claim_recovered_not_negative"),
            models.CheckConstraint(condition=Q(first_loss_borne__gte=0), name="claim_first_loss_borne_not_negative"),
            models.CheckConstraint(condition=Q(approved_indemnity__isnull=True) | Q(approved_indemnity__gte=0),
                                   name="claim_approved_not_negative"),
            models.CheckConstraint(condition=~Q(state__in=["approved", "paid"]) | Q(approved_indemnity__isnull=False),
                                   name="claim_approved_has_amount"),
            models.CheckConstraint(condition=~Q(state="paid") | Q(paid_amount__isnull=False, paid_on__isnull=False),
                                   name="claim_paid_has_payment"),
        ]
        permissions = [
            ("file_claim", "Can file and withdraw claims and upload documents"),
            ("handle_claim", "Can review claims: request documents, confirm the file, reject"),
            ("approve_claim", "Can approve an indemnity"),
            ("pay_claim", "Can record an indemnity payment"),
        ]

    def __str__(self):
        return self.reference or f"Claim {self.pk}"

    @classmethod
    def payment_late_q(cls, today) -> Q:
        """Complete or approved, and unpaid past the payment term: flagged to the claims handlers."""
        return Q(state__in=cls.AWAITING_PAYMENT_STATES, payment_due_on__lt=today)

    def is_payment_late(self, today) -> bool:
        return (self.state in self.AWAITING_PAYMENT_STATES and self.payment_due_on is not None
                and self.payment_due_on < today)

    @property
    def terms_at_loss(self):
        """The policy's terms on the date of loss: the day the loss is fixed (domain.md, Claims) gives the per-claim
        amounts (non-qualifying loss, maximum liability, aggregate first loss) and the recovery sharing rule."""
        return self.policy.terms_on(self.date_of_loss)

    @property
    def required_documents(self) -> tuple[str, ...]:
        return REQUIRED_DOCUMENTS[self.cause]

    # Transitions: the methods only move the state; services_claims sets the dates and amounts around them.
    @transition(field=state, source=State.DRAFT, target=State.SUBMITTED, permission=_can_file)
    def submit(self):
        pass

    @transition(field=state, source=[State.SUBMITTED, State.COMPLETE], target=State.INCOMPLETE, permission=_can_handle)
    def request_documents(self):
        pass

    @transition(field=state, source=[State.SUBMITTED, State.INCOMPLETE], target=State.COMPLETE)
    def complete(self):
        """By a claims handler, or automatically when an upload satisfies the checklist."""

    @transition(field=state, source=State.COMPLETE, target=State.APPROVED, permission=_can_approve)
    def approve(self):
        pass

    @transition(field=state, source=State.APPROVED, target=State.COMPLETE)
    def reopen(self):
        """By the system: a recovery before payment changes the loss, so the indemnity is decided again."""

    @transition(field=state, source=State.APPROVED, target=State.PAID, permission=_can_pay)
    def pay(self):
        pass

    @transition(field=state, source=[State.SUBMITTED, State.INCOMPLETE, State.COMPLETE], target=State.REJECTED,
                permission=_can_handle)
    def reject(self):
        pass

    @transition(field=state, source=[State.DRAFT, State.SUBMITTED, State.INCOMPLETE, State.COMPLETE],
                target=State.WITHDRAWN, permission=_can_withdraw)
    def withdraw(self):
        pass


def _document_path(instance, filename: str) -> str:
    # Never trust the uploaded name for the path: a random name, the original kept in a field.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"claims/{instance.tenant_id}/{instance.claim_id}/{uuid.uuid4().hex}{suffix}"


class ClaimDocument(TenantOwned):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=30, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=_document_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "uploaded_at", "pk"]
        verbose_name = _("claim document")
        verbose_name_plural = _("claim documents")
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="claim_document_not_empty"),
        ]

    def __str__(self):
        return self.original_name


class DocumentRequest(TenantOwned):
    """A claims handler's request for a document beyond (or again within) the checklist."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="document_requests")
    kind = models.CharField(_("document"), max_length=30, choices=DocumentKind.choices)
    note = models.TextField(_("what is missing"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    # A request is met by a document of its kind uploaded after it.
    fulfilled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("document request")
        verbose_name_plural = _("document requests")


class ClaimTransition(TenantOwned):
    """The audit trail: every state change, by whom, when, why. Append-only."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField(max_length=20)
    target = models.CharField(max_length=20)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("claim transition")
        verbose_name_plural = _("claim transitions")
