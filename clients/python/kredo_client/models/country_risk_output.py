from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CountryRiskOutput")


@_attrs_define
class CountryRiskOutput:
    """
    Attributes:
        country (str):
        grade (int):
        graded_on (datetime.date):
        note (str):
    """

    country: str
    grade: int
    graded_on: datetime.date
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        grade = self.grade

        graded_on = self.graded_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "grade": grade,
                "graded_on": graded_on,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        grade = d.pop("grade")

        graded_on = datetime.date.fromisoformat(d.pop("graded_on"))

        note = d.pop("note")

        country_risk_output = cls(
            country=country,
            grade=grade,
            graded_on=graded_on,
            note=note,
        )

        country_risk_output.additional_properties = d
        return country_risk_output

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
