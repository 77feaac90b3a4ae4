from enum import StrEnum


class OverdueNotifiedWebhookEvent(StrEnum):
    OVERDUE_NOTIFIED = "overdue.notified"

    def __str__(self) -> str:
        return str(self.value)
