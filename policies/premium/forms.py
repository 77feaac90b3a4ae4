"""Forms of the premium pages; the rules are in policies.premium.services."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.amounts import AmountFormField
from policies.premium.calculation import DeclarationPeriod


class DeclarationPeriodForm(forms.Form):
    period_start = forms.TypedChoiceField(label=_("Period"), coerce=date.fromisoformat)

    def __init__(self, *args, periods: list[DeclarationPeriod], **kwargs):
        super().__init__(*args, **kwargs)
        # Periods not ended yet are shown too: the service refuses them with a message that says why.
        self.fields["period_start"].choices = [
            (p.start.isoformat(), f"{p.label} ({p.start} – {p.end})") for p in periods
        ]


class TurnoverRowForm(forms.Form):
    country = forms.ChoiceField(label=_("Buyer country"), required=False)
    turnover = AmountFormField(label=_("Insured turnover"), required=False,
                                  min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "---------"), *countries]

    def clean(self):
        data = super().clean()
        country, turnover = data.get("country"), data.get("turnover")
        if country and turnover is None and "turnover" not in self.errors:
            self.add_error("turnover", _("Give the turnover (0 if there was none)."))
        if turnover is not None and not country:
            self.add_error("country", _("Choose the buyers' country."))
        return data


class _TurnoverRows(forms.BaseFormSet):
    # Django's words are about forms ("Please submit at most 300 forms."): finance declares countries.
    default_error_messages = {
        "too_many_forms": _("Declare at most %(num)d countries at once: upload a CSV file for more."),
    }

    def rows(self) -> list[tuple[str, object]]:
        return [
            (form.cleaned_data["country"], form.cleaned_data["turnover"])
            for form in self.forms
            if form.cleaned_data.get("country")
        ]


TurnoverFormSet = forms.formset_factory(
    TurnoverRowForm, formset=_TurnoverRows, extra=5, max_num=300, validate_max=True
)


class TurnoverCsvForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
