from enum import StrEnum


class LedgerLineKindEnum(StrEnum):
    COST = "cost"
    RECOVERY = "recovery"
    SETTLEMENT = "settlement"

    def __str__(self) -> str:
        return str(self.value)
