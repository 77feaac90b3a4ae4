"""Underwriters' policy screens: issue a policy with its terms, edit its header, endorse its terms from a date.

Terms are never edited in place (domain.md, The policy's life): the change form shows every terms version, and
*Endorse terms* adds one through policies.endorsements.endorse_policy.
"""

from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.exceptions import DomainError
from core.forms import show_domain_error
from policies import endorsements, services
from policies.models import TERM_FIELDS, Policy, TermsVersion

HEADER_FIELDS = ("tenant", "number", "status", "start_date", "end_date", "currency")

TERM_FIELDSETS = (
    (gettext_lazy("Cover"), ("percentage_of_cover_commercial", "percentage_of_cover_political", "excluded_countries",
                             "covers_related_companies", "covers_private_individuals", "covers_public_buyers")),
    (gettext_lazy("Discretionary limits"),
     ("discretionary_limit_max_amount", "discretionary_percentage_of_cover", "discretionary_max_buyer_grade")),
    (gettext_lazy("Credit periods and deadlines (days)"),
     ("max_credit_period_days", "max_extension_days", "overdue_notification_days", "notification_deadline_from",
      "waiting_period_days", "claim_filing_days", "claim_payment_days", "reduction_notice_days",
      "cancellation_notice_days", "renewal_offer_days")),
    (gettext_lazy("Indemnity, premium and recoveries"),
     ("non_qualifying_loss_amount", "aggregate_first_loss_amount", "max_liability_multiple", "premium_rate_percent",
      "minimum_premium_amount", "premium_deposit_due_days", "premium_suspension_notice_days",
      "credit_limit_fee_per_request_amount", "credit_limit_fee_per_buyer_year_amount", "profit_share_percent",
      "profit_share_loss_ratio_percent", "recovery_sharing")),
)
assert {f for _title, fields in TERM_FIELDSETS for f in fields} == set(TERM_FIELDS), "every term on the forms"

class PolicyIssueForm(forms.ModelForm):
    """The add form: the policy's header and the terms it is issued with."""

    class Meta:
        model = Policy
        fields = HEADER_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TERM_FIELDS:
            self.fields[name] = forms.fields_for_model(TermsVersion, fields=[name])[name]

    def terms(self) -> dict:
        return {name: self.cleaned_data[name] for name in TERM_FIELDS if name in self.cleaned_data}

    def _post_clean(self):
        super()._post_clean()
        # The terms are not the Policy's fields: their model checks (ranges, the waiting period) run here.
        version = TermsVersion(effective_from=self.cleaned_data.get("start_date") or date.min, **self.terms())
        try:
            version.full_clean(exclude=["policy", "effective_from"])
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                self.add_error(name if name in self.fields else None, errors)


class EndorsementForm(forms.ModelForm):
    class Meta:
        model = TermsVersion
        fields = ("effective_from", "reason", *TERM_FIELDS)


class TermsVersionInline(admin.TabularInline):
    model = TermsVersion
    fields = ("effective_from", "percentage_of_cover_commercial", "percentage_of_cover_political",
              "discretionary_limit_max_amount", "max_credit_period_days", "premium_rate_percent", "reason",
              "made_by", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("effective_from",)
    verbose_name_plural = gettext_lazy("Terms versions (change them with Endorse terms)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Policy)
class PolicyAdmin(SimpleHistoryAdmin):
    list_display = ("number", "tenant", "status", "start_date", "end_date", "currency", "endorse_link",
                    "notice_link")
    list_filter = ("status", "currency")
    search_fields = ("number", "tenant__legal_name")
    list_select_related = ("tenant",)
    autocomplete_fields = ("tenant",)
    date_hierarchy = "start_date"
    inlines = [TermsVersionInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = PolicyIssueForm
            kwargs["fields"] = HEADER_FIELDS
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        header = (None, {"fields": ("tenant", "number", "status", ("start_date", "end_date"), "currency")})
        if obj is not None:
            return (header,)
        return (header, *((title, {"fields": fields}) for title, fields in TERM_FIELDSETS))

    def get_inlines(self, request, obj):
        from policies.periods.admin import InsurancePeriodInline

        return [TermsVersionInline, InsurancePeriodInline] if obj is not None else []

    def get_readonly_fields(self, request, obj=None):
        # A renewed policy's dates are its periods' (policies.periods): moved by renewal or notice only.
        if obj is not None and obj.periods.count() > 1:
            return ("start_date", "end_date")
        return ()

    @admin.display(description="")
    def notice_link(self, obj):
        from policies.periods.admin import notice_link

        return notice_link(obj)

    def save_model(self, request, obj, form, change):
        if change:
            services.save_policy(policy=obj)
            return
        created = services.create_policy(
            tenant=obj.tenant, number=obj.number, start_date=obj.start_date, end_date=obj.end_date,
            status=obj.status, currency=obj.currency, made_by=request.user, **form.terms())
        obj.pk = created.pk
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)

    @admin.display(description="")
    def endorse_link(self, obj):
        return format_html('<a class="button" href="{}">{}</a>', reverse("admin:policies_endorse", args=[obj.pk]),
                           _("Endorse terms"))

    def get_urls(self):
        return [
            path("<int:pk>/endorse/", self.admin_site.admin_view(self.endorse_view), name="policies_endorse"),
            *notice_urls(self.admin_site),
            *super().get_urls(),
        ]

    def endorse_view(self, request, pk):
        if not request.user.has_perm("policies.add_termsversion"):
            raise PermissionDenied
        policy = get_object_or_404(Policy.objects.select_related("tenant"), pk=pk)
        latest = policy.terms_versions.order_by("-effective_from").first()
        initial = {name: getattr(latest, name) for name in TERM_FIELDS}
        initial["effective_from"] = endorsements.earliest_endorsement_date(policy=policy)
        form = EndorsementForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            changes = {name: data[name] for name in TERM_FIELDS if name in data}
            try:
                endorsements.endorse_policy(policy=policy, effective_from=data["effective_from"],
                                            reason=data["reason"], made_by=request.user, **changes)
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("Endorsement recorded: the new terms apply to shipments from %(day)s.")
                                 % {"day": data["effective_from"]})
                return redirect("admin:policies_policy_change", policy.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Endorse the terms of policy %(number)s") % {"number": policy.number},
            "policy": policy, "form": form, "opts": self.model._meta,
            "versions": policy.terms_versions.order_by("effective_from").select_related("made_by"),
        }
        return TemplateResponse(request, "admin/policies/endorse.html", context)


from policies.loss_payees import admin as _loss_payee_admin  # noqa: E402,F401  (registers LossPayeeAdmin)
from policies.periods.admin import notice_urls  # noqa: E402  (its screens register themselves)
from policies.premium import admin as premium_admin  # noqa: E402,F401  (its screens register themselves)
from policies.proposals import admin as proposals_admin  # noqa: E402,F401  (proposals and quotes)
