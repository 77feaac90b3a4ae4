from enum import StrEnum


class PolicyEndorsedWebhookEvent(StrEnum):
    POLICY_ENDORSED = "policy.endorsed"

    def __str__(self) -> str:
        return str(self.value)
