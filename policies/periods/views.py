"""The insured's browser actions on its policy's life (the policy page shows them: policies.views): accept or
decline the renewal offer, give notice. Each posts to a service and returns to the policy page with its outcome."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.mixins import TenantMemberRequiredMixin
from core.exceptions import DomainError
from core.forms import show_domain_error
from policies.periods import services
from policies.periods.models import PolicyNotice
from policies.periods.selectors import ANSWER_OFFER, GIVE_NOTICE, open_offer
from policies.selectors import policies_for_tenant


class NoticeForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=PolicyNotice.Kind.choices)
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class _PolicyAction(TenantMemberRequiredMixin, View):
    def policy(self):
        return get_object_or_404(policies_for_tenant(tenant=self.tenant), pk=self.kwargs["pk"])


class RenewalAnswerView(_PolicyAction):
    required_permission = ANSWER_OFFER
    accept = True

    def post(self, request, pk):
        policy = self.policy()
        offer = open_offer(policy=policy)
        if offer is None:
            messages.error(request, _("There is no open renewal offer on this policy."))
            return redirect("policies:detail", pk)
        try:
            if self.accept:
                period = services.accept_offer(offer=offer, accepted_by=request.user)
                messages.success(request, _("Renewed: the next period runs from %(start)s to %(end)s.")
                                 % {"start": period.start, "end": period.end})
            else:
                services.decline_offer(offer=offer, declined_by=request.user)
                messages.success(request, _("Renewal declined: the policy ends with its period."))
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect("policies:detail", pk)


class PolicyNoticeView(_PolicyAction):
    required_permission = GIVE_NOTICE

    def get(self, request, pk):
        return self.page(NoticeForm())

    def post(self, request, pk):
        form = NoticeForm(request.POST)
        if form.is_valid():
            try:
                notice = services.give_notice(policy=self.policy(), kind=form.cleaned_data["kind"], side="insured",
                                              reason=form.cleaned_data["reason"], given_by=request.user)
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("Notice given: shipments from %(day)s are not covered.")
                                 % {"day": notice.effective_on})
                return redirect("policies:detail", pk)
        return self.page(form)

    def page(self, form):
        return TemplateResponse(self.request, "policies/policy_notice.html", {"policy": self.policy(), "form": form})
