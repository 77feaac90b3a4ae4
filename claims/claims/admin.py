"""Claims handlers' screens: the claims queue, the review page with checklist and calculation, decisions."""

from decimal import Decimal

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from moneyed import Money
from simple_history.admin import SimpleHistoryAdmin

from claims.claims import services
from claims.claims.admin_forms import ClaimActionForm
from claims.claims.calculation import calculation_for_display
from claims.claims.models import Claim, ClaimTransition, DocumentRequest
from claims.claims.selectors import (
    approval_warning,
    claim_documents_for_insurer,
    claims_for_insurer,
    claims_handler_queues,
)
from core import work_queues
from core.exceptions import DomainError
from core.formatting import format_money
from core.forms import show_domain_error


class ClaimTransitionInline(admin.TabularInline):
    model = ClaimTransition
    extra = 0
    can_delete = False
    fields = ("at", "source", "target", "by", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # the audit trail is written by the services only


class PaymentLateFilter(admin.SimpleListFilter):
    title = gettext_lazy("payment")
    parameter_name = "payment"

    def lookups(self, request, model_admin):
        return [("late", gettext_lazy("Unpaid past the payment term")), ("due", gettext_lazy("Payment term running"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "late":
            return queryset.filter(Claim.payment_late_q(today))
        if self.value() == "due":
            return queryset.filter(state__in=Claim.AWAITING_PAYMENT_STATES, payment_due_on__gte=today)
        return queryset


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "tenant", "buyer", "cause", "state", "date_of_loss", "filed_on", "payment_due_on",
                    "calculated_indemnity", "approved_indemnity", "currency", "review_link")
    list_filter = ("state", "cause", PaymentLateFilter, "currency")
    list_select_related = ("tenant", "buyer")
    search_fields = ("reference", "buyer__legal_name", "tenant__legal_name", "policy__number")
    readonly_fields = [f.name for f in Claim._meta.fields if f.name != "id"]
    inlines = [ClaimTransitionInline]
    ordering = ("payment_due_on", "-created_at")

    def has_add_permission(self, request):
        return False  # the insured files claims; handlers decide them on the review page

    def get_queryset(self, request):
        # A draft is the insured's file in preparation: the insurer sees a claim once it is submitted.
        return super().get_queryset(request).filter(pk__in=claims_for_insurer().values("pk"))

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="")
    def review_link(self, obj):
        return format_html('<a class="button" href="{}">{}</a>', reverse("admin:claims_review", args=[obj.pk]),
                           _("Review"))

    def get_urls(self):
        return [
            path("<int:pk>/review/", self.admin_site.admin_view(self.review_view), name="claims_review"),
            path("<int:pk>/documents/<int:doc_pk>/", self.admin_site.admin_view(self.document_view),
                 name="claims_document"),
            *super().get_urls(),
        ]

    def _require(self, request, perm: str):
        if not request.user.has_perm(perm):
            raise PermissionDenied

    def document_view(self, request, pk, doc_pk):
        self._require(request, "claims.view_claim")
        document = get_object_or_404(claim_documents_for_insurer(), claim_id=pk,
                                     pk=doc_pk)
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        return FileResponse(handle, as_attachment=True, filename=document.original_name)

    def review_view(self, request, pk):
        self._require(request, "claims.view_claim")
        claim = get_object_or_404(claims_for_insurer()
                                  .select_related("tenant", "policy", "buyer", "overdue"), pk=pk)
        # Recording the payment: the amount is the approved indemnity, filled in so the handler need not retype it.
        initial = {"amount": claim.approved_indemnity} if claim.state == Claim.State.APPROVED else None
        form = ClaimActionForm(request.POST or None, initial=initial)
        if request.method == "POST":
            self._require(request, "claims.handle_claim")
            if form.is_valid():
                try:
                    self._act(request, claim, form.cleaned_data)
                except DomainError as exc:
                    show_domain_error(form, exc)
                else:
                    messages.success(request, _("Done; the insured is informed."))
                    return redirect("admin:claims_review", claim.pk)
        calculation, _stored = calculation_for_display(claim)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review claim %(ref)s") % {"ref": claim},
            "opts": self.model._meta,
            "claim": claim,
            "form": form,
            "checklist": services.checklist(claim=claim),
            "documents": claim.documents.select_related("uploaded_by"),
            "requests": DocumentRequest.objects.filter(claim=claim),
            "transitions": claim.transitions.select_related("by"),
            "invoices": claim.overdue.invoices.all(),
            "calculation": calculation,
            "approval_warning": approval_warning(claim=claim, calculation=calculation),
            "window": services.filing_window(overdue=claim.overdue, cause=claim.cause),
        }
        return TemplateResponse(request, "admin/claims/claim_review.html", context)

    def _act(self, request, claim, data):
        action, user = data["action"], request.user
        money = Money(data["amount"], claim.currency) if data["amount"] is not None else None
        if action == "request_documents":
            services.request_documents(claim=claim, kinds=data["kinds"], note=data["note"], requested_by=user)
        elif action == "confirm_complete":
            services.confirm_complete(claim=claim, confirmed_by=user)
        elif action == "approve":
            approving = money.amount if money is not None else Decimal(
                calculation_for_display(claim)[0]["indemnity"]["amount"])
            if approving == 0 and not data["confirm_nothing_payable"]:
                raise DomainError(_("Approving %(amount)s pays the insured nothing: check the calculation, then tick "
                                    "the box to approve it anyway.") % {
                                        "amount": format_money(approving, currency=claim.currency)},
                                  field="confirm_nothing_payable")
            services.approve_claim(claim=claim, approved_by=user, amount=money,
                                   override_reason=data["override_reason"])
        elif action == "pay":
            if money is None:
                money = Money(claim.approved_indemnity, claim.currency)
            services.record_claim_payment(claim=claim, amount=money, paid_on=data["paid_on"] or timezone.localdate(),
                                          recorded_by=user, reference=data["payment_reference"])
        elif action == "reject":
            services.reject_claim(claim=claim, reason=data["reason"], rejected_by=user)


work_queues.register_work_queues(permission="claims.handle_claim", reader=claims_handler_queues)
