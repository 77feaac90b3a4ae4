"""Forms of the insured's claim pages: they only parse; every rule is in claims.claims.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.claims.models import Cause, DocumentKind
from claims.claims.selectors import overdues_open_to_claims
from claims.overdues.models import Overdue
from core.dates import BoundedDateFormField


class OverdueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Overdue) -> str:
        ref = obj.reference or f"#{obj.pk}"
        return _("%(buyer)s, policy %(policy)s, overdue %(ref)s notified on %(date)s") % {
            "buyer": obj.buyer.legal_name, "policy": obj.policy.number, "ref": ref, "date": obj.notified_on.isoformat(),
        }


class FileClaimForm(forms.Form):
    """The overdue choices come from the tenant's selector: another tenant's overdue is 'not a valid choice'."""

    overdue = OverdueChoiceField(label=_("Overdue"), queryset=Overdue.objects.none())
    cause = forms.ChoiceField(label=_("Cause of the loss"), choices=Cause.choices, initial=Cause.PROTRACTED_DEFAULT)
    event_date = BoundedDateFormField(
        label=_("Date of the insolvency or political event"), required=False,
        help_text=_("Required for an insolvency or a political event."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reference = forms.CharField(label=_("Your reference"), max_length=60, required=False)

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["overdue"].queryset = overdues_open_to_claims(tenant=tenant)


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    # Size and real type are checked by claims.claims.documents.check_upload through the service.
    file = forms.FileField(label=_("File"))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why do you withdraw the claim?"), max_length=2000, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
