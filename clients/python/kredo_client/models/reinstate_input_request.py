from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReinstateInputRequest")


@_attrs_define
class ReinstateInputRequest:
    """
    Attributes:
        reinstated_on (datetime.date | None | Unset): Shipments from this day are covered again; today if omitted. After
            the day cover stopped.
    """

    reinstated_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reinstated_on: None | str | Unset
        if isinstance(self.reinstated_on, Unset):
            reinstated_on = UNSET
        elif isinstance(self.reinstated_on, datetime.date):
            reinstated_on = self.reinstated_on.isoformat()
        else:
            reinstated_on = self.reinstated_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reinstated_on is not UNSET:
            field_dict["reinstated_on"] = reinstated_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reinstated_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reinstated_on_type_0 = datetime.date.fromisoformat(data)

                return reinstated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        reinstated_on = _parse_reinstated_on(d.pop("reinstated_on", UNSET))

        reinstate_input_request = cls(
            reinstated_on=reinstated_on,
        )

        reinstate_input_request.additional_properties = d
        return reinstate_input_request

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
