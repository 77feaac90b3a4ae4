from django import forms
from django.utils.translation import gettext_lazy as _

from core import webhooks
from core.models import validate_webhook_url


class WebhookEndpointForm(forms.Form):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        validators=[validate_webhook_url],
        help_text=_("Where Kredo sends a signed POST request for each event; must start with https://."),
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    # A callable, so events registered by apps loaded after this module are offered too.
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=webhooks.event_choices, widget=forms.CheckboxSelectMultiple
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
