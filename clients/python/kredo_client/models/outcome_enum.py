from enum import StrEnum


class OutcomeEnum(StrEnum):
    APPROVED = "approved"
    CONDITIONAL = "conditional"
    PARTIAL = "partial"
    REFERRED = "referred"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
