from enum import StrEnum


class RecoverySharingRuleEnum(StrEnum):
    INSURER_FIRST = "insurer_first"
    PRO_RATA = "pro_rata"

    def __str__(self) -> str:
        return str(self.value)
