from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InsurerGrade")


@_attrs_define
class InsurerGrade:
    """
    Attributes:
        grade (int):
        previous_grade (int | None):
        graded_on (datetime.date):
        reason (str):
    """

    grade: int
    previous_grade: int | None
    graded_on: datetime.date
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        previous_grade: int | None
        previous_grade = self.previous_grade

        graded_on = self.graded_on.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "previous_grade": previous_grade,
                "graded_on": graded_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = d.pop("grade")

        def _parse_previous_grade(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_grade = _parse_previous_grade(d.pop("previous_grade"))

        graded_on = datetime.date.fromisoformat(d.pop("graded_on"))

        reason = d.pop("reason")

        insurer_grade = cls(
            grade=grade,
            previous_grade=previous_grade,
            graded_on=graded_on,
            reason=reason,
        )

        insurer_grade.additional_properties = d
        return insurer_grade

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
