from enum import StrEnum


class RecoveryRecordedWebhookEvent(StrEnum):
    RECOVERY_RECORDED = "recovery.recorded"

    def __str__(self) -> str:
        return str(self.value)
