from enum import StrEnum


class LimitDecisionOutputKindEnum(StrEnum):
    APPROVED = "approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    CANCELLED = "cancelled"
    DISCRETIONARY = "discretionary"
    EXPIRED = "expired"
    PARTIALLY_APPROVED = "partially_approved"
    REDUCED = "reduced"
    REFERRED = "referred"
    REFUSED = "refused"
    UNDER_REVIEW = "under_review"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
