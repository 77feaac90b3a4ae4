from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="CoverOutput")


@_attrs_define
class CoverOutput:
    """
    Attributes:
        on (datetime.date):
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        percentage_of_cover (str):
        is_discretionary (bool):
        stopped (bool):
    """

    on: datetime.date
    amount: Money
    percentage_of_cover: str
    is_discretionary: bool
    stopped: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        amount = self.amount.to_dict()

        percentage_of_cover = self.percentage_of_cover

        is_discretionary = self.is_discretionary

        stopped = self.stopped

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
                "amount": amount,
                "percentage_of_cover": percentage_of_cover,
                "is_discretionary": is_discretionary,
                "stopped": stopped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        amount = Money.from_dict(d.pop("amount"))

        percentage_of_cover = d.pop("percentage_of_cover")

        is_discretionary = d.pop("is_discretionary")

        stopped = d.pop("stopped")

        cover_output = cls(
            on=on,
            amount=amount,
            percentage_of_cover=percentage_of_cover,
            is_discretionary=is_discretionary,
            stopped=stopped,
        )

        cover_output.additional_properties = d
        return cover_output

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
