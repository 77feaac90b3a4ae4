from enum import StrEnum


class V1InsurerExposureRetrieveBy(StrEnum):
    BUYER = "buyer"
    COUNTRY = "country"
    SECTOR = "sector"

    def __str__(self) -> str:
        return str(self.value)
