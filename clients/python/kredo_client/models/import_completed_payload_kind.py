from enum import StrEnum


class ImportCompletedPayloadKind(StrEnum):
    LIMIT_REQUESTS = "limit_requests"

    def __str__(self) -> str:
        return str(self.value)
