"""Underwriters' screens of the policy's life: the periods on the policy's page, renewal offers (change an open
offer's rate and terms, informed by its loss ratio) and notices (*Give notice…* on a policy). Every write goes
through policies.periods.services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
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
from policies.models import Policy
from policies.periods import services
from policies.periods.models import InsurancePeriod, PolicyNotice, RenewalOffer


class InsurancePeriodInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = InsurancePeriod
    fields = ("number", "start", "end", "state")
    extra = 0


class RenewalOfferForm(forms.ModelForm):
    term_changes = forms.JSONField(label=gettext_lazy("Other term changes"), required=False,
                                   help_text=gettext_lazy('Term name and value, e.g. {"percentage_of_cover_commercial": '
                                                          '"85"}. Applied from the next period\'s first day.'))

    class Meta:
        model = RenewalOffer
        fields = ("premium_rate_percent", "term_changes", "note")


@admin.register(RenewalOffer)
class RenewalOfferAdmin(SimpleHistoryAdmin):
    form = RenewalOfferForm
    list_display = ("policy", "tenant", "period", "state", "offered_on", "premium_rate_percent",
                    "loss_ratio_percent", "decided_on")
    list_filter = ("state",)
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant", "period")
    readonly_fields = ("policy", "period", "state", "offered_on", "loss_ratio_percent", "decided_on", "next_period")
    fields = ("policy", "period", "state", "offered_on", "loss_ratio_percent", "premium_rate_percent",
              "term_changes", "note", "decided_on", "next_period")

    def has_add_permission(self, request):
        return False  # offers are made by the renewal job

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.state == RenewalOffer.State.OFFERED)

    def save_model(self, request, obj, form, change):
        try:
            services.change_offer(offer=obj, changed_by=request.user,
                                  premium_rate_percent=form.cleaned_data["premium_rate_percent"],
                                  term_changes=form.cleaned_data.get("term_changes") or {},
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
