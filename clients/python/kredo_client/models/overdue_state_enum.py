from enum import StrEnum


class OverdueStateEnum(StrEnum):
    CLAIMED = "claimed"
    CLEARED = "cleared"
    DRAFT = "draft"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
