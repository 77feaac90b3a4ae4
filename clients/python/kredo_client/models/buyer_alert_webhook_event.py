from enum import StrEnum


class BuyerAlertWebhookEvent(StrEnum):
    BUYER_ALERT = "buyer.alert"

    def __str__(self) -> str:
        return str(self.value)
