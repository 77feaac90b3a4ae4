from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuyersConfig(AppConfig):
    name = "buyers"
    verbose_name = _("Buyers")

    def ready(self):
        # The buyer.alert webhook event (buyers.monitoring), offered to subscribers from start-up.
        from buyers.monitoring import events  # noqa: F401

        # A proposal (policies.proposals) names registry buyers through this reader: policies never imports buyers.
        from buyers.selectors import proposal_buyers
        from policies.proposals import buyer_lookup

        buyer_lookup.register(visible=proposal_buyers)
