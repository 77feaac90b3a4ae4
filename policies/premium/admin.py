"""Underwriters' premium screens: they follow declarations and settlements; writes go through the services."""

from django import forms
from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdminMixin, money_column
from core.exceptions import DomainError
from core.forms import show_domain_error
from policies.premium import services as services_premium
from policies.premium.models import PeriodPremium, PremiumSchedule, TurnoverDeclaration


class PremiumScheduleForm(forms.ModelForm):
    class Meta:
        model = PremiumSchedule
        # The admin adds the policy field at request time (scopes are disabled there, not at import).
        fields = ("declaration_frequency",)

    def clean(self):
        data = super().clean()
        policy = data.get("policy") or getattr(self.instance, "policy", None)
        if policy is not None and data.get("declaration_frequency"):
            try:
                services_premium.check_declaration_frequency(policy=policy, frequency=data["declaration_frequency"])
            except DomainError as exc:
                show_domain_error(self, exc)
        return data


@admin.register(PremiumSchedule)
class PremiumScheduleAdmin(SimpleHistoryAdmin):
    form = PremiumScheduleForm
    list_display = ("policy", "tenant", "declaration_frequency")
    list_filter = ("declaration_frequency",)
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant")
    autocomplete_fields = ("policy",)
    fields = ("policy", "declaration_frequency")

    def get_readonly_fields(self, request, obj=None):
        return ("policy",) if obj else ()

    def save_model(self, request, obj, form, change):
        services_premium.set_declaration_frequency(policy=obj.policy, frequency=obj.declaration_frequency)


@admin.register(TurnoverDeclaration)
class TurnoverDeclarationAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("policy", "tenant", "period_start", "period_end", "country",
                    money_column(TurnoverDeclaration, "turnover"), money_column(TurnoverDeclaration, "premium"),
                    "declared_at")
    list_filter = ("currency", "period_start")
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant")
    date_hierarchy = "period_start"

    # Declared by the insured (browser, CSV, API): the admin only reads them.


@admin.register(PeriodPremium)
class PeriodPremiumAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("policy", "tenant", "period_start", "period_end",
                    *(money_column(PeriodPremium, f) for f in ("declared_premium", "minimum_premium", "adjustment",
                                                               "premium_due")), "computed_at")
    list_filter = ("currency",)
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant")
    actions = ["settle_again"]

    @admin.action(description="Settle again from the current declarations")
    def settle_again(self, request, queryset):
        for settled in queryset.select_related("policy"):
            services_premium.close_period(policy=settled.policy)
        self.message_user(request, "Settled again.", messages.SUCCESS)
