from enum import StrEnum


class QuoteDeclineReasonEnum(StrEnum):
    NO_LONGER_NEEDED = "no_longer_needed"
    OTHER = "other"
    OTHER_INSURER = "other_insurer"
    PREMIUM = "premium"
    TERMS = "terms"

    def __str__(self) -> str:
        return str(self.value)
