from enum import StrEnum


class V1OverduesListState(StrEnum):
    CLAIMED = "claimed"
    CLEARED = "cleared"
    DRAFT = "draft"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
