"""The tenant admin manages the tenant's users (roles, invitations, deactivation)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts import selectors, services
from accounts.mixins import TenantMemberRequiredMixin
from accounts.roles import ROLE_LABELS, TENANT_ROLES
from core.exceptions import DomainError
from core.forms import show_domain_error

ROLE_CHOICES = [(r, ROLE_LABELS[r]) for r in TENANT_ROLES]


class MemberForm(forms.Form):
    username = forms.SlugField(label=gettext_lazy("Username"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    roles = forms.MultipleChoiceField(label=gettext_lazy("Roles"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple)


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(label=gettext_lazy("Roles"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple)


class MemberListView(TenantMemberRequiredMixin, View):
    required_permission = "accounts.manage_members"

    def get(self, request):
        return self._render(request, MemberForm())

    def post(self, request):
        form = MemberForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = services.add_member(
                    tenant=self.tenant, username=data["username"], email=data["email"], roles=data["roles"],
                    first_name=data["first_name"], last_name=data["last_name"],
                )
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                # The new user chooses a password through the link e-mailed to them.
                services.send_invitation(user=user, tenant=self.tenant, base_url=request.build_absolute_uri("/"))
                messages.success(request, _("%(user)s was invited by e-mail.") % {"user": user.username})
                return redirect("accounts:members")
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        members = selectors.members_of_tenant(tenant=self.tenant)
        return render(request, "accounts/members.html", {"form": form, "members": members}, status=status)


class MemberRolesView(TenantMemberRequiredMixin, View):
    required_permission = "accounts.manage_members"

    def post(self, request, pk):
        member = get_object_or_404(selectors.members_of_tenant(tenant=self.tenant), pk=pk)
        action = request.POST.get("action")
        try:
            if action == "deactivate":
                services.set_member_active(tenant=self.tenant, user=member, active=False, acting_user=request.user)
            elif action == "activate":
                services.set_member_active(tenant=self.tenant, user=member, active=True, acting_user=request.user)
            else:
                form = RolesForm(request.POST)
                if not form.is_valid():
                    raise DomainError(_("Choose one or more of the tenant roles."), field="roles")
                services.set_member_roles(tenant=self.tenant, user=member, roles=form.cleaned_data["roles"],
                                          acting_user=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("%(user)s was updated.") % {"user": member.username})
        return redirect("accounts:members")
