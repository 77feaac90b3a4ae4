from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exposure_row import ExposureRow
    from ..models.money import Money


T = TypeVar("T", bound="ExposurePage")


@_attrs_define
class ExposurePage:
    """The page of rows with the totals of every row (not only this page's).

    Attributes:
        count (int):
        next_ (None | str):
        previous (None | str):
        by (str):
        on (datetime.date):
        reporting_currency (str):
        totals_in_policy_currency (list[Money]):
        total_in_reporting_currency (Money): Money: the amount a decimal string at the currency's minor unit (never a
            float), the currency an ISO 4217 code.
        without_rate (list[Money]):
        results (list[ExposureRow]):
    """

    count: int
    next_: None | str
    previous: None | str
    by: str
    on: datetime.date
    reporting_currency: str
    totals_in_policy_currency: list[Money]
    total_in_reporting_currency: Money
    without_rate: list[Money]
    results: list[ExposureRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        next_: None | str
        next_ = self.next_

        previous: None | str
        previous = self.previous

        by = self.by

        on = self.on.isoformat()

        reporting_currency = self.reporting_currency

        totals_in_policy_currency = []
        for totals_in_policy_currency_item_data in self.totals_in_policy_currency:
            totals_in_policy_currency_item = totals_in_policy_currency_item_data.to_dict()
            totals_in_policy_currency.append(totals_in_policy_currency_item)

        total_in_reporting_currency = self.total_in_reporting_currency.to_dict()

        without_rate = []
        for without_rate_item_data in self.without_rate:
            without_rate_item = without_rate_item_data.to_dict()
            without_rate.append(without_rate_item)

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "next": next_,
                "previous": previous,
                "by": by,
                "on": on,
                "reporting_currency": reporting_currency,
                "totals_in_policy_currency": totals_in_policy_currency,
                "total_in_reporting_currency": total_in_reporting_currency,
                "without_rate": without_rate,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exposure_row import ExposureRow  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))

        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))

        by = d.pop("by")

        on = datetime.date.fromisoformat(d.pop("on"))

        reporting_currency = d.pop("reporting_currency")

        totals_in_policy_currency = []
        _totals_in_policy_currency = d.pop("totals_in_policy_currency")
        for totals_in_policy_currency_item_data in _totals_in_policy_currency:
            totals_in_policy_currency_item = Money.from_dict(totals_in_policy_currency_item_data)

            totals_in_policy_currency.append(totals_in_policy_currency_item)

        total_in_reporting_currency = Money.from_dict(d.pop("total_in_reporting_currency"))

        without_rate = []
        _without_rate = d.pop("without_rate")
        for without_rate_item_data in _without_rate:
            without_rate_item = Money.from_dict(without_rate_item_data)

            without_rate.append(without_rate_item)

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ExposureRow.from_dict(results_item_data)

            results.append(results_item)

        exposure_page = cls(
            count=count,
            next_=next_,
            previous=previous,
            by=by,
            on=on,
            reporting_currency=reporting_currency,
            totals_in_policy_currency=totals_in_policy_currency,
            total_in_reporting_currency=total_in_reporting_currency,
            without_rate=without_rate,
            results=results,
        )

        exposure_page.additional_properties = d
        return exposure_page

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
