"""Underwriters' screens on scorecard versions: edit (until used), activate, copy into a new version.

The decision screen's suggestion is in limits/admin.py (`_context`), rendered by admin/limits/decide.html.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.db.models import Max
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled
from simple_history.admin import SimpleHistoryAdmin

from core.admin import RefusalShownAdminMixin
from core.exceptions import DomainError
from core.forms import show_domain_error
from limits.scorecard import services
from limits.scorecard.models import Scorecard
from policies.models import Policy


class ScorecardForm(forms.ModelForm):
    # Policies are tenant-owned: their choices are read when the form is built, not when the module loads.
    policies = forms.ModelMultipleChoiceField(
        queryset=None, required=False, label=gettext_lazy("policies"),
        help_text=gettext_lazy("Empty: every policy. Other policies keep the grade matrix."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with scopes_disabled():
            self.fields["policies"].queryset = Policy.objects.select_related("tenant").order_by("number")

    class Meta:
        model = Scorecard
        fields = ("version", "name", "note", "is_active", "currency", "max_automatic_amount", "buyer_exposure_cap",
                  "policies", "parameters")
        widgets = {"parameters": forms.Textarea(attrs={"rows": 30, "cols": 100, "style": "font-family:monospace"})}

    def clean(self):
        data = super().clean()
        if "parameters" in data:
            try:
                services.check_parameters(data["parameters"])
            except DomainError as exc:
                show_domain_error(self, exc)
        return data


@admin.register(Scorecard)
class ScorecardAdmin(RefusalShownAdminMixin, SimpleHistoryAdmin):
    form = ScorecardForm
    list_display = ("version", "name", "is_active", "max_automatic_amount", "buyer_exposure_cap", "currency",
                    "first_used_at")
    list_filter = ("is_active",)
    actions = ["copy_to_new_version"]

    def has_delete_permission(self, request, obj=None):
        return False  # decisions name their version

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_used:
            frozen = [f for f in ScorecardForm.Meta.fields if f not in services.CHANGEABLE_WHEN_USED]
            return [*frozen, "first_used_at", "factor_table"]
        return ["first_used_at", "factor_table"]

    def get_fields(self, request, obj=None):
        return [*ScorecardForm.Meta.fields, "first_used_at", "factor_table"]

    @admin.display(description=gettext_lazy("points per factor"))
    def factor_table(self, obj):
        if obj is None or not obj.parameters:
            return ""
        bands = obj.parameters.get("bands", {})
        rows = format_html_join("", "<tr><td>{}</td><td><code>{}</code></td></tr>",
                                ((name, json.dumps(value)) for name, value in bands.items()))
        return format_html("<table>{}</table>", rows)

    def get_changeform_initial_data(self, request):
        top = Scorecard.objects.aggregate(top=Max("version"))["top"] or 0
        return {"version": top + 1, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        services.save_scorecard(scorecard=obj, changed=set(form.changed_data))

    @admin.action(description=gettext_lazy("New version from this one"), permissions=["add"])
    def copy_to_new_version(self, request, queryset):
        for source in queryset.order_by("version"):
            copy = services.new_version(source=source)
            self.message_user(request, _("Version %(version)d created from version %(source)d.")
                              % {"version": copy.version, "source": source.version}, messages.SUCCESS)
