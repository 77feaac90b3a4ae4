from enum import StrEnum


class QuoteOfferedWebhookEvent(StrEnum):
    QUOTE_OFFERED = "quote.offered"

    def __str__(self) -> str:
        return str(self.value)
