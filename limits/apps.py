from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LimitsConfig(AppConfig):
    name = "limits"
    verbose_name = _("Limits")

    def ready(self):
        # Connect the buyer-merge receiver; offer the limit.* webhook events to subscribers from start-up.
        from limits import events, receivers  # noqa: F401
