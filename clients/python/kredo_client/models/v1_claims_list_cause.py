from enum import StrEnum


class V1ClaimsListCause(StrEnum):
    INSOLVENCY = "insolvency"
    POLITICAL = "political"
    PROTRACTED_DEFAULT = "protracted_default"

    def __str__(self) -> str:
        return str(self.value)
