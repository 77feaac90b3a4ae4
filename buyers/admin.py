"""Underwriters' screens on the buyer registry: identify, grade and merge through buyers.services."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from buyers import services
from buyers.credit_file.admin import credit_file_html
from buyers.financials.admin import statements_table
from buyers.forms import (
    BuyerAdminForm,
    BuyerIdentifierInlineForm,
    CountryRiskAdminForm,
    GradeActionForm,
    MergeActionForm,
)
from buyers.models import Buyer, BuyerGrade, BuyerIdentifier, CountryRisk
from buyers.relations import InsuredRelation
from buyers.selectors import matching_query
from core.admin import ReadOnlyAdminMixin, RefusalShownAdminMixin
from core.exceptions import DomainError
from core.forms import show_domain_error


class _BuyerChildInline:
    """Rows of a buyer are edited with the buyer's own permissions, not separate ones per table."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("buyers.view_buyer")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("buyers.change_buyer")

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("buyers.change_buyer")

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("buyers.change_buyer")


class BuyerIdentifierInline(_BuyerChildInline, admin.TabularInline):
    model = BuyerIdentifier
    form = BuyerIdentifierInlineForm
    extra = 0


class BuyerGradeInline(ReadOnlyAdminMixin, _BuyerChildInline, admin.TabularInline):
    """Append-only: grades are given with the "Grade" action, which records who and why."""

    model = BuyerGrade
    extra = 0
    can_delete = False
    fields = ("graded_on", "grade", "previous_grade", "reason", "graded_by", "created_at")
    readonly_fields = fields
    ordering = ("-graded_on", "-pk")
    verbose_name = gettext_lazy("grade")
    verbose_name_plural = gettext_lazy("grade history")


