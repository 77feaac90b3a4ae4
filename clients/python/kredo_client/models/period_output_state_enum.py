from enum import StrEnum


class PeriodOutputStateEnum(StrEnum):
    CANCELLED = "cancelled"
    LAPSED = "lapsed"
    OPEN = "open"
    RENEWED = "renewed"

    def __str__(self) -> str:
        return str(self.value)
