from enum import StrEnum


class Kind339Enum(StrEnum):
    CANCELLATION = "cancellation"
    NON_RENEWAL = "non_renewal"

    def __str__(self) -> str:
        return str(self.value)
