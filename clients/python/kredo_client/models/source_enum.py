from enum import StrEnum


class SourceEnum(StrEnum):
    CSV = "csv"
    UNDERWRITER = "underwriter"

    def __str__(self) -> str:
        return str(self.value)
