from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView
from django.views.i18n import set_language

from accounts import selectors, services
from accounts.forms import ApiTokenForm
from accounts.mixins import TenantMemberRequiredMixin
from core import notifications
from core.exceptions import DomainError
from core.forms import show_domain_error
from core.selectors import notifications_for_user


class NotificationListView(TenantMemberRequiredMixin, ListView):
    template_name = "accounts/notifications.html"
    context_object_name = "notifications"
    paginate_by = 50

    def get_queryset(self):
        return notifications_for_user(user=self.request.user, tenant=self.tenant)


class NotificationOpenView(TenantMemberRequiredMixin, View):
    """Opening a notification marks it read (by this user) and goes to its page."""

    def get(self, request, pk):
        notification = get_object_or_404(notifications_for_user(user=request.user, tenant=self.tenant), pk=pk)
        notifications.mark_read(notification=notification, user=request.user)
        link = notification.link
        if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()},
                                                    require_https=request.is_secure()):
            return redirect(link)
        return redirect("accounts:notifications")


class NotificationsReadView(TenantMemberRequiredMixin, View):
    def post(self, request):
        count = notifications.mark_all_read(user=request.user, tenant=self.tenant)
        if count:
            messages.success(request, _("All notifications are marked read."))
        return redirect("accounts:notifications")


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


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)


class LanguageView(TenantMemberRequiredMixin, View):
    """The user's language for the pages and the e-mails Kredo sends them."""

    def get(self, request):
        membership = selectors.membership_of_user(request.user)
        initial = (membership and membership.language) or translation.get_language()
        return render(request, "accounts/language.html", {"form": LanguageForm(initial={"language": initial})})

    def post(self, request):
        form = LanguageForm(request.POST)
        if not form.is_valid():
            return render(request, "accounts/language.html", {"form": form}, status=400)
        services.set_language_preference(user=request.user, language=form.cleaned_data["language"])
        translation.activate(form.cleaned_data["language"])
        messages.success(request, _("Pages and e-mails are now in this language."))
        response = redirect("accounts:language")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, form.cleaned_data["language"])
        return response


def set_language_and_preference(request):
    """The top bar's language switcher: Django's set_language, and for a tenant's user their preference too,
    so the page they switched to and the e-mails they receive agree."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.set_language_preference(user=request.user, language=language)
    return response
