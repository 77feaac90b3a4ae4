from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuyersConfig(AppConfig):
    name = "buyers"
    verbose_name = _("Buyers")

    def ready(self):
        # A proposal (policies.proposals) names registry buyers through this reader: policies never imports buyers.
        from buyers.selectors import proposal_buyers
        from policies.proposals import buyer_lookup

        buyer_lookup.register(visible=proposal_buyers)
