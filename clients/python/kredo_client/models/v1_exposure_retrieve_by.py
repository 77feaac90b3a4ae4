from enum import StrEnum


class V1ExposureRetrieveBy(StrEnum):
    BUYER = "buyer"
    COUNTRY = "country"

    def __str__(self) -> str:
        return str(self.value)
