from enum import StrEnum


class OverdueCoverReinstatedWebhookEvent(StrEnum):
    OVERDUE_COVER_REINSTATED = "overdue.cover_reinstated"

    def __str__(self) -> str:
        return str(self.value)
