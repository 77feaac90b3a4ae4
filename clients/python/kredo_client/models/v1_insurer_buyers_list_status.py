from enum import StrEnum


class V1InsurerBuyersListStatus(StrEnum):
    CONFIRMED = "confirmed"
    MERGED = "merged"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
