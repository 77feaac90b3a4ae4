from enum import StrEnum


class PremiumOverdueWebhookEvent(StrEnum):
    PREMIUM_OVERDUE = "premium.overdue"

    def __str__(self) -> str:
        return str(self.value)
