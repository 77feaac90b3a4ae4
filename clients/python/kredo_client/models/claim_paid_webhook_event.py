from enum import StrEnum


class ClaimPaidWebhookEvent(StrEnum):
    CLAIM_PAID = "claim.paid"

    def __str__(self) -> str:
        return str(self.value)
