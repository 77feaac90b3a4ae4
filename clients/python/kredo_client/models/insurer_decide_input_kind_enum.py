from enum import StrEnum


class InsurerDecideInputKindEnum(StrEnum):
    APPROVED = "approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    PARTIALLY_APPROVED = "partially_approved"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
