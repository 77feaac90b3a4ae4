"""Underwriters' premium screens: they follow declarations and settlements; writes go through the services."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy
from moneyed import Money
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyAdminMixin, money_column
from core.amounts import DECIMAL_PLACES, MAX_DIGITS
from core.dates import BoundedDateFormField
from core.exceptions import DomainError
from core.forms import show_domain_error
from core.money import quantize_money
from policies.premium import invoices as services_invoices
from policies.premium import services as services_premium
from policies.premium.models import (
    PeriodPremium,
    PremiumInvoice,
    PremiumPayment,
    PremiumSchedule,
    PremiumSuspension,
    TurnoverDeclaration,
)


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


# Premium invoices: staff record payments and follow suspensions (policies.premium.invoices, .suspension).


class RecordPaymentForm(forms.Form):
    """The admin action's intermediate form: it re-posts the action and the selected invoices."""

    action = forms.CharField(widget=forms.HiddenInput)
    apply = forms.CharField(widget=forms.HiddenInput, initial="1")
    paid_on = BoundedDateFormField(label=gettext_lazy("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=gettext_lazy("Amount"), required=False, max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES,
                                help_text=gettext_lazy("Empty: what is still owed on each invoice."))


class CancelInvoiceForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    apply = forms.CharField(widget=forms.HiddenInput, initial="1")
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class PremiumPaymentInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PremiumPayment
    fields = ("paid_on", "amount", "currency", "recorded_by", "recorded_at")
    readonly_fields = fields
    extra = 0


@admin.register(PremiumInvoice)
class PremiumInvoiceAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("policy", "tenant", "kind", "period_start", money_column(PremiumInvoice, "amount"), "issued_on",
                    "due_on", "state", "reminded_on", "paid_on", "cancelled_on")
    list_filter = ("state", "kind", "currency")
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant")
    date_hierarchy = "due_on"
    inlines = [PremiumPaymentInline]
    actions = ["record_payment_action", "cancel_invoice_action"]

    def has_record_payment_permission(self, request):
        return request.user.has_perm("policies.record_premium_payment")

    def has_cancel_invoice_permission(self, request):
        return request.user.has_perm("policies.cancel_premium_invoice")

    @admin.action(description=gettext_lazy("Cancel invoices…"), permissions=["cancel_invoice"])
    def cancel_invoice_action(self, request, queryset):
        """Staff cancel invoices raised in error, with the reason (policies.premium.cancellation)."""
        from policies.premium.cancellation import cancel_invoice

        invoices = list(queryset.select_related("policy"))
        form = CancelInvoiceForm(request.POST if "apply" in request.POST else None,
                                 initial={"action": "cancel_invoice_action"})
        if form.is_bound and form.is_valid():
            cancelled = 0
            for invoice in invoices:
                try:
                    cancel_invoice(invoice=invoice, reason=form.cleaned_data["reason"], cancelled_by=request.user)
                except DomainError as exc:
                    self.message_user(request, f"{invoice}: {exc.message}", messages.ERROR)
                else:
                    cancelled += 1
            if cancelled:
                self.message_user(request, gettext("%(n)d invoice(s) cancelled.") % {"n": cancelled},
                                  messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request), "title": gettext("Cancel premium invoices"),
            "opts": self.model._meta, "buyers": invoices, "form": form, "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/policies/premium_cancel.html", context)

    @admin.action(description=gettext_lazy("Record a payment…"), permissions=["record_payment"])
    def record_payment_action(self, request, queryset):
        invoices = list(queryset.select_related("policy"))
        form = RecordPaymentForm(request.POST if "apply" in request.POST else None,
                                 initial={"action": "record_payment_action"})
        if form.is_bound and form.is_valid():
            amount = form.cleaned_data["amount"]
            if amount is not None and len(invoices) > 1:
                form.add_error("amount", gettext("Give an amount for one invoice at a time, or leave it empty."))
            else:
                recorded = 0
                for invoice in invoices:
                    try:
                        services_invoices.record_payment(
                            invoice=invoice, paid_on=form.cleaned_data["paid_on"], recorded_by=request.user,
                            amount=amount if amount is not None else outstanding(invoice),
                        )
                    except DomainError as exc:
                        self.message_user(request, f"{invoice}: {exc.message}", messages.ERROR)
                    else:
                        recorded += 1
                if recorded:
                    self.message_user(request, gettext("%(n)d payment(s) recorded.") % {"n": recorded},
                                      messages.SUCCESS)
                return None
        context = {
            **self.admin_site.each_context(request), "title": gettext("Record a premium payment"),
            "opts": self.model._meta, "buyers": invoices, "form": form, "media": self.media + form.media,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/policies/premium_payment.html", context)


def outstanding(invoice: PremiumInvoice):
    """What is still owed, as a payment of it is written: at the currency's minor unit (the column has three)."""
    paid = invoice.payments.aggregate(total=Sum("amount"))["total"] or 0
    return quantize_money(Money(invoice.amount - paid, invoice.currency)).amount


@admin.register(PremiumSuspension)
class PremiumSuspensionAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("policy", "tenant", "starts_on", "ends_on", "invoice")
    list_filter = (("ends_on", admin.EmptyFieldListFilter),)
    search_fields = ("policy__number", "tenant__legal_name")
    list_select_related = ("policy", "tenant", "invoice")
    date_hierarchy = "starts_on"
