from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GradeInputRequest")


@_attrs_define
class GradeInputRequest:
    """
    Attributes:
        grade (int): 1 (best) to 10 (insolvent); 8 and worse put its limits under review.
        reason (str): Why: kept in the grade history.
        graded_on (datetime.date | None | Unset): Today if omitted.
    """

    grade: int
    reason: str
    graded_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        reason = self.reason

        graded_on: None | str | Unset
        if isinstance(self.graded_on, Unset):
            graded_on = UNSET
        elif isinstance(self.graded_on, datetime.date):
            graded_on = self.graded_on.isoformat()
        else:
            graded_on = self.graded_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "reason": reason,
            }
        )
        if graded_on is not UNSET:
            field_dict["graded_on"] = graded_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = d.pop("grade")

        reason = d.pop("reason")

        def _parse_graded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                graded_on_type_0 = datetime.date.fromisoformat(data)

                return graded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        graded_on = _parse_graded_on(d.pop("graded_on", UNSET))

        grade_input_request = cls(
            grade=grade,
            reason=reason,
            graded_on=graded_on,
        )

        grade_input_request.additional_properties = d
        return grade_input_request

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
