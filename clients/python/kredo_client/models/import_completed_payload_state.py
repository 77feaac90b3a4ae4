from enum import StrEnum


class ImportCompletedPayloadState(StrEnum):
    DONE = "done"
    FAILED = "failed"

    def __str__(self) -> str:
        return str(self.value)
