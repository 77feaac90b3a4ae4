from enum import StrEnum


class PremiumInvoicePayloadKind(StrEnum):
    CREDIT_LIMIT_FEE = "credit_limit_fee"
    DEPOSIT = "deposit"
    MINIMUM_ADJUSTMENT = "minimum_adjustment"
    PROFIT_SHARE_CREDIT = "profit_share_credit"
    TURNOVER = "turnover"

    def __str__(self) -> str:
        return str(self.value)
