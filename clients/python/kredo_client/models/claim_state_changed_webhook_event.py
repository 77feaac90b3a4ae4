from enum import StrEnum


class ClaimStateChangedWebhookEvent(StrEnum):
    CLAIM_STATE_CHANGED = "claim.state_changed"

    def __str__(self) -> str:
        return str(self.value)
