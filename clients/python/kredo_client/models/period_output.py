from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.period_output_state_enum import PeriodOutputStateEnum

T = TypeVar("T", bound="PeriodOutput")


@_attrs_define
class PeriodOutput:
    """
    Attributes:
        id (int):
        number (int):
        start (datetime.date):
        end (datetime.date): Last day of the period.
        state (PeriodOutputStateEnum): * `open` - Open
            * `renewed` - Renewed
            * `lapsed` - Lapsed
            * `cancelled` - Cancelled
        state_label (str):
    """

    id: int
    number: int
    start: datetime.date
    end: datetime.date
    state: PeriodOutputStateEnum
    state_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        start = self.start.isoformat()

        end = self.end.isoformat()

        state = self.state.value

        state_label = self.state_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "start": start,
                "end": end,
                "state": state,
                "state_label": state_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        state = PeriodOutputStateEnum(d.pop("state"))

        state_label = d.pop("state_label")

        period_output = cls(
            id=id,
            number=number,
            start=start,
            end=end,
            state=state,
            state_label=state_label,
        )

        period_output.additional_properties = d
        return period_output

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
