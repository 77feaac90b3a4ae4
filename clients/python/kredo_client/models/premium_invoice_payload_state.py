from enum import StrEnum


class PremiumInvoicePayloadState(StrEnum):
    CANCELLED = "cancelled"
    OPEN = "open"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
