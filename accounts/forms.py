from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.roles import ROLE_LABELS, TENANT_ROLES


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("What uses this token, e.g. 'ERP integration'."))
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=[(r, ROLE_LABELS[r]) for r in TENANT_ROLES],
        widget=forms.CheckboxSelectMultiple,
    )
