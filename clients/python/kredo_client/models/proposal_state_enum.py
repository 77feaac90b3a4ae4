from enum import StrEnum


class ProposalStateEnum(StrEnum):
    ISSUED = "issued"
    QUOTED = "quoted"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
