"""The finance team's claim pages: thin, every rule is in claims.claims.services."""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from accounts.mixins import TenantMemberRequiredMixin
from claims.claims import services as services_claims
from claims.claims.calculation import calculation_for_display
from claims.claims.documents import allowed_extensions, max_upload_bytes
from claims.claims.downloads import document_download
from claims.claims.forms import DocumentUploadForm, FileClaimForm, WithdrawForm
from claims.claims.models import Cause, Claim
from claims.claims.selectors import (
    claim_actions,
    claim_detail,
    claimable_overdues,
    claims_for_tenant,
    next_deadline,
)
from claims.overdues.selectors import overdues_for_tenant, uncovered_invoices, uncovered_message
from core.exceptions import DomainError
from core.forms import show_domain_error, state_filter
from core.sorting import SortColumns

VIEW = "claims.view_claim"
FILE = "claims.file_claim"


def _overdue_rows(overdues, today):
    """Each overdue with its protracted-default filing window (insolvency and political may be filed at once)."""
    rows = []
    for overdue in overdues:
        window = services_claims.filing_window(overdue=overdue, cause=Cause.PROTRACTED_DEFAULT)
        rows.append({
            "overdue": overdue,
            "window": window,
            "open": window is not None and window.is_open(today),
            "closed": window is not None and today > window.closes,
            "outstanding": overdue.total_outstanding,
        })
    return rows


# The overdues the claims page shows before its link to the whole list: the windows closing first.
URGENT_OVERDUES = 10
CLAIMABLE_PAGE_SIZE = 50


def _after(value: str) -> tuple[date, int] | None:
    """A keyset position `<filing deadline>.<pk>` from ?after=; anything else starts the list again."""
    closes, _dot, pk = (value or "").partition(".")
    try:
        return date.fromisoformat(closes), int(pk)
    except ValueError:
        return None


def _claimable_page(tenant, today, *, size: int, after=None) -> tuple[list[dict], str | None]:
    """A page of the overdues finance can claim on, with their windows, and the position of the next page."""
    overdues = list(claimable_overdues(tenant=tenant, today=today, after=after)[:size + 1])
    rows = _overdue_rows(overdues[:size], today)  # the windows of the page's rows only
    last = overdues[size - 1] if len(overdues) > size else None
    return rows, f"{last.claim_filing_deadline.isoformat()}.{last.pk}" if last else None


# The columns finance sorts its claims by; newest first by default.
CLAIM_SORT = SortColumns({
    "reference": "reference", "buyer": "buyer__legal_name", "cause": "cause", "state": "state",
    "date_of_loss": "date_of_loss", "calculated": "calculated_indemnity", "approved": "approved_indemnity",
    "paid": "paid_amount",
}, default=["-created_at", "-pk"])


