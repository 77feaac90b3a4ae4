from enum import StrEnum


class ClaimStateEnum(StrEnum):
    APPROVED = "approved"
    COMPLETE = "complete"
    DRAFT = "draft"
    INCOMPLETE = "incomplete"
    PAID = "paid"
    REJECTED = "rejected"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
