from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookEndpointOutput")


@_attrs_define
class WebhookEndpointOutput:
    """
    Attributes:
        id (int):
        url (str):
        description (str):
        events (list[str]):
        is_active (bool):
        disabled_reason (str): Why Kredo disabled the endpoint: "gone" when it answered 410 Gone; empty otherwise.
        created_at (datetime.datetime):
    """

    id: int
    url: str
    description: str
    events: list[str]
    is_active: bool
    disabled_reason: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        description = self.description

        events = self.events

        is_active = self.is_active

        disabled_reason = self.disabled_reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "description": description,
                "events": events,
                "is_active": is_active,
                "disabled_reason": disabled_reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        description = d.pop("description")

        events = cast(list[str], d.pop("events"))

        is_active = d.pop("is_active")

        disabled_reason = d.pop("disabled_reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        webhook_endpoint_output = cls(
            id=id,
            url=url,
            description=description,
            events=events,
            is_active=is_active,
            disabled_reason=disabled_reason,
            created_at=created_at,
        )

        webhook_endpoint_output.additional_properties = d
        return webhook_endpoint_output

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
