from enum import StrEnum


class ModeEnum(StrEnum):
    ALL_OR_NOTHING = "all_or_nothing"
    VALID_ROWS = "valid_rows"

    def __str__(self) -> str:
        return str(self.value)
