from enum import StrEnum


class ReasonCodesEnum(StrEnum):
    AMOUNT_ABOVE_AUTOMATIC = "amount_above_automatic"
    AMOUNT_ABOVE_CAPACITY = "amount_above_capacity"
    BUYER_GRADE = "buyer_grade"
    BUYER_NOT_IDENTIFIED = "buyer_not_identified"
    COUNTRY_RISK = "country_risk"
    EXPOSURE_AT_MAXIMUM = "exposure_at_maximum"
    HIGH_LEVERAGE = "high_leverage"
    INSUFFICIENT_FINANCIALS = "insufficient_financials"
    LOSS_MAKING = "loss_making"
    OTHER = "other"
    OVERDUES_REPORTED = "overdues_reported"
    PAYMENT_BEHAVIOUR = "payment_behaviour"
    SECTOR_RISK = "sector_risk"
    SHORT_TRADING_HISTORY = "short_trading_history"
    TERMS_TOO_LONG = "terms_too_long"
    WEAK_EQUITY = "weak_equity"
    WEAK_LIQUIDITY = "weak_liquidity"

    def __str__(self) -> str:
        return str(self.value)
