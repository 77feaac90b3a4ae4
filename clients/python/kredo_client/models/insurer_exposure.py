from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.insurer_exposure_row import InsurerExposureRow
    from ..models.money import Money


T = TypeVar("T", bound="InsurerExposure")


@_attrs_define
class InsurerExposure:
    """
    Attributes:
        by (str):
        on (datetime.date):
        reporting_currency (str):
        total (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        without_rate (list[Money]):
        groups (int): How many groups there are in all.
        limits (int): How many limits are in force.
        results (list[InsurerExposureRow]):
    """

    by: str
    on: datetime.date
    reporting_currency: str
    total: Money
    without_rate: list[Money]
    groups: int
    limits: int
    results: list[InsurerExposureRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by = self.by

        on = self.on.isoformat()

        reporting_currency = self.reporting_currency

        total = self.total.to_dict()

        without_rate = []
        for without_rate_item_data in self.without_rate:
            without_rate_item = without_rate_item_data.to_dict()
            without_rate.append(without_rate_item)

        groups = self.groups

        limits = self.limits

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by": by,
                "on": on,
                "reporting_currency": reporting_currency,
                "total": total,
                "without_rate": without_rate,
                "groups": groups,
                "limits": limits,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.insurer_exposure_row import InsurerExposureRow  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        by = d.pop("by")

        on = datetime.date.fromisoformat(d.pop("on"))

        reporting_currency = d.pop("reporting_currency")

        total = Money.from_dict(d.pop("total"))

        without_rate = []
        _without_rate = d.pop("without_rate")
        for without_rate_item_data in _without_rate:
            without_rate_item = Money.from_dict(without_rate_item_data)

            without_rate.append(without_rate_item)

        groups = d.pop("groups")

        limits = d.pop("limits")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = InsurerExposureRow.from_dict(results_item_data)

            results.append(results_item)

        insurer_exposure = cls(
            by=by,
            on=on,
            reporting_currency=reporting_currency,
            total=total,
            without_rate=without_rate,
            groups=groups,
            limits=limits,
            results=results,
        )

        insurer_exposure.additional_properties = d
        return insurer_exposure

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
