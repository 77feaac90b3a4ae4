"""Underwriters' screens: submitted proposals (read), quotes made from them (every term, as the policy issue form
has them), offered, and issued once accepted; the policy schedule PDF of any policy."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.exceptions import DomainError
from core.forms import show_domain_error
from policies.admin import TERM_FIELDSETS
from policies.models import TERM_FIELDS, Policy, TermsVersion
from policies.proposals import schedule, services
from policies.proposals.models import Proposal, ProposalBuyer, ProposalLossYear, ProposalTurnover, Quote
from policies.proposals.views import schedule_response

HEADER = ("proposal", "start_date", "end_date", "valid_until")


class _ReadOnlyRows(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TurnoverInline(_ReadOnlyRows):
    model = ProposalTurnover
    fields = readonly_fields = ("country", "expected_turnover")


class BuyerInline(_ReadOnlyRows):
    model = ProposalBuyer
    fields = readonly_fields = ("registry_buyer_id", "legal_name", "country", "requested_amount")


class LossInline(_ReadOnlyRows):
    model = ProposalLossYear
    fields = readonly_fields = ("year", "turnover", "losses_count", "losses_amount")


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "tenant", "state", "currency", "desired_start_date", "submitted_at", "quote_link")
    list_filter = ("state", "currency")
    search_fields = ("tenant__legal_name",)
    list_select_related = ("tenant",)
    fields = readonly_fields = ("tenant", "state", "currency", "desired_start_date", "desired_cover_percent",
                                "max_credit_period_days", "submitted_by", "submitted_at", "quote_link")
    inlines = [TurnoverInline, BuyerInline, LossInline]

    def has_add_permission(self, request):
        return False  # the insured applies; the underwriter quotes

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("quote"))
    def quote_link(self, obj):
        if obj.state != Proposal.State.SUBMITTED:
            return "—"
        return format_html('<a class="button" href="{}?proposal={}">{}</a>', reverse("admin:policies_quote_add"),
                           obj.pk, _("Make a quote"))


class QuoteForm(forms.ModelForm):
    """The quote's header and every term, the fields of the policy issue form (policies.admin)."""

    # Declared: a generated field would query the scoped manager at import.
    proposal = forms.ModelChoiceField(label=gettext_lazy("proposal"), queryset=Proposal._base_manager.none())

    class Meta:
        model = Quote
        fields = HEADER

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "proposal" in self.fields:  # read-only once the quote exists
            self.fields["proposal"].queryset = Proposal.objects.filter(state=Proposal.State.SUBMITTED)
        if "end_date" in self.fields:
            self.fields["end_date"].required = False
        terms = forms.fields_for_model(TermsVersion, fields=TERM_FIELDS)
        for name in TERM_FIELDS:
            self.fields[name] = terms[name]
        if self.instance.pk:
            stored = services.terms_from_json(self.instance.terms)
            for name in TERM_FIELDS:
                self.initial[name] = stored.get(name)
        elif (proposal_id := self.initial.get("proposal")) and (p := Proposal.objects.filter(pk=proposal_id).first()):
            self.initial.update(services.suggested_terms(p))

    def terms(self) -> dict:
        return {name: self.cleaned_data[name] for name in TERM_FIELDS if name in self.cleaned_data}

    def _post_clean(self):
        pass  # the terms are not the Quote's fields: the service's check (clean) stands for the model's

    def clean(self):
        data = super().clean()
        if all(data.get(f) for f in ("start_date", "valid_until")):
            try:
                services.check_quote(start_date=data["start_date"], end_date=data.get("end_date"),
                                     valid_until=data["valid_until"], terms=self.terms())
            except DomainError as exc:
                show_domain_error(self, exc)
        return data


