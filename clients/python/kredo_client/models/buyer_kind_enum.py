from enum import StrEnum


class BuyerKindEnum(StrEnum):
    COMPANY = "company"
    PRIVATE_INDIVIDUAL = "private_individual"
    PUBLIC_BODY = "public_body"

    def __str__(self) -> str:
        return str(self.value)
