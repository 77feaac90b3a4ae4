from enum import StrEnum


class LedgerHolderEnum(StrEnum):
    INSURED = "insured"
    INSURER = "insurer"

    def __str__(self) -> str:
        return str(self.value)