@admin.register(Buyer)
class BuyerAdmin(RefusalShownAdminMixin, SimpleHistoryAdmin):
    form = BuyerAdminForm
    list_display = ("legal_name", "country", "registration_number", "vat_number", "grade", "grade_date", "status",
                    "proposed_by_tenant")
    list_filter = ("status", "kind", "country", "grade")
    list_select_related = ("proposed_by_tenant",)
    search_fields = ("legal_name", "registration_number", "vat_number", "search_text")
    # The LEI's statuses are GLEIF's word, written by `manage.py import_gleif` only.
    readonly_fields = ("grade", "grade_date", "status", "merged_into", "proposed_by_tenant", "created_at", "updated_at",
                       "lei_registration_status", "lei_entity_status", "financial_statements", "credit_file")
    fieldsets = (
        (None, {"fields": ("legal_name", "trading_name", "kind", "country", "status", "merged_into",
                           "proposed_by_tenant")}),
        (gettext_lazy("Identifiers"), {"fields": ("registration_number", "vat_number", "lei", "lei_registration_status",
                                                     "lei_entity_status", "sector_nace")}),
        (gettext_lazy("Address"), {"fields": ("address", "postal_code", "city")}),
        (gettext_lazy("Grade"), {"fields": ("grade", "grade_date")}),
        (gettext_lazy("Financial statements"), {"fields": ("financial_statements",)}),
        (gettext_lazy("Credit file across insureds"), {"fields": ("credit_file",)}),
        (None, {"fields": ("created_at", "updated_at")}),
    )
    inlines = [BuyerIdentifierInline, BuyerGradeInline]
    actions = ["confirm_identification", "grade_action", "merge_action"]

    def has_delete_permission(self, request, obj=None):
        return False  # limits and claims point at buyers; duplicates are merged instead

    @admin.display(description=gettext_lazy("financial statements"))
    def financial_statements(self, obj):
        return statements_table(obj)

    @admin.display(description=gettext_lazy("credit file"))
    def credit_file(self, obj):
        return credit_file_html(obj)

    def has_grade_permission(self, request):
        return request.user.has_perm("buyers.grade_buyer")

    def has_merge_permission(self, request):
        return request.user.has_perm("buyers.merge_buyer")

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            # Also the registry's own matching: accents ignored, identifiers compared compacted.
            registry = matching_query(queryset, search_term).values("pk")
            results = results | queryset.filter(pk__in=registry)
        return results, may_have_duplicates

    def save_model(self, request, obj, form, change):
        services.update_buyer_identity(buyer=obj)

    # --- actions ---

    @admin.action(description=gettext_lazy("Confirm identification"), permissions=["change"])
    def confirm_identification(self, request, queryset):
        confirmed = 0
        for buyer in queryset:
            try:
                services.confirm_buyer(buyer=buyer)
            except DomainError as exc:
                self.message_user(request, f"{buyer}: {exc.message}", messages.ERROR)
            else:
                confirmed += 1
        if confirmed:
            self.message_user(request, _("%(n)d buyer(s) confirmed.") % {"n": confirmed}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Grade…"), permissions=["grade"])
    def grade_action(self, request, queryset):
        form = GradeActionForm(request.POST if "apply" in request.POST else None,
                               initial={"action": "grade_action"})
        if form.is_bound and form.is_valid():
            graded = 0
            for buyer in queryset:
                try:
                    services.grade_buyer(
                        buyer=buyer, grade=form.cleaned_data["grade"], graded_by=request.user,
                        reason=form.cleaned_data["reason"], graded_on=form.cleaned_data["graded_on"],
                    )
                except DomainError as exc:
                    if exc.field in form.fields:
                        show_domain_error(form, exc)  # the same for every buyer: ask again
                        break
                    self.message_user(request, f"{buyer}: {exc.message}", messages.ERROR)
                else:
                    graded += 1
            else:
                if graded:
                    self.message_user(request, _("%(n)d buyer(s) graded.") % {"n": graded}, messages.SUCCESS)
                return None
        return self._intermediate(request, queryset, form, _("Grade buyers"), "buyers/admin_grade.html")

    @admin.action(description=gettext_lazy("Merge into…"), permissions=["merge"])
    def merge_action(self, request, queryset):
        selected = list(queryset)
        form = MergeActionForm(
            request.POST if "apply" in request.POST else None, initial={"action": "merge_action"},
            selected_pks=[b.pk for b in selected], admin_site=self.admin_site,
        )
        if form.is_bound and form.is_valid():
            target = form.cleaned_data["target"]
            merged = 0
            for source in selected:
                try:
                    services.merge_buyers(source=source, target=target, merged_by=request.user)
                except DomainError as exc:
                    self.message_user(request, f"{source}: {exc.message}", messages.ERROR)
                else:
                    merged += 1
            if merged:
                self.message_user(
                    request, _("%(n)d buyer(s) merged into %(target)s.") % {"n": merged, "target": target},
                    messages.SUCCESS,
                )
            return None
        return self._intermediate(request, selected, form, _("Merge duplicate buyers"), "buyers/admin_merge.html")

    def _intermediate(self, request, buyers, form, title, template):
        if not request.user.has_perm("buyers.view_buyer"):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "buyers": buyers,
            "form": form,
            "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, template, context)


@admin.register(CountryRisk)
class CountryRiskAdmin(SimpleHistoryAdmin):
    form = CountryRiskAdminForm
    list_display = ("country", "grade", "graded_on")
    list_filter = ("grade",)
    search_fields = ("country", "note")

    def get_changeform_initial_data(self, request):
        return {"graded_on": timezone.localdate(), **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        services.save_country_risk(risk=obj)


# Buyer imports from CSV (buyers.imports.admin): registered with the other buyer screens.
from buyers.gleif import admin as _gleif_admin  # noqa: E402,F401,I001
from buyers.imports import admin as _imports_admin  # noqa: E402,F401


@admin.register(InsuredRelation)
class InsuredRelationAdmin(admin.ModelAdmin):
    """Underwriters record which buyers belong to an insured's own group: its policy excludes them unless its terms
    cover related companies (PolicyTerms.buyer_exclusion)."""

    list_display = ("buyer", "tenant", "note", "created_at")
    search_fields = ("buyer__legal_name", "tenant__legal_name")
    list_select_related = ("buyer", "tenant")
    autocomplete_fields = ("buyer", "tenant")
    fields = ("tenant", "buyer", "note")

    def has_change_permission(self, request, obj=None):
        return False  # recorded or deleted, never edited in place

    def save_model(self, request, obj, form, change):
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
