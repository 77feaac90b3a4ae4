from enum import StrEnum


class LimitDecidedWebhookEvent(StrEnum):
    LIMIT_DECIDED = "limit.decided"

    def __str__(self) -> str:
        return str(self.value)
