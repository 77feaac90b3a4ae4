from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LimitsConfig(AppConfig):
    name = "limits"
    verbose_name = _("Limits")

    def ready(self):
        # Connect the buyer-merge receiver; offer the limit.* webhook events to subscribers from start-up.
        from core.readcache import invalidate_on_change
        from limits import events, receivers  # noqa: F401
        from limits.bulk import import_events  # noqa: F401  (the import.completed webhook)
        from limits.models import AutoDecisionRule
        from limits.services.requests import MATRIX

        invalidate_on_change(AutoDecisionRule, MATRIX)
        # The buyer credit file's limits section (buyers.credit_file.registry).
        from limits import credit_file

        credit_file.register()
        # The early warnings on grades, payment experience and limits (buyers.monitoring.registry).
        from limits.monitoring import detectors

        detectors.register()
