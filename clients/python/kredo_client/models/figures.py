from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Figures")


@_attrs_define
class Figures:
    """
    Attributes:
        paid_invoices (int):
        paid_late (int):
        share_paid_late (str):
        days_beyond_terms_avg (None | str): Weighted by amount; null when no amount could be converted to the reporting
            currency.
        recent_days_avg (None | str): Invoices paid in the last 6 months.
        previous_days_avg (None | str): Invoices paid in the 6 months before.
    """

    paid_invoices: int
    paid_late: int
    share_paid_late: str
    days_beyond_terms_avg: None | str
    recent_days_avg: None | str
    previous_days_avg: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        paid_invoices = self.paid_invoices

        paid_late = self.paid_late

        share_paid_late = self.share_paid_late

        days_beyond_terms_avg: None | str
        days_beyond_terms_avg = self.days_beyond_terms_avg

        recent_days_avg: None | str
        recent_days_avg = self.recent_days_avg

        previous_days_avg: None | str
        previous_days_avg = self.previous_days_avg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "paid_invoices": paid_invoices,
                "paid_late": paid_late,
                "share_paid_late": share_paid_late,
                "days_beyond_terms_avg": days_beyond_terms_avg,
                "recent_days_avg": recent_days_avg,
                "previous_days_avg": previous_days_avg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        paid_invoices = d.pop("paid_invoices")

        paid_late = d.pop("paid_late")

        share_paid_late = d.pop("share_paid_late")

        def _parse_days_beyond_terms_avg(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        days_beyond_terms_avg = _parse_days_beyond_terms_avg(d.pop("days_beyond_terms_avg"))

        def _parse_recent_days_avg(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recent_days_avg = _parse_recent_days_avg(d.pop("recent_days_avg"))

        def _parse_previous_days_avg(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_days_avg = _parse_previous_days_avg(d.pop("previous_days_avg"))

        figures = cls(
            paid_invoices=paid_invoices,
            paid_late=paid_late,
            share_paid_late=share_paid_late,
            days_beyond_terms_avg=days_beyond_terms_avg,
            recent_days_avg=recent_days_avg,
            previous_days_avg=previous_days_avg,
        )

        figures.additional_properties = d
        return figures

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
