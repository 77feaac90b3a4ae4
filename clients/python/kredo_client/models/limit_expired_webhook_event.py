from enum import StrEnum


class LimitExpiredWebhookEvent(StrEnum):
    LIMIT_EXPIRED = "limit.expired"

    def __str__(self) -> str:
        return str(self.value)
