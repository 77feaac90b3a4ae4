from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BuyerSummary")


@_attrs_define
class BuyerSummary:
    """
    Attributes:
        id (int):
        legal_name (str):
        country (str):
        registration_number (str):
        grade (int | None):
    """

    id: int
    legal_name: str
    country: str
    registration_number: str
    grade: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        legal_name = self.legal_name

        country = self.country

        registration_number = self.registration_number

        grade: int | None
        grade = self.grade

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "legal_name": legal_name,
                "country": country,
                "registration_number": registration_number,
                "grade": grade,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        legal_name = d.pop("legal_name")

        country = d.pop("country")

        registration_number = d.pop("registration_number")

        def _parse_grade(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        grade = _parse_grade(d.pop("grade"))

        buyer_summary = cls(
            id=id,
            legal_name=legal_name,
            country=country,
            registration_number=registration_number,
            grade=grade,
        )

        buyer_summary.additional_properties = d
        return buyer_summary

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
