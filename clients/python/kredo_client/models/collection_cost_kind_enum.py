from enum import StrEnum


class CollectionCostKindEnum(StrEnum):
    AGENCY_COMMISSION = "agency_commission"
    LEGAL_FEES = "legal_fees"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
