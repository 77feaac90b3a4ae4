from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self):
        # Offer the claim webhook events to subscribers from start-up.
        from claims import claim_events  # noqa: F401
