"""The credit manager's overdue pages: thin, every rule is in claims.overdues.services."""

from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from accounts.mixins import TenantMemberRequiredMixin
from buyers.selectors import buyers_visible_to
from claims.overdues import invoice_csv as csv_overdues
from claims.overdues import services
from claims.overdues.forms import (
    ExtensionForm,
    InvoiceFormSet,
    OverdueCsvForm,
    OverdueHeaderForm,
    PaymentForm,
)
from claims.overdues.models import Overdue
from claims.overdues.selectors import (
    draft_deadlines,
    extension_counts,
    overdue_actions,
    overdue_detail,
    search_overdues,
    uncovered_confirmation,
    uncovered_invoices,
    uncovered_message,
)
from core.exceptions import DomainError
from core.forms import show_domain_error, state_filter
from core.sorting import SortColumns

VIEW = "claims.view_overdue"
DECLARE = "claims.declare_overdue"


# Drafts first (they wait for the insured), then the latest notified.
LIST_ORDER = [F("notified_on").desc(nulls_first=True), "-pk"]
OVERDUE_SORT = SortColumns({
    "reference": "reference", "buyer": "buyer__legal_name", "policy": "policy__number", "state": "state",
    "notified_on": "notified_on", "outstanding": "total_outstanding",
}, default=LIST_ORDER)


def _announce_late(request, overdue):
    late = overdue.invoices.filter(notified_late=True).count()
    if late:
        messages.warning(request, _("%(n)d invoice(s) notified late: not covered unless the insurer waives it.")
                         % {"n": late})


