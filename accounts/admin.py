from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.template import engines
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from accounts import services
from accounts.models import ApiToken, InsurerApiToken, Membership, Tenant
from accounts.roles import ROLE_LABELS, STAFF_ROLES


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Tenant)
class TenantAdmin(SimpleHistoryAdmin):
    list_display = ("legal_name", "country", "registration_number", "contact_email", "is_active")
    list_filter = ("is_active", "country")
    search_fields = ("legal_name", "registration_number")
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "tenant", "created_at")
    search_fields = ("user__username", "tenant__legal_name")
    list_select_related = ("user", "tenant")
    autocomplete_fields = ("user", "tenant")


@admin.register(ApiToken)
class ApiTokenAdmin(SimpleHistoryAdmin):
    list_display = ("name", "tenant", "prefix", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("tenant",)
    search_fields = ("name", "prefix", "tenant__legal_name")
    readonly_fields = ("prefix", "key_hash", "service_user", "created_by", "created_at", "last_used_at")

    def has_add_permission(self, request):
        return False  # tokens are created by tenant admins, who see the key once


class InsurerApiTokenCreateForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), choices=[(role, ROLE_LABELS[role]) for role in STAFF_ROLES],
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("The token acts with the permissions of these staff roles."),
    )

    class Meta:
        model = InsurerApiToken
        fields = ["name"]


# Rendered in the response, never redirected through a message: the raw key is
# stored nowhere, not even for a moment in the message cookie or the session.
# The texts are translated in Python (gettext), where makemessages finds them.
_KEY_SHOWN_ONCE = """{% extends "admin/base_site.html" %}
{% block content %}<h1>{{ title }}</h1><p>{{ copy_now }}</p>
<p><code style="font-size:1.2em;user-select:all">{{ raw_key }}</code></p>
<p>{{ how_to_use }}</p><p><a href="{{ changelist_url }}">{{ back }}</a></p>
{% endblock %}"""


@admin.register(InsurerApiToken)
class InsurerApiTokenAdmin(SimpleHistoryAdmin):
    list_display = ("name", "prefix", "service_user", "created_by", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("service_user", "created_by")
    search_fields = ("name", "prefix")
    readonly_fields = ("name", "prefix", "key_hash", "service_user", "created_by", "created_at", "last_used_at",
                       "revoked_at")
    actions = ["revoke_tokens"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = InsurerApiTokenCreateForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    def get_fields(self, request, obj=None):
        return ["name", "roles"] if obj is None else list(self.readonly_fields)

    def save_model(self, request, obj, form, change):
        if change:
            return  # every field is read-only; a token is revoked with the action
        token, raw_key = services.create_insurer_api_token(
            name=form.cleaned_data["name"], roles=form.cleaned_data["roles"], created_by=request.user
        )
        # The admin logs and answers with `obj`: make it the token the service created.
        obj.pk = token.pk
        obj._state.adding = False
        obj._state.db = token._state.db
        for field in ("prefix", "key_hash", "service_user_id", "created_by_id", "created_at"):
            setattr(obj, field, getattr(token, field))
        request._insurer_api_raw_key = raw_key

    def save_related(self, request, form, formsets, change):
        pass  # the service set the service user's groups; the form has no relations of its own

    def response_add(self, request, obj, post_url_continue=None):
        raw_key = getattr(request, "_insurer_api_raw_key", None)
        if raw_key is None:
            return super().response_add(request, obj, post_url_continue)
        context = {
            **self.admin_site.each_context(request), "token": obj, "raw_key": raw_key,
            "title": _("Insurer API token created"),
            "copy_now": _('Copy the key of "%(name)s" now: it will not be shown again.') % {"name": obj.name},
            "how_to_use": _("Send it as the header Authorization: Token <key>. "
                            "It works only under /api/v1/insurer/."),
            "back": _("Back to the insurer API tokens"),
            "changelist_url": reverse("admin:accounts_insurerapitoken_changelist"),
        }
        html = engines["django"].from_string(_KEY_SHOWN_ONCE).render(context, request)
        response = HttpResponse(html)
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=gettext_lazy("Revoke the selected insurer API tokens"),
                  permissions=["change"])
    def revoke_tokens(self, request, queryset):
        for token in queryset.select_related("service_user"):
            services.revoke_insurer_api_token(token=token)
        revoked = _("Insurer API tokens revoked: %(n)d.") % {"n": queryset.count()}
        self.message_user(request, revoked, messages.SUCCESS)
