from enum import StrEnum


class GivenBySideEnum(StrEnum):
    INSURED = "insured"
    INSURER = "insurer"

    def __str__(self) -> str:
        return str(self.value)
