from enum import StrEnum


class NotificationDeadlineFromEnum(StrEnum):
    DUE_DATE = "due_date"
    MAX_EXTENSION_END = "max_extension_end"

    def __str__(self) -> str:
        return str(self.value)
