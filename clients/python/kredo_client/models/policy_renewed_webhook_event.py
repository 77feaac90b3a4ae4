from enum import StrEnum


class PolicyRenewedWebhookEvent(StrEnum):
    POLICY_RENEWED = "policy.renewed"

    def __str__(self) -> str:
        return str(self.value)
