from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from buyers.selectors import buyers_visible_to
from core.amounts import AmountFormField
from core.forms import preselect_only_choice
from policies.models import Policy
from policies.selectors import policies_for_tenant


class RiskCheckForm(forms.Form):
    """The policy as the limit request offers it (the tenant's active ones, preselected when only one)."""

    policy = forms.ModelChoiceField(label=_("Policy"), queryset=Policy.objects.none())
    # A blank first: a prospect's country is chosen, a registry buyer's is its own.
    country = forms.ChoiceField(label=_("Buyer's country"), choices=lambda: [("", "—"), *countries], required=False)
    sector_nace = forms.CharField(label=_("Sector (NACE code)"), max_length=10, required=False)
    buyer = forms.IntegerField(label=_("Buyer (from the registry)"), required=False, min_value=1,
                               widget=forms.HiddenInput)
    amount = AmountFormField(label=_("Amount"), min_value=0)
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False,
                               help_text=_("ISO 4217; empty: the policy's currency."))
    terms_days = forms.IntegerField(label=_("Payment terms (days)"), min_value=1, max_value=3650)

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.fields["policy"].queryset = policies_for_tenant(tenant=tenant, status=Policy.Status.ACTIVE)
        preselect_only_choice(self, "policy")

    def clean_buyer(self):
        buyer_id = self.cleaned_data.get("buyer")
        if buyer_id is None:
            return None
        buyer = buyers_visible_to(tenant=self.tenant).filter(pk=buyer_id).first()
        if buyer is None:
            raise forms.ValidationError(_("Unknown buyer."))
        return buyer

    def clean(self):
        data = super().clean()
        if not data.get("buyer") and not data.get("country") and "buyer" not in self.errors:
            self.add_error("country", _("Give the buyer's country, or choose the buyer."))
        return data
