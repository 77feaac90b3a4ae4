from enum import StrEnum


class RecoveryPhaseEnum(StrEnum):
    AFTER_PAYMENT = "after_payment"
    BEFORE_PAYMENT = "before_payment"

    def __str__(self) -> str:
        return str(self.value)
