from enum import StrEnum


class RenewalOfferOutputStateEnum(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    LAPSED = "lapsed"
    OFFERED = "offered"

    def __str__(self) -> str:
        return str(self.value)
