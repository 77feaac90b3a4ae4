from enum import StrEnum


class V1InsurerOverduesListState(StrEnum):
    CLAIMED = "claimed"
    CLEARED = "cleared"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
