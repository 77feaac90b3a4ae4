"""The insured's proposal and quote pages (tenant admin) and the policy schedule download (any policy reader)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from accounts.mixins import TenantMemberRequiredMixin
from core.exceptions import DomainError
from core.forms import show_domain_error
from policies.proposals import schedule, selectors, services
from policies.proposals.forms import (
    BuyerFormSet,
    DeclineForm,
    LossFormSet,
    ProposalForm,
    TurnoverFormSet,
    loss_years_initial,
)
from policies.proposals.models import Proposal, Quote
from policies.selectors import policies_for_tenant


class ProposalListView(TenantMemberRequiredMixin, ListView):
    template_name = "policies/proposals/proposal_list.html"
    context_object_name = "proposals"
    required_permission = "policies.view_proposal"
    paginate_by = 50
    model = Proposal

    def get_queryset(self):
        return selectors.proposals_for_tenant(tenant=self.tenant)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_propose"] = self.request.user.has_perm("policies.add_proposal")
        return context


class ProposalCreateView(TenantMemberRequiredMixin, TemplateView):
    template_name = "policies/proposals/proposal_form.html"
    required_permission = "policies.add_proposal"

    def _forms(self, data=None):
        return {"form": ProposalForm(data),
                "turnovers": TurnoverFormSet(data, prefix="turnovers"),
                "buyers": BuyerFormSet(data, prefix="buyers"),
                "losses": LossFormSet(data, prefix="losses", initial=None if data else loss_years_initial())}

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self._forms())

    def post(self, request, *args, **kwargs):
        forms = self._forms(request.POST)
        form, rows = forms["form"], [forms["turnovers"], forms["buyers"], forms["losses"]]
        if form.is_valid() and all(r.is_valid() for r in rows):
            try:
                proposal = services.submit_proposal(
                    tenant=self.tenant, submitted_by=request.user, **form.cleaned_data,
                    turnovers=forms["turnovers"].lines(), buyers=forms["buyers"].lines(),
                    losses=forms["losses"].lines())
            except DomainError as exc:
                show_domain_error(form, exc, rows={"turnovers": forms["turnovers"].line_forms(),
                                                   "buyers": forms["buyers"].line_forms(),
                                                   "loss_years": forms["losses"].line_forms()})
            else:
                messages.success(request, _("Proposal submitted: an underwriter will prepare your quote."))
                return redirect("policies:proposal-detail", proposal.pk)
        return self.render_to_response(forms)


class ProposalDetailView(TenantMemberRequiredMixin, TemplateView):
    template_name = "policies/proposals/proposal_detail.html"
    required_permission = "policies.view_proposal"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = get_object_or_404(selectors.proposals_for_tenant(tenant=self.tenant), pk=kwargs["pk"])
        context["proposal"] = proposal
        context["quotes"] = [q for q in proposal.quotes.all() if q.state != Quote.State.DRAFT]
        return context


class QuoteDetailView(TenantMemberRequiredMixin, TemplateView):
    template_name = "policies/proposals/quote_detail.html"

    @property
    def required_permission(self):
        return selectors.DECIDE_QUOTE if self.request.method == "POST" else "policies.view_quote"

    def quote(self) -> Quote:
        return get_object_or_404(selectors.quotes_for_tenant(tenant=self.tenant), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quote = kwargs.get("quote") or self.quote()
        context.update(quote=quote, actions=selectors.quote_actions(quote=quote, user=self.request.user),
                       schedule_rows=schedule.term_rows(services.terms_from_json(quote.terms), quote.currency),
                       decline_form=kwargs.get("decline_form") or DeclineForm(), refusal=kwargs.get("refusal"))
        return context

    def post(self, request, *args, **kwargs):
        quote = self.quote()
        decline_form = DeclineForm(request.POST if request.POST.get("action") == "decline" else None)
        refusal = None
        try:
            if request.POST.get("action") == "accept":
                policy = services.accept_quote(quote=quote, accepted_by=request.user)
                messages.success(request, _("Quote accepted: policy %(number)s is issued.") % {"number": policy.number})
                return redirect("policies:detail", policy.pk)
            if decline_form.is_valid():
                services.decline_quote(quote=quote, declined_by=request.user, **decline_form.cleaned_data)
                messages.success(request, _("Quote declined."))
                return redirect("policies:quote-detail", quote.pk)
        except DomainError as exc:
            if decline_form.is_bound:
                show_domain_error(decline_form, exc)
            else:
                refusal = exc.message
        return self.render_to_response(self.get_context_data(quote=self.quote(), decline_form=decline_form,
                                                             refusal=refusal, **kwargs))


class PolicyScheduleView(TenantMemberRequiredMixin, TemplateView):
    """The policy schedule as a PDF, made on request in the reader's language (policies.proposals.schedule)."""

    required_permission = "policies.view_policy"

    def get(self, request, *args, **kwargs):
        policy = get_object_or_404(policies_for_tenant(tenant=self.tenant), pk=kwargs["pk"])
        return schedule_response(policy, language=request.LANGUAGE_CODE)


def schedule_response(policy, *, language: str) -> HttpResponse:
    response = HttpResponse(schedule.render_pdf(policy, language=language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="schedule-{policy.number}.pdf"'
    return response
