from enum import StrEnum


class CollectionStatusEnum(StrEnum):
    CLOSED = "closed"
    IN_COLLECTION = "in_collection"
    LEGAL_ACTION = "legal_action"
    PAYMENT_PLAN = "payment_plan"

    def __str__(self) -> str:
        return str(self.value)
