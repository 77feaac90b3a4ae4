from django import forms
from django.utils.translation import gettext_lazy as _

from core.amounts import AmountFormField
from core.dates import BoundedDateFormField
from limits.models import LimitDecision, ReasonCode

Kind = LimitDecision.Kind


class DecideForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Decision"),
        choices=[(k, Kind(k).label) for k in (Kind.APPROVED, Kind.PARTIALLY_APPROVED, Kind.APPROVED_WITH_CONDITIONS, Kind.REFUSED)],
        widget=forms.RadioSelect,
    )
    amount = AmountFormField(label=_("Amount approved"), min_value=0, required=False,
                                help_text=_("For partial approvals and approvals with conditions."))
    terms_days = forms.IntegerField(label=_("Payment terms allowed (days)"), min_value=1, required=False)
    conditions = forms.CharField(label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    reason_codes = forms.MultipleChoiceField(label=_("Reason codes"), choices=ReasonCode.choices, required=False,
                                             widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Explanation for the insured"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    effective_date = BoundedDateFormField(label=_("Effective from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    review_date = BoundedDateFormField(label=_("Review date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    expiry_date = BoundedDateFormField(label=_("Expiry date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class ChangeForm(forms.Form):
    ACTIONS = [("reduce", _("Reduce")), ("withdraw", _("Withdraw")), ("keep", _("Keep as it is (review done)"))]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS, widget=forms.RadioSelect)
    amount = AmountFormField(label=_("New amount"), min_value=0, required=False)
    reason_codes = forms.MultipleChoiceField(label=_("Reason codes"), choices=ReasonCode.choices, required=False,
                                             widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Explanation for the insured"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    notified_on = BoundedDateFormField(label=_("Insured notified on"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                                  help_text=_("Today if empty. The change applies to shipments after this day."))
    effective_date = BoundedDateFormField(label=_("Effective from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    review_date = BoundedDateFormField(label=_("Next review date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
