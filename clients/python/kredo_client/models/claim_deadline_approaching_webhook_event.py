from enum import StrEnum


class ClaimDeadlineApproachingWebhookEvent(StrEnum):
    CLAIM_DEADLINE_APPROACHING = "claim.deadline_approaching"

    def __str__(self) -> str:
        return str(self.value)
