from django import forms
from django.utils.translation import gettext_lazy as _

from buyers.selectors import buyers_visible_to
from core.amounts import AmountFormField, check_places
from core.forms import preselect_only_choice
from policies.models import Policy
from policies.selectors import policies_for_tenant


class LimitRequestForm(forms.Form):
    """Querysets come from the tenant's selectors: another tenant's policy is 'not a valid choice'."""

    policy = forms.ModelChoiceField(label=_("Policy"), queryset=Policy.objects.none())
    buyer = forms.ModelChoiceField(label=_("Buyer"), queryset=None, widget=forms.HiddenInput)
    amount = AmountFormField(label=_("Amount"), min_value=0)
    terms_days = forms.IntegerField(label=_("Payment terms (days)"), min_value=1, max_value=3650)
    reference = forms.CharField(label=_("Your reference"), max_length=60, required=False)

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy"].queryset = policies_for_tenant(tenant=tenant, status=Policy.Status.ACTIVE)
        preselect_only_choice(self, "policy")
        self.fields["buyer"].queryset = buyers_visible_to(tenant=tenant)
        self.fields["buyer"].error_messages["required"] = _("Choose a buyer first (search the registry).")

    def clean(self):
        data = super().clean()
        # The amount is in the policy's currency: no cents on a JPY policy.
        check_places(self, "amount", data["policy"].currency if data.get("policy") else None)
        return data


class LimitEditForm(forms.Form):
    amount = AmountFormField(label=_("Amount"), min_value=0)
    terms_days = forms.IntegerField(label=_("Payment terms (days)"), min_value=1, max_value=3650)
    reference = forms.CharField(label=_("Your reference"), max_length=60, required=False)
