from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = _("Claims")

    def ready(self):
        # Offer the overdue and claim webhook events to subscribers from start-up; connect the buyer-merge receivers.
        # The buyer credit file's overdues, claims and payment-behaviour section (buyers.credit_file.registry).
        from claims import (
            credit_file,
            renewals,  # noqa: F401  (its outbox handler)
        )
        from claims.claims import events as claim_events  # noqa: F401
        from claims.claims import receivers as claim_receivers  # noqa: F401
        from claims.overdues import events as overdue_events  # noqa: F401
        from claims.overdues import receivers as overdue_receivers  # noqa: F401

        credit_file.register()
        # The early warnings on overdues and utilisation (buyers.monitoring.registry).
        from claims import monitoring

        monitoring.register()
