from enum import StrEnum


class OverdueClearedWebhookEvent(StrEnum):
    OVERDUE_CLEARED = "overdue.cleared"

    def __str__(self) -> str:
        return str(self.value)
