from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from accounts import selectors, services
from accounts.forms import ApiTokenForm
from accounts.mixins import TenantMemberRequiredMixin
from core.exceptions import DomainError
from core.selectors import notifications_for_user
from limits.charts import exposure_bar_chart
from limits.exposure import BUYER, COUNTRY, split_by_currency, tenant_exposure
from policies.models import Policy
from policies.selectors import policies_for_tenant

EXPOSURE_TOP = 10


class HomeView(TenantMemberRequiredMixin, TemplateView):
    template_name = "accounts/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["active_policies"] = policies_for_tenant(tenant=self.tenant, status=Policy.Status.ACTIVE)
        ctx["notifications"] = notifications_for_user(user=self.request.user, tenant=self.tenant)[:5]
        if self.request.user.has_perm("limits.view_creditlimit"):
            ctx.update(self._exposure())
        return ctx

    def _exposure(self) -> dict:
        """The insured's limits in force per buyer and country, one block per policy currency (never summed)."""
        by_buyer = split_by_currency(tenant_exposure(tenant=self.tenant, by=BUYER), top=EXPOSURE_TOP)
        by_country = split_by_currency(tenant_exposure(tenant=self.tenant, by=COUNTRY), top=EXPOSURE_TOP)
        charts = {
            # The chart escapes every text it draws (limits.charts).
            section.currency: mark_safe(exposure_bar_chart(
                section.rows, title=_("Exposure per buyer in %(currency)s") % {"currency": section.currency}
            ))
            for section in by_buyer
        }
        return {
            "show_exposure": True,
            "exposure_by_buyer": [(section, charts[section.currency]) for section in by_buyer],
            "exposure_by_country": by_country,
        }


class NotificationListView(TenantMemberRequiredMixin, ListView):
    template_name = "accounts/notifications.html"
    context_object_name = "notifications"
    paginate_by = 50

    def get_queryset(self):
        return notifications_for_user(user=self.request.user, tenant=self.tenant)


class ApiTokenListView(TenantMemberRequiredMixin, View):
    required_permission = "accounts.manage_api_tokens"

    def get(self, request):
        return self._render(request, ApiTokenForm())

    def post(self, request):
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            try:
                token, raw_key = services.create_api_token(
                    tenant=self.tenant, created_by=request.user, name=form.cleaned_data["name"],
                    roles=form.cleaned_data["roles"],
                )
            except DomainError as exc:
                form.add_error(exc.field, exc.message)
            else:
                # The key is shown on this response only; it is stored hashed.
                return self._render(request, ApiTokenForm(), new_token=token, raw_key=raw_key)
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200, **extra):
        tokens = selectors.api_tokens_of_tenant(tenant=self.tenant)
        return render(request, "accounts/api_tokens.html", {"form": form, "tokens": tokens, **extra}, status=status)


class ApiTokenRevokeView(TenantMemberRequiredMixin, View):
    required_permission = "accounts.manage_api_tokens"

    def post(self, request, pk):
        token = get_object_or_404(selectors.api_tokens_of_tenant(tenant=self.tenant), pk=pk)
        services.revoke_api_token(token=token)
        messages.success(request, _("The token %(name)s was revoked.") % {"name": token.name})
        return redirect("accounts:api-tokens")
