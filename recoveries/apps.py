from django.apps import AppConfig


class RecoveriesConfig(AppConfig):
    name = "recoveries"
    verbose_name = "Recoveries"

    def ready(self):
        # Offer the recovery webhook events to subscribers from start-up.
        from recoveries import events  # noqa: F401
