from django.apps import AppConfig


class LimitsConfig(AppConfig):
    name = "limits"
    verbose_name = "Limits"

    def ready(self):
        # Connect the buyer-merge receiver; offer the limit.* webhook events to subscribers from start-up.
        from limits import events, receivers  # noqa: F401
