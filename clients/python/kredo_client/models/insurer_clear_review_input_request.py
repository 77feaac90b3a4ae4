from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InsurerClearReviewInputRequest")


@_attrs_define
class InsurerClearReviewInputRequest:
    """
    Attributes:
        review_date (datetime.date | None | Unset): The next review date; none if omitted.
    """

    review_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_date: None | str | Unset
        if isinstance(self.review_date, Unset):
            review_date = UNSET
        elif isinstance(self.review_date, datetime.date):
            review_date = self.review_date.isoformat()
        else:
            review_date = self.review_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if review_date is not UNSET:
            field_dict["review_date"] = review_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_review_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_date_type_0 = datetime.date.fromisoformat(data)

                return review_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        review_date = _parse_review_date(d.pop("review_date", UNSET))

        insurer_clear_review_input_request = cls(
            review_date=review_date,
        )

        insurer_clear_review_input_request.additional_properties = d
        return insurer_clear_review_input_request

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
