from enum import StrEnum


class PolicyIssuedWebhookEvent(StrEnum):
    POLICY_ISSUED = "policy.issued"

    def __str__(self) -> str:
        return str(self.value)