@admin.register(Quote)
class QuoteAdmin(SimpleHistoryAdmin):
    form = QuoteForm
    list_display = ("__str__", "tenant", "proposal", "state", "start_date", "valid_until", "policy", "schedule_link")
    actions = ["offer_selected", "issue_selected"]
    list_filter = ("state",)
    search_fields = ("tenant__legal_name", "policy__number")
    list_select_related = ("tenant", "proposal", "policy")

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The terms are the form's own fields (not the model's): the factory is given the header only.
        kwargs["fields"] = [f for f in HEADER if f not in self.get_readonly_fields(request, obj)]
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.state != Quote.State.DRAFT:
            # Offered, the quote is what the insured read: shown, never edited.
            return ((None, {"fields": (*HEADER, "state", "decline_reason", "decline_note", "policy", "schedule_link",
                                       "terms_table")}),)
        return ((None, {"fields": HEADER}), *((title, {"fields": fields}) for title, fields in TERM_FIELDSETS))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.state != Quote.State.DRAFT:
            return (*HEADER, "state", "decline_reason", "decline_note", "policy", "schedule_link", "terms_table")
        return ("proposal",) if obj is not None else ()

    @admin.display(description=gettext_lazy("terms"))
    def terms_table(self, obj):
        rows = schedule.term_rows(services.terms_from_json(obj.terms), obj.currency)
        return format_html_join("", "<div><strong>{}</strong>: {}</div>", rows)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Offered, the quote is what the insured read: it is shown, never edited.
        editable = obj is None or obj.state == Quote.State.DRAFT
        return editable and super().has_change_permission(request, obj)

    def save_form(self, request, form, change):
        return form.instance

    def save_related(self, request, form, formsets, change):
        pass  # the quote has no relations the form edits: the service saved it whole

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            if change:
                services.update_draft_quote(quote=obj, start_date=data["start_date"],
                                            end_date=data.get("end_date") or obj.end_date,
                                            valid_until=data["valid_until"], terms=form.terms())
            else:
                created = services.create_quote(proposal=data["proposal"], made_by=request.user,
                                                start_date=data["start_date"], end_date=data.get("end_date"),
                                                valid_until=data["valid_until"], terms=form.terms())
                obj.pk = created.pk
        except DomainError as exc:
            raise ValidationError({path or None: msgs for path, msgs in exc.messages_by_field().items()}) from exc

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            # A refusal of the service after the form validated (ranges, the waiting period): say it, keep nothing.
            for msgs in exc.message_dict.values():
                for msg in msgs:
                    messages.error(request, msg)
            return redirect(request.get_full_path())

    @admin.display(description=gettext_lazy("policy schedule"))
    def schedule_link(self, obj):
        if not obj.policy_id:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:policies_schedule", args=[obj.policy_id]),
                           _("Policy schedule (PDF)"))

    def _each(self, request, queryset, act, done):
        if not request.user.has_perm("policies.change_quote"):
            raise PermissionDenied
        for quote in queryset:
            try:
                act(quote)
            except DomainError as exc:
                self.message_user(request, f"{quote}: {exc.message}", messages.ERROR)
            else:
                self.message_user(request, f"{quote}: {done}", messages.SUCCESS)

    @admin.action(description=gettext_lazy("Offer the selected draft quotes to the insured"))
    def offer_selected(self, request, queryset):
        self._each(request, queryset, lambda q: services.offer_quote(quote=q, offered_by=request.user),
                   _("Quote offered: the insured is told."))

    @admin.action(description=gettext_lazy("Issue the policy of the selected accepted quotes"))
    def issue_selected(self, request, queryset):
        self._each(request, queryset, lambda q: services.issue_policy_from_quote(quote=q, issued_by=request.user),
                   _("Policy issued."))

    def get_urls(self):
        return [path("schedule/<int:policy_id>/", self.admin_site.admin_view(self.schedule_view),
                     name="policies_schedule"), *super().get_urls()]

    def schedule_view(self, request, policy_id):
        if not request.user.has_perm("policies.view_policy"):
            raise PermissionDenied
        policy = get_object_or_404(Policy.objects.select_related("tenant"), pk=policy_id)
        # The insured's copy: in its language, unless the underwriter asks for another (?language=es).
        language = request.GET.get("language")
        if language not in dict(settings.LANGUAGES):
            language = policy.tenant.language
        return schedule_response(policy, language=language)
