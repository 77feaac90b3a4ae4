from django import forms
from django.utils.translation import gettext_lazy as _

from claims.claims.models import DocumentKind
from core.amounts import AmountFormField
from core.dates import BoundedDateFormField


class ClaimActionForm(forms.Form):
    """One form for the claims handler's decisions; the service checks what each action needs."""

    ACTIONS = [
        ("request_documents", _("Request documents (the file becomes incomplete)")),
        ("confirm_complete", _("Confirm the file is complete (the payment term starts)")),
        ("approve", _("Approve the indemnity")),
        ("pay", _("Record the payment")),
        ("reject", _("Reject the claim")),
    ]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS, widget=forms.RadioSelect)
    kinds = forms.MultipleChoiceField(label=_("Documents to request"), choices=DocumentKind.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Note for the insured"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    amount = AmountFormField(label=_("Amount"), min_value=0, required=False,
                                help_text=_("Approval: empty for the calculated indemnity. Payment: the approved amount (filled in)."))
    override_reason = forms.CharField(label=_("Reason for another amount than calculated"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))
    confirm_nothing_payable = forms.BooleanField(
        label=_("I have checked the calculation: approve although the insured is paid nothing"), required=False)
    paid_on = BoundedDateFormField(label=_("Paid on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    payment_reference = forms.CharField(label=_("Payment reference"), max_length=60, required=False)
    reason = forms.CharField(label=_("Reason for rejection (the insured sees it)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
