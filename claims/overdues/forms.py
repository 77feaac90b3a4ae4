"""Forms of the overdue pages; querysets come from the tenant's selectors, rules from claims.overdues.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buyers.selectors import buyers_visible_to
from claims.overdues.models import Invoice
from claims.overdues.services import InvoiceLine
from core.amounts import AmountFormField, check_places
from core.dates import BoundedDateFormField
from core.forms import preselect_only_choice
from limits.selectors import limits_for_tenant
from policies.models import Policy
from policies.selectors import policies_in_force_or_run_off

AMOUNT = {"min_value": 0}  # the column's digits and places are AmountFormField's own


def _date_input():
    # The browser's date picker sends (and is given) ISO dates.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OverdueHeaderForm(forms.Form):
    """Policy and buyer of a notification; the buyer list shows the buyers the tenant holds limits on,
    any buyer of the registry (`?buyer=<id>` from the buyer search) is accepted."""

    NOTIFY, DRAFT = "notify", "draft"

    policy = forms.ModelChoiceField(label=_("Policy"), queryset=Policy.objects.none())
    buyer = forms.ModelChoiceField(label=_("Buyer"), queryset=None)
    reference = forms.CharField(label=_("Your reference"), max_length=60, required=False)
    # Not required: a form that does not send it notifies, as before drafts existed.
    submit_as = forms.ChoiceField(
        label=_("What to do"), required=False, initial=NOTIFY, widget=forms.RadioSelect,
        choices=[(NOTIFY, _("Notify the insurer now")), (DRAFT, _("Save as draft (watch these invoices, notify later)"))],
    )

    def __init__(self, *args, tenant, preselected_buyer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy"].queryset = policies_in_force_or_run_off(tenant=tenant)
        preselect_only_choice(self, "policy")
        visible = buyers_visible_to(tenant=tenant)
        self.fields["buyer"].queryset = visible
        shown = visible.filter(pk__in=limits_for_tenant(tenant=tenant).values("buyer_id"))
        if preselected_buyer is not None:
            shown = shown | visible.filter(pk=preselected_buyer.pk)
        # Only the select's options are narrowed: validation still accepts every visible buyer.
        self.fields["buyer"].choices = [("", "---------")] + [
            (buyer.pk, f"{buyer.legal_name} ({buyer.country.code})") for buyer in shown.distinct().order_by("legal_name")
        ]

    def clean_submit_as(self):
        return self.cleaned_data.get("submit_as") or self.NOTIFY

    @property
    def as_draft(self) -> bool:
        return self.cleaned_data.get("submit_as") == self.DRAFT


class InvoiceRowForm(forms.Form):
    """One invoice as typed; the rules it must keep are in claims.overdues.services (check_invoice_lines)."""

    number = forms.CharField(label=_("Invoice number"), max_length=60)
    invoice_date = BoundedDateFormField(label=_("Invoice date"), widget=_date_input())
    shipment_date = BoundedDateFormField(label=_("Shipment date"), widget=_date_input())
    due_date = BoundedDateFormField(label=_("Due date"), widget=_date_input())
    amount = AmountFormField(label=_("Invoice amount"), **AMOUNT)
    outstanding = AmountFormField(label=_("Outstanding amount"), **AMOUNT)

    def line(self) -> InvoiceLine:
        return InvoiceLine(**{name: self.cleaned_data[name] for name in InvoiceLine.__dataclass_fields__})


class _InvoiceRows(forms.BaseFormSet):
    # Django's words are about forms ("Please submit at least 1 form."): the insured fills in invoices.
    default_error_messages = {
        "too_few_forms": _("Fill in at least one invoice: its number, dates and amounts."),
        "too_many_forms": _("Declare at most %(num)d invoices at once: add the others to the overdue afterwards, "
                            "or upload them as a CSV file."),
    }

    def line_forms(self) -> list[InvoiceRowForm]:
        """The rows that are invoices, in the order of `lines()`: the service's `invoices[i]` is the i-th."""
        # Extra rows left empty are not invoices.
        return [form for form in self.forms if form.has_changed() and form.cleaned_data]

    def lines(self) -> list[InvoiceLine]:
        return [form.line() for form in self.line_forms()]


InvoiceFormSet = forms.formset_factory(
    InvoiceRowForm, formset=_InvoiceRows, extra=3, min_num=1, validate_min=True, max_num=200, validate_max=True
)


class OverdueCsvForm(OverdueHeaderForm):
    file = forms.FileField(label=_("CSV file"))


class PaymentForm(forms.Form):
    amount = AmountFormField(label=_("Amount received"), **AMOUNT)
    received_on = BoundedDateFormField(label=_("Received on"), widget=_date_input())
    designated_invoice = forms.ModelChoiceField(
        label=_("Invoice designated by the buyer"), queryset=Invoice.objects.none(), required=False,
        help_text=_("Leave empty to pay the oldest unpaid invoice first."),
    )

    def __init__(self, *args, overdue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["designated_invoice"].queryset = overdue.invoices.filter(outstanding__gt=0).order_by("due_date", "pk")
        self.currency = overdue.currency

    def clean(self):
        data = super().clean()
        check_places(self, "amount", self.currency)
        return data


class ExtensionForm(forms.Form):
    invoice = forms.ModelChoiceField(label=_("Invoice"), queryset=Invoice.objects.none())
    new_due_date = BoundedDateFormField(label=_("New due date"), widget=_date_input())

    def __init__(self, *args, overdue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invoice"].queryset = overdue.invoices.order_by("due_date", "pk")
