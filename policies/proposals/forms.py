"""The insured's proposal form (rows of turnover, buyers and loss history) and the decline form of a quote.
The rules rows must keep are in policies.proposals.services; these forms only read what was typed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.amounts import AmountFormField
from policies.proposals.models import Quote
from policies.proposals.services import LOSS_HISTORY_YEARS, BuyerLine, LossLine, TurnoverLine

AMOUNT = {"max_digits": 16, "decimal_places": 2, "min_value": 0}


def _country_choices():
    return [("", "---------"), *countries]


class ProposalForm(forms.Form):
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="EUR")
    desired_start_date = forms.DateField(label=_("Desired start date"),
                                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    desired_cover_percent = forms.DecimalField(label=_("Desired percentage of cover"), min_value=1, max_value=100,
                                               max_digits=5, decimal_places=2, initial=90)
    max_credit_period_days = forms.IntegerField(label=_("Longest credit period you grant (days)"), min_value=1,
                                                max_value=365, initial=90)

    def clean_currency(self):
        return self.cleaned_data["currency"].strip().upper()


class TurnoverRowForm(forms.Form):
    country = forms.ChoiceField(label=_("Buyer country"), choices=_country_choices)
    expected_turnover = AmountFormField(label=_("Expected turnover (12 months)"), **AMOUNT)

    def line(self) -> TurnoverLine:
        return TurnoverLine(country=self.cleaned_data["country"], expected_turnover=self.cleaned_data["expected_turnover"])


class BuyerRowForm(forms.Form):
    registry_buyer_id = forms.IntegerField(label=_("Registry buyer number"), min_value=1, required=False,
                                           help_text=_("From the buyer's page in the registry; or leave it empty "
                                                       "and give a new buyer's name and country."))
    legal_name = forms.CharField(label=_("New buyer's legal name"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("New buyer's country"), choices=_country_choices, required=False)
    requested_amount = AmountFormField(label=_("Limit wanted"), **AMOUNT)

    def line(self) -> BuyerLine:
        data = self.cleaned_data
        return BuyerLine(registry_buyer_id=data.get("registry_buyer_id"), legal_name=data.get("legal_name") or "",
                         country=data.get("country") or "", requested_amount=data["requested_amount"])


class LossRowForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    turnover = AmountFormField(label=_("Turnover"), **AMOUNT)
    losses_count = forms.IntegerField(label=_("Number of losses"), min_value=0, max_value=100000)
    losses_amount = AmountFormField(label=_("Amount of losses"), **AMOUNT)

    def line(self) -> LossLine:
        return LossLine(**{name: self.cleaned_data[name] for name in LossLine.__dataclass_fields__})


class _Rows(forms.BaseFormSet):
    # The insured fills in countries, buyers and years, not "forms" (Django's words).
    default_error_messages = {
        "too_few_forms": _("Fill in at least %(num)d rows."),
        "too_many_forms": _("At most %(num)d rows."),
    }

    def line_forms(self):
        """Rows typed into, in the order of `lines()` (the service's `turnovers[i]` is the i-th)."""
        return [form for form in self.forms if form.has_changed() and form.cleaned_data]

    def lines(self):
        return [form.line() for form in self.line_forms()]


TurnoverFormSet = forms.formset_factory(TurnoverRowForm, formset=_Rows, extra=3, min_num=1, validate_min=True,
                                        max_num=100, validate_max=True)
BuyerFormSet = forms.formset_factory(BuyerRowForm, formset=_Rows, extra=3, min_num=1, validate_min=True,
                                     max_num=200, validate_max=True)
LossFormSet = forms.formset_factory(LossRowForm, formset=_Rows, extra=0, min_num=LOSS_HISTORY_YEARS,
                                    validate_min=True, max_num=LOSS_HISTORY_YEARS, validate_max=True)


def loss_years_initial() -> list[dict]:
    """The three last ended years, newest first."""
    year = timezone.localdate().year
    return [{"year": year - n} for n in range(1, LOSS_HISTORY_YEARS + 1)]


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why do you decline?"), choices=Quote.DeclineReason.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
