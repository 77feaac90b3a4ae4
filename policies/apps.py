from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Policies")

    def ready(self):
        # Offer the premium.* webhook events to subscribers from start-up.
        from policies.premium import events  # noqa: F401
