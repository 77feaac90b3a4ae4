from enum import StrEnum


class DecisionEnum(StrEnum):
    AUTOMATIC = "automatic"
    NOT_COVERED = "not_covered"
    REFERRED = "referred"

    def __str__(self) -> str:
        return str(self.value)
