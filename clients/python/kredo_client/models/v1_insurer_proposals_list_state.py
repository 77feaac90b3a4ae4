from enum import StrEnum


class V1InsurerProposalsListState(StrEnum):
    ISSUED = "issued"
    QUOTED = "quoted"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
