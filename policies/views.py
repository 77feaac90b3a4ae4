from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from accounts.mixins import TenantMemberRequiredMixin
from policies.loss_payees.selectors import loss_payees_of_policy
from policies.periods.selectors import policy_life
from policies.selectors import policies_for_tenant


class PolicyListView(TenantMemberRequiredMixin, ListView):
    template_name = "policies/policy_list.html"
    context_object_name = "policies"
    required_permission = "policies.view_policy"
    paginate_by = 50

    def get_queryset(self):
        return policies_for_tenant(tenant=self.tenant, status=self.request.GET.get("status") or None)


class PolicyDetailView(TenantMemberRequiredMixin, DetailView):
    template_name = "policies/policy_detail.html"
    context_object_name = "policy"
    required_permission = "policies.view_policy"

    def get_object(self, queryset=None):
        return get_object_or_404(policies_for_tenant(tenant=self.tenant), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):

        context = super().get_context_data(**kwargs)
        policy = self.object
        context["terms"] = policy.terms_shown()
        context["versions"] = policy.terms_versions_in_order
        context["in_force_version"] = next(v for v in policy.terms_versions_in_order
                                           if v.pk == context["terms"].version_id)
        context["loss_payees"] = loss_payees_of_policy(tenant=self.tenant, policy_id=policy.pk)
        context["life"] = policy_life(policy=policy, user=self.request.user)
        return context
