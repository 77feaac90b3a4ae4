"""Underwriters assign the indemnity to a financing bank, and release it, through the services; the screen
writes nothing itself."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from core.dates import BoundedDateFormField
from core.exceptions import DomainError
from core.forms import show_domain_error
from policies.loss_payees import services
from policies.loss_payees.models import LossPayee, LossPayeeNotice
from policies.models import Policy

_DATE = forms.DateInput(attrs={"type": "date"})


class AssignForm(forms.ModelForm):
    # Searched, never listed: a registry of a million buyers, every tenant's policies (the admin's autocomplete).
    policy = forms.ModelChoiceField(label=gettext_lazy("Policy"), queryset=Policy.objects.none())
    # The registry's model through the foreign key: policies comes before buyers and never imports it.
    buyer = forms.ModelChoiceField(label=gettext_lazy("Buyer"), required=False,
                                   queryset=LossPayee._meta.get_field("buyer").related_model.objects.all(),
                                   help_text=gettext_lazy("Empty: the whole policy."))
    webhook_url = forms.URLField(label=gettext_lazy("Bank's webhook receiver (https)"), required=False,
                                 assume_scheme="https",
                                 help_text=gettext_lazy("Optional: the bank also receives the events as signed "
                                                        "webhooks."))
    effective_from = BoundedDateFormField(label=gettext_lazy("Effective from"), widget=_DATE)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with scopes_disabled():  # insurer staff assign on any tenant's policy
            self.fields["policy"].queryset = Policy.objects.all()
        for name in ("policy", "buyer"):
            field = self.fields[name]
            field.widget = AutocompleteSelect(LossPayee._meta.get_field(name), admin.site)
            field.widget.choices = field.choices  # the field's own choices, read lazily by the widget

    class Meta:
        model = LossPayee
        fields = ("policy", "buyer", "bank_name", "iban", "bic", "contact_name", "contact_email", "language",
                  "effective_from", "reason")


class ReleaseForm(forms.Form):
    ended_on = BoundedDateFormField(label=gettext_lazy("Last day it applies"), widget=_DATE)
    reason = forms.CharField(label=gettext_lazy("Reason for the release"), max_length=300)


class NoticeInline(admin.TabularInline):
    model = LossPayeeNotice
    fields = readonly_fields = ("event", "event_key", "created_at", "emailed_at")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LossPayee)
class LossPayeeAdmin(admin.ModelAdmin):
    list_display = ("bank_name", "iban", "policy", "buyer", "effective_from", "ended_on", "release_link")
    list_filter = ("ended_on",)
    search_fields = ("bank_name", "iban", "policy__number", "buyer__legal_name")
    list_select_related = ("policy", "buyer")
    autocomplete_fields = ("policy", "buyer")
    inlines = [NoticeInline]

    def get_readonly_fields(self, request, obj=None):
        # An assignment is changed only by releasing it (and assigning anew): never edited in place.
        return [f.name for f in LossPayee._meta.fields]

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        """Assigning is an endorsement made through the service: its refusals are shown on the form."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = AssignForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                payee = services.assign_loss_payee(
                    policy=data["policy"], buyer=data.get("buyer"), bank_name=data["bank_name"],
                    iban=data["iban"], bic=data.get("bic", ""), contact_name=data.get("contact_name", ""),
                    contact_email=data["contact_email"], language=data["language"],
                    webhook_url=data.get("webhook_url", ""), effective_from=data["effective_from"],
                    reason=data["reason"], made_by=request.user)
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("From %(day)s the indemnity is paid to %(bank)s.")
                                 % {"day": payee.effective_from, "bank": payee.bank_name})
                return redirect("admin:policies_losspayee_change", payee.pk)
        return self._page(request, _("Assign the indemnity to a bank"), form, status=400 if form.errors else 200)

    def _page(self, request, title, form, status=200, payee=None):
        context = {**self.admin_site.each_context(request), "title": title, "form": form, "payee": payee,
                   "opts": self.model._meta}
        return TemplateResponse(request, "admin/policies/losspayee_form.html", context, status=status)

    @admin.display(description="")
    def release_link(self, obj):
        if obj.ended_on is not None:
            return ""
        return format_html('<a class="button" href="{}">{}</a>',
                           reverse("admin:policies_losspayee_release", args=[obj.pk]), _("Release"))

    def get_urls(self):
        return [path("<int:pk>/release/", self.admin_site.admin_view(self.release_view),
                     name="policies_losspayee_release"), *super().get_urls()]

    def release_view(self, request, pk):
        payee = get_object_or_404(LossPayee, pk=pk)
        if not self.has_change_permission(request, payee):
            raise PermissionDenied
        form = ReleaseForm(request.POST or None, initial={"ended_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                services.release_loss_payee(payee=payee, ended_on=form.cleaned_data["ended_on"],
                                            reason=form.cleaned_data["reason"], made_by=request.user)
            except DomainError as exc:
                show_domain_error(form, exc)
            else:
                messages.success(request, _("The assignment to %(bank)s is released.") % {"bank": payee.bank_name})
                return redirect("admin:policies_losspayee_changelist")
        return self._page(request, _("Release the loss payee"), form, status=400 if form.errors else 200,
                          payee=payee)
