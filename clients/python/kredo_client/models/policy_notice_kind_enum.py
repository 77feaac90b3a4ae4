from enum import StrEnum


class PolicyNoticeKindEnum(StrEnum):
    CANCELLATION = "cancellation"
    NON_RENEWAL = "non_renewal"

    def __str__(self) -> str:
        return str(self.value)