class OverdueListView(TenantMemberRequiredMixin, ListView):
    template_name = "claims/overdue_list.html"
    context_object_name = "overdues"
    required_permission = VIEW
    paginate_by = 50

    def get_queryset(self):
        state = state_filter(self.request, Overdue.State.values)
        overdues = search_overdues(tenant=self.tenant, q=self.request.GET.get("q", ""), state=state)
        return OVERDUE_SORT.apply(overdues, self.request.GET.get("sort"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["sort_headers"] = OVERDUE_SORT.headers(self.request.GET.get("sort"))
        for overdue in ctx["overdues"]:
            overdue.draft_deadlines = draft_deadlines(overdue)  # from the prefetched invoices
        ctx["states"] = Overdue.State.choices
        ctx["state"] = self.request.GET.get("state", "")
        return ctx


def _announce_uncovered(request, overdue):
    uncovered = uncovered_invoices(policy=overdue.policy, buyer=overdue.buyer, lines=overdue.invoices.all())
    if uncovered:
        messages.warning(request, uncovered_message(uncovered))


class _DeclareMixin:
    required_permission = DECLARE

    def _preselected_buyer(self):
        buyer_id = self.request.GET.get("buyer")
        if buyer_id and buyer_id.isdigit():
            return buyers_visible_to(tenant=self.tenant).filter(pk=buyer_id).first()
        return None

    def _unconfirmed_uncovered(self, header, lines) -> dict | None:
        """The warning to show before anything is written when some invoices will not be covered (the
        insured must still notify them, but knowingly): None once the form confirms these very invoices."""
        data = header.cleaned_data
        uncovered = uncovered_invoices(policy=data["policy"], buyer=data["buyer"], lines=lines)
        confirmation = uncovered_confirmation(uncovered)
        if not uncovered or self.request.POST.get("confirm_uncovered") == confirmation:
            return None
        return {"uncovered": uncovered, "confirm_uncovered": confirmation}

    def _declare_knowingly(self, header, lines):
        """(overdue, None) once declared, or (None, warning) with nothing written. The declaration is tried
        first, so the service's refusals (bad rows, a second open overdue) are shown before any warning."""
        warning = self._unconfirmed_uncovered(header, lines)  # read before the overdue stops cover itself
        with transaction.atomic():
            overdue = self._declare(header, lines)
            if warning:
                transaction.set_rollback(True)  # also drops its outbox messages and on-commit work
                return None, warning
        return overdue, None

    def _declare(self, header, lines):
        data = header.cleaned_data
        return services.declare_overdue(
            tenant=self.tenant, notified_by=self.request.user, policy=data["policy"], buyer=data["buyer"],
            invoices=lines, reference=data["reference"], draft=header.as_draft,
        )

    def _done(self, overdue):
        # Declaring on a buyer without cover is right (the insurer must still hear of it), but never unawares.
        _announce_uncovered(self.request, overdue)
        if overdue.state == Overdue.State.DRAFT:
            messages.success(self.request, _("Draft saved: the insurer is not notified yet. Notify it before the "
                                             "notification deadline shown below."))
        else:
            messages.success(self.request, _("Overdue notified: no new shipment to this buyer is covered."))
            _announce_late(self.request, overdue)
        return redirect("claims:overdue-detail", pk=overdue.pk)


class OverdueDeclareView(_DeclareMixin, TenantMemberRequiredMixin, View):
    template_name = "claims/overdue_declare.html"

    def _render(self, header, rows, status=200, warning=None):
        return render(self.request, self.template_name, {"form": header, "rows": rows, **(warning or {})},
                      status=status)

    def get(self, request):
        buyer = self._preselected_buyer()
        header = OverdueHeaderForm(tenant=self.tenant, preselected_buyer=buyer,
                                   initial={"buyer": buyer.pk if buyer else None})
        return self._render(header, InvoiceFormSet(prefix="invoices"))

    def post(self, request):
        header = OverdueHeaderForm(request.POST, tenant=self.tenant, preselected_buyer=self._preselected_buyer())
        rows = InvoiceFormSet(request.POST, prefix="invoices")
        if not (header.is_valid() and rows.is_valid()):
            return self._render(header, rows, status=400)
        try:
            overdue, warning = self._declare_knowingly(header, rows.lines())
        except DomainError as exc:
            show_domain_error(header, exc, rows={"invoices": rows.line_forms()})
            return self._render(header, rows, status=400)
        if warning:
            return self._render(header, rows, warning=warning)
        return self._done(overdue)


class OverdueCsvDeclareView(_DeclareMixin, TenantMemberRequiredMixin, View):
    template_name = "claims/overdue_csv.html"

    def _render(self, form, errors=(), status=200, warning=None):
        return render(self.request, self.template_name,
                      {"form": form, "errors": errors, "columns": csv_overdues.COLUMNS, **(warning or {})},
                      status=status)

    def get(self, request):
        return self._render(OverdueCsvForm(tenant=self.tenant, preselected_buyer=self._preselected_buyer()))

    def post(self, request):
        form = OverdueCsvForm(request.POST, request.FILES, tenant=self.tenant,
                              preselected_buyer=self._preselected_buyer())
        if not form.is_valid():
            return self._render(form, status=400)
        notified_on = services.notification_date(draft=form.as_draft)  # what declare_overdue notifies on
        parsed = csv_overdues.parse_invoices(form.cleaned_data["file"], notified_on=notified_on,
                                             policy_end=form.cleaned_data["policy"].end_date)
        if parsed.errors:
            return self._render(form, parsed.errors, status=400)
        try:
            overdue, warning = self._declare_knowingly(form, parsed.lines)
        except DomainError as exc:
            show_domain_error(form, exc)
            return self._render(form, status=400)
        if warning:
            return self._render(form, warning=warning)
        return self._done(overdue)


class OverdueDetailView(TenantMemberRequiredMixin, View):
    required_permission = VIEW
    template_name = "claims/overdue_detail.html"

    def _overdue(self, pk):
        try:
            return overdue_detail(tenant=self.tenant, pk=pk)
        except Overdue.DoesNotExist as exc:
            raise Http404 from exc

    def render_page(self, overdue, payment_form=None, extension_form=None, status=200, error=None):
        today = timezone.localdate()
        actions = overdue_actions(overdue=overdue, user=self.request.user)
        context = {
            "error": error,
            "draft_deadlines": draft_deadlines(overdue),
            "can_notify": actions.can_notify,
            "overdue": overdue,
            "rows": overdue.invoice_rows,
            "payments": overdue.payments.all(),
            "payment_form": payment_form or PaymentForm(overdue=overdue, initial={"received_on": today}),
            "extension_form": extension_form or ExtensionForm(overdue=overdue),
            "terms": overdue.policy.terms_shown(),
            "can_manage": actions.can_manage,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render_page(self._overdue(pk))


class _OverdueActionView(OverdueDetailView):
    """POST a form of the detail page; on error the page is shown again with the form's messages."""

    required_permission = DECLARE
    form_class = None

    def get(self, request, pk):
        return redirect("claims:overdue-detail", pk=pk)

    def post(self, request, pk):
        overdue = self._overdue(pk)
        form = self.form_class(request.POST, overdue=overdue)
        if form.is_valid():
            try:
                with transaction.atomic():
                    self.act(overdue, form.cleaned_data)
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                return redirect("claims:overdue-detail", pk=pk)
        return self.render_page(overdue, status=400, **{self.form_name: form})


class OverduePaymentView(_OverdueActionView):
    form_class = PaymentForm
    form_name = "payment_form"

    def act(self, overdue, data):
        services.record_payment(overdue=overdue, amount=data["amount"], received_on=data["received_on"],
                                recorded_by=self.request.user, designated_invoice=data["designated_invoice"])
        messages.success(self.request, _("Payment recorded."))


class OverdueExtensionView(_OverdueActionView):
    form_class = ExtensionForm
    form_name = "extension_form"

    def act(self, overdue, data):
        invoice = services.extend_due_date(invoice=data["invoice"], new_due_date=data["new_due_date"],
                                           requested_by=self.request.user)
        if extension_counts(invoice, overdue.policy):
            messages.success(self.request, _("Extension recorded: the deadlines follow the new due date."))
        else:
            messages.warning(self.request, _("Extension recorded, but it is longer than the policy allows without "
                                             "consent: the deadlines keep the original due date until an "
                                             "underwriter consents."))


class _DraftActionView(OverdueDetailView):
    """A button of a draft's detail page (no input); a refusal shows the page again with its message."""

    required_permission = DECLARE

    def get(self, request, pk):
        return redirect("claims:overdue-detail", pk=pk)

    def post(self, request, pk):
        overdue = self._overdue(pk)
        try:
            return self.act(overdue)
        except DomainError as exc:
            return self.render_page(self._overdue(pk), status=400, error=exc.message)


class OverdueNotifyView(_DraftActionView):
    def act(self, overdue):
        overdue = services.notify_overdue(overdue=overdue, notified_by=self.request.user)
        messages.success(self.request, _("Overdue notified: no new shipment to this buyer is covered."))
        _announce_late(self.request, overdue)
        return redirect("claims:overdue-detail", pk=overdue.pk)


class OverdueDiscardView(_DraftActionView):
    def act(self, overdue):
        services.discard_draft(overdue=overdue)
        messages.success(self.request, _("Draft discarded."))
        return redirect("claims:overdue-list")
