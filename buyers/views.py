"""The insured's buyer pages: search the shared registry, see a buyer, propose a missing one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from accounts.mixins import TenantMemberRequiredMixin
from buyers import services
from buyers.credit_file import selectors as credit_file_selectors
from buyers.credit_file import services as credit_file_services
from buyers.forms import BuyerNoteForm, BuyerProposalForm, BuyerSearchForm
from buyers.models import Buyer
from buyers.selectors import buyers_visible_to, search_buyers
from core.exceptions import DomainError
from core.forms import show_domain_error


class BuyerSearchView(TenantMemberRequiredMixin, ListView):
    template_name = "buyers/buyer_search.html"
    context_object_name = "buyers"
    required_permission = "buyers.view_buyer"
    paginate_by = 25

    def get_queryset(self):
        self.form = BuyerSearchForm(self.request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            return Buyer.objects.none()
        data = self.form.cleaned_data if self.form.is_bound else {}
        return search_buyers(tenant=self.tenant, query=data.get("q", ""), country=data.get("country") or None)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["form"] = self.form
        ctx["query"] = self.form.cleaned_data.get("q", "") if self.form.is_bound and self.form.is_valid() else ""
        return ctx


class BuyerDetailView(TenantMemberRequiredMixin, DetailView):
    """A buyer's identity only: another insured's limits or amounts on it are never shown."""

    template_name = "buyers/buyer_detail.html"
    context_object_name = "buyer"
    required_permission = "buyers.view_buyer"

    def get_object(self, queryset=None):
        return get_object_or_404(buyers_visible_to(tenant=self.tenant).prefetch_related("identifiers"), pk=self.kwargs["pk"])


class BuyerProposeView(TenantMemberRequiredMixin, View):
    required_permission = "buyers.add_buyer"
    template_name = "buyers/buyer_propose.html"

    def get(self, request):
        initial = {"legal_name": request.GET.get("legal_name", "")[:200], "country": request.GET.get("country", "")[:2]}
        return self._render(BuyerProposalForm(initial=initial))

    def post(self, request):
        form = BuyerProposalForm(request.POST)
        existing = None
        if form.is_valid():
            try:
                buyer = services.propose_buyer(tenant=self.tenant, **form.cleaned_data)
            except DomainError as exc:
                show_domain_error(form, exc)
                existing = getattr(exc, "buyer", None)
            else:
                messages.success(request, _("Thank you: the buyer was proposed and waits for identification by the insurer."))
                return redirect("buyers:detail", pk=buyer.pk)
        return self._render(form, existing=existing, status=400)

    def _render(self, form, *, existing=None, status=200):
        return render(self.request, self.template_name, {"form": form, "existing": existing}, status=status)


class BuyerCreditFileView(TenantMemberRequiredMixin, View):
    """Everything the insured knows about a buyer (buyers.credit_file); POST adds a note."""

    required_permission = "buyers.view_buyer"
    template_name = "buyers/credit_file.html"

    def get(self, request, pk):
        return self._render(BuyerNoteForm())

    def post(self, request, pk):
        if not request.user.has_perm("buyers.add_buyernote"):
            raise PermissionDenied
        form = BuyerNoteForm(request.POST)
        if form.is_valid():
            buyer = credit_file_selectors.visible_buyer(tenant=self.tenant, buyer_id=pk)
            try:
                credit_file_services.add_note(tenant=self.tenant, buyer=buyer, written_by=request.user,
                                              text=form.cleaned_data["text"])
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("Your note was added."))
                return redirect("buyers:credit-file", pk=pk)
        return self._render(form, status=400)

    def _render(self, form, *, status=200):
        credit_file = credit_file_selectors.tenant_credit_file(tenant=self.tenant, user=self.request.user,
                                                               buyer_id=self.kwargs["pk"])
        return render(self.request, self.template_name, {"file": credit_file, "buyer": credit_file.buyer,
                                                         "form": form}, status=status)
