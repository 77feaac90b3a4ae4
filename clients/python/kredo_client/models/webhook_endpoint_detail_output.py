from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookEndpointDetailOutput")


@_attrs_define
class WebhookEndpointDetailOutput:
    """
    Attributes:
        id (int):
        url (str):
        description (str):
        events (list[str]):
        is_active (bool):
        disabled_reason (str): Why Kredo disabled the endpoint: "gone" when it answered 410 Gone; empty otherwise.
        created_at (datetime.datetime):
        secret (str): Standard Webhooks signing secret (whsec_ + base64 key): verify the webhook-signature header with
            any Standard Webhooks library. See the webhooks section of the API guide.
        previous_secret_until (datetime.datetime | None): After a rotation, deliveries are also signed with the previous
            secret until then.
    """

    id: int
    url: str
    description: str
    events: list[str]
    is_active: bool
    disabled_reason: str
    created_at: datetime.datetime
    secret: str
    previous_secret_until: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        description = self.description

        events = self.events

        is_active = self.is_active

        disabled_reason = self.disabled_reason

        created_at = self.created_at.isoformat()

        secret = self.secret

        previous_secret_until: None | str
        if isinstance(self.previous_secret_until, datetime.datetime):
            previous_secret_until = self.previous_secret_until.isoformat()
        else:
            previous_secret_until = self.previous_secret_until

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
                "secret": secret,
                "previous_secret_until": previous_secret_until,
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

        secret = d.pop("secret")

        def _parse_previous_secret_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_until_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_until = _parse_previous_secret_until(d.pop("previous_secret_until"))

        webhook_endpoint_detail_output = cls(
            id=id,
            url=url,
            description=description,
            events=events,
            is_active=is_active,
            disabled_reason=disabled_reason,
            created_at=created_at,
            secret=secret,
            previous_secret_until=previous_secret_until,
        )

        webhook_endpoint_detail_output.additional_properties = d
        return webhook_endpoint_detail_output

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
