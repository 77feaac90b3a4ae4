from enum import StrEnum


class LimitDecisionPayloadState(StrEnum):
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    IN_FORCE = "in_force"
    PENDING = "pending"
    REFUSED = "refused"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