class ClaimListView(TenantMemberRequiredMixin, ListView):
    template_name = "claims/claim_list.html"
    context_object_name = "claims"
    required_permission = VIEW
    paginate_by = 50

    def get_queryset(self):
        claims = claims_for_tenant(tenant=self.tenant, state=state_filter(self.request, Claim.State.values))
        return CLAIM_SORT.apply(claims, self.request.GET.get("sort"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["sort_headers"] = CLAIM_SORT.headers(self.request.GET.get("sort"))
        today = timezone.localdate()
        ctx["rows"] = [{"claim": c, "deadline": next_deadline(c, today=today)} for c in ctx["claims"]]
        ctx["states"] = Claim.State.choices
        ctx["state"] = self.request.GET.get("state", "")
        ctx["today"] = today
        ctx["overdue_rows"], more = _claimable_page(self.tenant, today, size=URGENT_OVERDUES)
        ctx["more_overdues"] = more is not None
        return ctx


class ClaimableOverdueListView(TenantMemberRequiredMixin, View):
    """Every overdue finance can claim on, the window closing first first, a page at a time by keyset (no count:
    an insured may have tens of thousands)."""

    required_permission = VIEW

    def get(self, request):
        today = timezone.localdate()
        after = _after(request.GET.get("after", ""))
        rows, following = _claimable_page(self.tenant, today, size=CLAIMABLE_PAGE_SIZE, after=after)
        return render(request, "claims/claimable_overdues.html", {
            "overdue_rows": rows, "next_after": following, "first_page": after is None, "today": today})


def _uncovered(overdue):
    return uncovered_invoices(policy=overdue.policy, buyer=overdue.buyer,
                              lines=[i for i in overdue.invoices.all() if i.outstanding > 0])


class ClaimFileView(TenantMemberRequiredMixin, View):
    required_permission = FILE
    template_name = "claims/claim_file.html"

    def _preselected(self):
        """The overdue of ?overdue=: another tenant's (or an unknown) one is a 404, as if it did not exist."""
        overdue_id = self.request.GET.get("overdue")
        if not overdue_id:
            return None
        if not str(overdue_id).isdigit():
            raise Http404
        overdue = overdues_for_tenant(tenant=self.tenant).filter(pk=overdue_id).first()
        if overdue is None:
            raise Http404
        return overdue

    def _render(self, form, overdue=None, status=200):
        today = timezone.localdate()
        rows = _overdue_rows([overdue], today) if overdue is not None else []
        # A claim on invoices no cover applied to calculates 0.00: finance reads why before it files.
        uncovered = _uncovered(overdue) if overdue is not None else []
        return render(self.request, self.template_name,
                      {"form": form, "overdue_row": rows[0] if rows else None, "today": today,
                       "uncovered": uncovered}, status=status)

    def get(self, request):
        overdue = self._preselected()
        form = FileClaimForm(tenant=self.tenant)
        if overdue is not None:
            if form.fields["overdue"].queryset.filter(pk=overdue.pk).exists():
                form.initial["overdue"] = overdue.pk
                overdue = form.fields["overdue"].queryset.get(pk=overdue.pk)
            else:
                messages.warning(request, _("This overdue is not open to a claim: it was paid, or a claim on it is "
                                            "already open."))
                overdue = None
        return self._render(form, overdue)

    def post(self, request):
        form = FileClaimForm(request.POST, tenant=self.tenant)
        if not form.is_valid():
            return self._render(form, status=400)
        data = dict(form.cleaned_data)  # add_error() drops the field from cleaned_data
        try:
            claim = services_claims.file_claim(
                tenant=self.tenant, filed_by=request.user, overdue=data["overdue"], cause=data["cause"],
                event_date=data["event_date"], reference=data["reference"],
            )
        except DomainError as exc:
            show_domain_error(form, exc)
            return self._render(form, data["overdue"], status=400)
        messages.success(request, _("Claim opened as a draft: add the documents, then submit it to the insurer."))
        uncovered = _uncovered(data["overdue"])
        if uncovered:
            messages.warning(request, uncovered_message(uncovered))
        return redirect("claim_pages:detail", pk=claim.pk)


def _calculation_for_display(claim: Claim) -> tuple[dict | None, bool]:
    """claims.claims.calculation.calculation_for_display, with dates for the page; (None, True) if it cannot be made."""
    try:
        snapshot, stored = calculation_for_display(claim)
    except (DomainError, ValueError, ArithmeticError):
        # A page must still open when the inputs cannot be calculated (e.g. an invoice in another currency).
        return None, True
    live = not stored
    lines = []
    for line in snapshot.get("lines", []):
        # The JSON keeps ISO dates; show them like every other date on the page.
        try:
            shipped = date.fromisoformat(line.get("shipment_date") or "")
        except (TypeError, ValueError):
            shipped = line.get("shipment_date")
        lines.append({**line, "shipment_date": shipped})
    return {**snapshot, "lines": lines}, live


def _transition_rows(claim: Claim) -> list[dict]:
    labels = dict(Claim.State.choices)
    return [{"at": t.at, "source": labels.get(t.source, t.source), "target": labels.get(t.target, t.target),
             "by": t.by, "note": t.note} for t in claim.transitions.all()]


class _ClaimMixin:
    def _claim(self, pk) -> Claim:
        try:
            return claim_detail(tenant=self.tenant, pk=pk)
        except Claim.DoesNotExist as exc:
            raise Http404 from exc

    def _render_detail(self, claim, *, upload_form=None, withdraw_form=None, status=200):
        calculation, live = _calculation_for_display(claim)
        today = timezone.localdate()
        checklist = services_claims.checklist(claim=claim)
        missing = [item.kind for item in checklist if not item.satisfied]
        return render(self.request, "claims/claim_detail.html", {
            "claim": claim,
            "checklist": checklist,
            "calculation": calculation,
            "calculation_is_live": live,
            "deadline": next_deadline(claim, today=today),
            "upload_form": upload_form or DocumentUploadForm(initial={"kind": missing[0] if missing else None}),
            "withdraw_form": withdraw_form or WithdrawForm(),
            "actions": claim_actions(claim=claim, user=self.request.user),
            "transitions": _transition_rows(claim),
            "allowed_types": ", ".join(allowed_extensions()),
            "max_mb": f"{max_upload_bytes() / 1048576:.0f}",
            "today": today,
        }, status=status)


class ClaimDetailView(_ClaimMixin, TenantMemberRequiredMixin, View):
    required_permission = VIEW

    def get(self, request, pk):
        return self._render_detail(self._claim(pk))


class ClaimUploadView(_ClaimMixin, TenantMemberRequiredMixin, View):
    required_permission = FILE

    def post(self, request, pk):
        claim = self._claim(pk)
        form = DocumentUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                document = services_claims.upload_document(
                    claim=claim, kind=form.cleaned_data["kind"], uploaded=form.cleaned_data["file"],
                    uploaded_by=request.user,
                )
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("“%(name)s” added to the claim.") % {"name": document.original_name})
                return redirect("claim_pages:detail", pk=claim.pk)
        return self._render_detail(self._claim(pk), upload_form=form, status=400)


class ClaimSubmitView(_ClaimMixin, TenantMemberRequiredMixin, View):
    required_permission = FILE

    def post(self, request, pk):
        claim = self._claim(pk)
        try:
            services_claims.submit_claim(claim=claim, submitted_by=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The claim was submitted to the insurer."))
        return redirect("claim_pages:detail", pk=claim.pk)


class ClaimWithdrawView(_ClaimMixin, TenantMemberRequiredMixin, View):
    required_permission = FILE

    def post(self, request, pk):
        claim = self._claim(pk)
        form = WithdrawForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The reason is too long."))
            return redirect("claim_pages:detail", pk=claim.pk)
        try:
            services_claims.withdraw_claim(claim=claim, withdrawn_by=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The claim was withdrawn."))
        return redirect("claim_pages:detail", pk=claim.pk)


class ClaimDocumentDownloadView(TenantMemberRequiredMixin, View):
    """Documents are streamed only through here, to the claim's tenant: MEDIA_URL is not served."""

    required_permission = VIEW

    def get(self, request, pk, doc_pk):
        return document_download(tenant=self.tenant, claim_id=pk, document_id=doc_pk)
