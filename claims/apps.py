from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self):
        # Offer the overdue and claim webhook events to subscribers from start-up.
        from claims import claim_events, events  # noqa: F401
