from enum import StrEnum


class RecoverySourceEnum(StrEnum):
    BUYER = "buyer"
    COLLECTION_AGENCY = "collection_agency"
    INSURED_DIRECT = "insured_direct"
    LIQUIDATOR = "liquidator"

    def __str__(self) -> str:
        return str(self.value)
