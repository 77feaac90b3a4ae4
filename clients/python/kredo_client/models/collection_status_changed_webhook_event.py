from enum import StrEnum


class CollectionStatusChangedWebhookEvent(StrEnum):
    COLLECTION_STATUS_CHANGED = "collection.status_changed"

    def __str__(self) -> str:
        return str(self.value)
