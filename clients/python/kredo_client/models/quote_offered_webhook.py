from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quote_offered_webhook_event import QuoteOfferedWebhookEvent

if TYPE_CHECKING:
    from ..models.quote_offered_payload import QuoteOfferedPayload


T = TypeVar("T", bound="QuoteOfferedWebhook")


@_attrs_define
class QuoteOfferedWebhook:
    """The body of a `quote.offered` webhook.

    Attributes:
        id (UUID): The event's id, also the webhook-id header.
        event (QuoteOfferedWebhookEvent): The event's name.

            * `quote.offered` - quote.offered
        created_at (datetime.datetime): When the event happened (a replay keeps it).
        data (QuoteOfferedPayload): `data` of quote.offered: read the quote (`GET /api/v1/quotes/{id}/`) for its terms.
    """

    id: UUID
    event: QuoteOfferedWebhookEvent
    created_at: datetime.datetime
    data: QuoteOfferedPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        event = self.event.value

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event": event,
                "created_at": created_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_offered_payload import QuoteOfferedPayload  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        event = QuoteOfferedWebhookEvent(d.pop("event"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data = QuoteOfferedPayload.from_dict(d.pop("data"))

        quote_offered_webhook = cls(
            id=id,
            event=event,
            created_at=created_at,
            data=data,
        )

        quote_offered_webhook.additional_properties = d
        return quote_offered_webhook

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
