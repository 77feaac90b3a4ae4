from enum import StrEnum


class V1InsurerPoliciesListStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    DRAFT = "draft"
    EXPIRED = "expired"

    def __str__(self) -> str:
        return str(self.value)
