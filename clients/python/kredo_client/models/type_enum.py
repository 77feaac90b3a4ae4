from enum import StrEnum


class TypeEnum(StrEnum):
    DUNS = "duns"
    INSURER = "insurer"
    LEI = "lei"
    NATIONAL = "national"
    VAT = "vat"

    def __str__(self) -> str:
        return str(self.value)
