from enum import StrEnum


class PremiumInvoiceOutputStateEnum(StrEnum):
    CANCELLED = "cancelled"
    OPEN = "open"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
