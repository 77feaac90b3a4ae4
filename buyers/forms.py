"""Forms of the insured's buyer pages and the underwriters' admin screens; rules stay in buyers.services."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from buyers import services
from buyers.identifiers import identifier_errors, typed_identifier_error
from buyers.models import Buyer, BuyerIdentifier, CountryRisk
from buyers.normalize import compact
from core.dates import BoundedDateFormField
from core.exceptions import DomainError
from core.forms import show_domain_error


def _country_choices(empty_label):
    return [("", empty_label), *countries]


class BuyerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, registration or VAT number"), max_length=200, required=False,
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices(_("All countries"))


class BuyerProposalForm(forms.Form):
    """Field checks are the model's lengths only; whether the buyer may be proposed is the service's call."""

    legal_name = forms.CharField(label=_("Legal name"), max_length=200)
    trading_name = forms.CharField(label=_("Trading name"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=())
    registration_number = forms.CharField(
        label=_("National registration number"), max_length=50, required=False,
        help_text=_("Give the registration number or the VAT number (or both)."),
    )
    vat_number = forms.CharField(label=_("VAT number"), max_length=50, required=False)
    lei = forms.CharField(label=_("LEI"), max_length=20, required=False)
    sector_nace = forms.CharField(label=_("Sector (NACE code)"), max_length=10, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices("---------")

    def clean(self):
        data = super().clean()
        _add_identifier_errors(self, data)
        return data


def _add_identifier_errors(form, data) -> None:
    """A mistyped LEI, VAT or registration number is a message on its field (buyers.identifiers)."""
    if not data.get("country"):
        return
    found = identifier_errors(country=str(data["country"]), registration_number=data.get("registration_number", ""),
                              vat_number=data.get("vat_number", ""), lei=data.get("lei", ""))
    for field, message in found.items():
        if field not in form.errors:
            form.add_error(field, message)


# --- admin ---------------------------------------------------------------------------------


class BuyerAdminForm(forms.ModelForm):
    """Identifiers are compared compacted, as the model stores them, so duplicates show as form errors."""

    class Meta:
        model = Buyer
        fields = (
            "legal_name", "trading_name", "country", "registration_number", "vat_number", "lei", "sector_nace",
            "address", "city", "postal_code",
        )

    def clean_registration_number(self):
        return compact(self.cleaned_data.get("registration_number"))

    def clean_vat_number(self):
        return compact(self.cleaned_data.get("vat_number"))

    def clean_lei(self):
        return compact(self.cleaned_data.get("lei"))

    def clean(self):
        data = super().clean()
        _add_identifier_errors(self, data)
        if "country" in data:
            try:
                services.check_identity_is_free(
                    buyer_pk=self.instance.pk, country=data["country"],
                    registration_number=data.get("registration_number", ""), vat_number=data.get("vat_number", ""),
                    lei=data.get("lei", ""),
                )
            except DomainError as exc:
                show_domain_error(self, exc)
        return data


class BuyerIdentifierInlineForm(forms.ModelForm):
    class Meta:
        model = BuyerIdentifier
        fields = ("type", "issuer", "country", "value")

    def clean_value(self):
        value = compact(self.cleaned_data.get("value"))
        if not value:
            raise forms.ValidationError(_("The identifier is empty."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("value") and data.get("type") and data.get("country"):
            message = typed_identifier_error(type=data["type"], country=str(data["country"]), value=data["value"])
            if message:
                self.add_error("value", message)
        return data


class CountryRiskAdminForm(forms.ModelForm):
    class Meta:
        model = CountryRisk
        fields = ("country", "grade", "graded_on", "note")

    def clean(self):
        data = super().clean()
        if "grade" in data:
            try:
                services.check_country_risk_grade(data["grade"])
            except DomainError as exc:
                show_domain_error(self, exc)
        return data


class _ActionForm(forms.Form):
    """An admin action's intermediate form: it re-posts the action and the selected rows."""

    action = forms.CharField(widget=forms.HiddenInput)
    apply = forms.CharField(widget=forms.HiddenInput, initial="1")


class GradeActionForm(_ActionForm):
    # No min/max validators: the 1-10 rule is services.check_grade's, shown as this field's error.
    grade = forms.IntegerField(label=_("Grade"), help_text=_("1 (best) to 10 (insolvent)"),
                               widget=forms.NumberInput(attrs={"min": 1, "max": 10}))
    graded_on = BoundedDateFormField(label=_("Graded on"), required=False, help_text=_("Today if empty."),
                                widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class MergeActionForm(_ActionForm):
    target = forms.ModelChoiceField(
        label=_("Merge into"), queryset=Buyer.objects.none(),
        help_text=_("The buyer that stays: identifiers, grades and limits of the selected buyers move to it."),
    )

    def __init__(self, *args, selected_pks, admin_site=admin.site, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        # Searches the registry as the changelist does, and renders only the chosen option.
        field.widget = AutocompleteSelect(Buyer._meta.get_field("merged_into"), admin_site)
        field.widget.is_required = True
        # Set after the widget: the queryset setter hands the choices to the widget.
        field.queryset = Buyer.objects.exclude(status=Buyer.Status.MERGED).exclude(pk__in=selected_pks)


class BuyerNoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
