from enum import StrEnum


class QuoteStateEnum(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DRAFT = "draft"
    EXPIRED = "expired"
    OFFERED = "offered"

    def __str__(self) -> str:
        return str(self.value)
