from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Policies")

    def ready(self):
        # Offer the policy.endorsed and premium.* webhook events to subscribers from start-up.
        from policies import events as policy_events  # noqa: F401
        from policies.loss_payees import receivers  # noqa: F401  (banks told of what they finance)
        from policies.periods import events as period_events  # noqa: F401
        from policies.premium import events  # noqa: F401
        from policies.proposals import events as proposal_events  # noqa: F401
