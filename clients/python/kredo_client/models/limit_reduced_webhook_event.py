from enum import StrEnum


class LimitReducedWebhookEvent(StrEnum):
    LIMIT_REDUCED = "limit.reduced"

    def __str__(self) -> str:
        return str(self.value)
