from django import forms
from django.utils.translation import gettext_lazy as _

from core.amounts import AmountFormField
from core.dates import BoundedDateFormField


class DirectReceiptForm(forms.Form):
    """Money the buyer paid to the insured itself; the rules (positive, not in the future) are the service's."""

    amount = AmountFormField(label=_("Amount received"))
    received_on = BoundedDateFormField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
