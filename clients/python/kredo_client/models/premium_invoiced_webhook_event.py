from enum import StrEnum


class PremiumInvoicedWebhookEvent(StrEnum):
    PREMIUM_INVOICED = "premium.invoiced"

    def __str__(self) -> str:
        return str(self.value)
