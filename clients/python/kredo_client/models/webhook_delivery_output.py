from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_delivery_state_enum import WebhookDeliveryStateEnum

T = TypeVar("T", bound="WebhookDeliveryOutput")


@_attrs_define
class WebhookDeliveryOutput:
    """
    Attributes:
        id (int):
        delivery_id (UUID): Sent as the Kredo-Delivery header.
        endpoint (int):
        event (str):
        event_id (UUID): The body's id; a replay keeps it.
        replay_of (int | None):
        state (WebhookDeliveryStateEnum): * `pending` - Pending
            * `succeeded` - Succeeded
            * `failed` - Failed (gave up)
        attempts (int):
        next_attempt_at (datetime.datetime | None):
        last_status_code (int | None):
        last_response_excerpt (str):
        last_error (str):
        created_at (datetime.datetime):
        delivered_at (datetime.datetime | None):
        payload (Any):
    """

    id: int
    delivery_id: UUID
    endpoint: int
    event: str
    event_id: UUID
    replay_of: int | None
    state: WebhookDeliveryStateEnum
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_status_code: int | None
    last_response_excerpt: str
    last_error: str
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    payload: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        delivery_id = str(self.delivery_id)

        endpoint = self.endpoint

        event = self.event

        event_id = str(self.event_id)

        replay_of: int | None
        replay_of = self.replay_of

        state = self.state.value

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_status_code: int | None
        last_status_code = self.last_status_code

        last_response_excerpt = self.last_response_excerpt

        last_error = self.last_error

        created_at = self.created_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "delivery_id": delivery_id,
                "endpoint": endpoint,
                "event": event,
                "event_id": event_id,
                "replay_of": replay_of,
                "state": state,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "last_status_code": last_status_code,
                "last_response_excerpt": last_response_excerpt,
                "last_error": last_error,
                "created_at": created_at,
                "delivered_at": delivered_at,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        delivery_id = UUID(d.pop("delivery_id"))

        endpoint = d.pop("endpoint")

        event = d.pop("event")

        event_id = UUID(d.pop("event_id"))

        def _parse_replay_of(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        replay_of = _parse_replay_of(d.pop("replay_of"))

        state = WebhookDeliveryStateEnum(d.pop("state"))

        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        last_response_excerpt = d.pop("last_response_excerpt")

        last_error = d.pop("last_error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        payload = d.pop("payload")

        webhook_delivery_output = cls(
            id=id,
            delivery_id=delivery_id,
            endpoint=endpoint,
            event=event,
            event_id=event_id,
            replay_of=replay_of,
            state=state,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_status_code=last_status_code,
            last_response_excerpt=last_response_excerpt,
            last_error=last_error,
            created_at=created_at,
            delivered_at=delivered_at,
            payload=payload,
        )

        webhook_delivery_output.additional_properties = d
        return webhook_delivery_output

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
