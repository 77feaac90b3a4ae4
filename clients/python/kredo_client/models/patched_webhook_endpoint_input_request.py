from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedWebhookEndpointInputRequest")


@_attrs_define
class PatchedWebhookEndpointInputRequest:
    """
    Attributes:
        url (str | Unset): Public https:// URL that receives the POST requests.
        description (str | Unset):  Default: ''.
        events (list[str] | Unset): Event names, e.g. limit.decided; GET /api/v1/webhooks/events/ lists them.
        is_active (bool | Unset):  Default: True.
    """

    url: str | Unset = UNSET
    description: str | Unset = ""
    events: list[str] | Unset = UNSET
    is_active: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        description = self.description

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = self.events

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if description is not UNSET:
            field_dict["description"] = description
        if events is not UNSET:
            field_dict["events"] = events
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        description = d.pop("description", UNSET)

        events = cast(list[str], d.pop("events", UNSET))

        is_active = d.pop("is_active", UNSET)

        patched_webhook_endpoint_input_request = cls(
            url=url,
            description=description,
            events=events,
            is_active=is_active,
        )

        patched_webhook_endpoint_input_request.additional_properties = d
        return patched_webhook_endpoint_input_request

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
