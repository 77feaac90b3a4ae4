from enum import StrEnum


class LimitWithdrawnWebhookEvent(StrEnum):
    LIMIT_WITHDRAWN = "limit.withdrawn"

    def __str__(self) -> str:
        return str(self.value)
