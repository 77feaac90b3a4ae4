"""Underwriters' screens of the policy's life: the periods on the policy's page, renewal offers (change an open
offer's rate and terms, informed by its loss ratio) and notices (*Give notice…* on a policy). Every write goes
through policies.periods.services."""

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

from core.admin import ReadOnlyAdminMixin
from core.exceptions import DomainError
from core.forms import show_domain_error
from policies.models import TERM_FIELDS, Policy, TermsVersion
from policies.periods import services
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer


class InsurancePeriodInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = InsurancePeriod
    fields = ("number", "start", "end", "state")
    extra = 0


# The offer's own rate field stands for the premium rate; every other term is offered as the endorsement form has it.
OFFER_FIELDS = ("premium_rate_percent", "note")
OFFERED_TERMS = tuple(name for name in TERM_FIELDS if name != "premium_rate_percent")


def _terms_at_end(offer: RenewalOffer) -> TermsVersion | None:
    """The terms version in force on the period's last day: what the next period starts from (as accept_offer)."""
    return (TermsVersion.objects.filter(policy_id=offer.policy_id, effective_from__lte=offer.period.end)
            .order_by("-effective_from").first())


def _same(a, b) -> bool:
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):  # countries: codes, in any order
        return sorted(str(x) for x in a or []) == sorted(str(x) for x in b or [])
    return a == b


class RenewalOfferForm(forms.ModelForm):
    """The rate and every other term of the next period, filled with the terms in force at the period's end (or the
    offer's changes): checked as a terms version is (TermsVersion.full_clean), and only the terms changed are kept
    in `term_changes` (policies.periods.services.change_offer checks them again)."""

    class Meta:
        model = RenewalOffer
        fields = OFFER_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.base = _terms_at_end(self.instance) if self.instance.pk else None
        if self.base is None:
            return
        for name, field in forms.fields_for_model(TermsVersion, fields=OFFERED_TERMS).items():
            self.fields[name] = field
            self.initial.setdefault(name, self.instance.term_changes.get(name, getattr(self.base, name)))

    def term_changes(self) -> dict:
        data = self.cleaned_data
        changed = {name: data[name] for name in OFFERED_TERMS
                   if name in data and not _same(data[name], getattr(self.base, name))}
        if "excluded_countries" in changed:
            changed["excluded_countries"] = [str(code) for code in changed["excluded_countries"]]
        return changed

    def _post_clean(self):
        super()._post_clean()
        if self.base is None or any(name in self.errors for name in OFFERED_TERMS):
            return
        trial = TermsVersion(policy_id=self.base.policy_id, effective_from=self.base.effective_from,
                             **{name: getattr(self.base, name) for name in TERM_FIELDS})
        for name, value in {**self.term_changes(),
                            "premium_rate_percent": self.cleaned_data.get("premium_rate_percent")}.items():
            setattr(trial, name, value)
        try:
            trial.full_clean(exclude=["policy", "effective_from"])
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                self.add_error(name if name in self.fields else None, errors)


@admin.register(RenewalOffer)
class RenewalOfferAdmin(SimpleHistoryAdmin):
    form = RenewalOfferForm
    list_display = ("policy", "tenant", "period", "state", "offered_on", "premium_rate_percent",
                    "loss_ratio_percent", "decided_on")
    list_filter = ("state",)
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant", "period")
    readonly_fields = ("policy", "period", "state", "offered_on", "loss_ratio_percent", "decided_on", "next_period",
                       "term_changes")
    fields = ("policy", "period", "state", "offered_on", "loss_ratio_percent", "premium_rate_percent",
              "term_changes", "note", "decided_on", "next_period")

    def has_add_permission(self, request):
        return False  # offers are made by the renewal job

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.state == RenewalOffer.State.OFFERED)

    def _editable(self, request, obj) -> bool:
        return obj is not None and self.has_change_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._editable(request, obj):
            kwargs["fields"] = OFFER_FIELDS  # the terms are the form's own fields, not the offer's columns
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if not self._editable(request, obj):
            return super().get_fieldsets(request, obj)
        from policies.admin import TERM_FIELDSETS

        header = (None, {"fields": ("policy", "period", "state", "offered_on", "loss_ratio_percent",
                                    "premium_rate_percent", "note", "term_changes")})
        terms = [(title, {"fields": [name for name in names if name in OFFERED_TERMS]})
                 for title, names in TERM_FIELDSETS]
        return (header, *terms)

    def save_model(self, request, obj, form, change):
        try:
            services.change_offer(offer=obj, changed_by=request.user,
                                  premium_rate_percent=form.cleaned_data["premium_rate_percent"],
                                  term_changes=form.term_changes() if form.base is not None else None,
                                  note=form.cleaned_data.get("note", ""))
        except DomainError as exc:
            self.message_user(request, exc.message, messages.ERROR)


@admin.register(PolicyNotice)
class PolicyNoticeAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("policy", "tenant", "kind", "given_by_side", "given_on", "effective_on")
    list_filter = ("kind", "given_by_side")
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant")


class NoticeForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=PolicyNotice.Kind.choices)
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


def notice_link(obj):
    return format_html('<a class="button" href="{}">{}</a>', reverse("admin:policies_give_notice", args=[obj.pk]),
                       _("Give notice"))


def notice_urls(admin_site):
    return [path("<int:pk>/notice/", admin_site.admin_view(notice_view), name="policies_give_notice")]


def notice_view(request, pk):
    """The insurer's notice of non-renewal or cancellation on a policy."""
    if not request.user.has_perm("policies.give_policy_notice"):
        raise PermissionDenied
    policy = get_object_or_404(Policy.objects.select_related("tenant"), pk=pk)
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.give_notice(policy=policy, kind=form.cleaned_data["kind"], side="insurer",
                                          reason=form.cleaned_data["reason"], given_by=request.user)
        except DomainError as exc:
            show_domain_error(form, exc)
        else:
            messages.success(request, _("Notice given: shipments from %(day)s are not covered.")
                             % {"day": notice.effective_on})
            return redirect("admin:policies_policy_change", policy.pk)
    context = {**admin.site.each_context(request), "opts": Policy._meta, "policy": policy, "form": form,
               "title": _("Give notice on policy %(number)s") % {"number": policy.number}}
    return TemplateResponse(request, "admin/policies/notice.html", context)
