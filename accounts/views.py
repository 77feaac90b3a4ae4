from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from accounts import selectors, services
from accounts.forms import ApiTokenForm
from accounts.mixins import TenantMemberRequiredMixin
from core.exceptions import DomainError
from core.forms import show_domain_error
from core.selectors import notifications_for_user


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
                show_domain_error(form, exc)
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
