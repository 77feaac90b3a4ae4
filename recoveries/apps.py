from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecoveriesConfig(AppConfig):
    name = "recoveries"
    verbose_name = _("Recoveries")

    def ready(self):
        # Offer the recovery webhook events to subscribers from start-up.
        from recoveries import events  # noqa: F401
