from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ExposureRow")


@_attrs_define
class ExposureRow:
    """
    Attributes:
        id (int | None): The buyer's id (`by=buyer`); null by country.
        label (str): The buyer's legal name, or the country's name.
        country (str): ISO 3166-1 alpha-2 code of the buyer's country.
        limits (int): Your limits in force on it.
        in_policy_currency (list[Money]): The amount in force in each of your policies' currencies (never added up).
        in_reporting_currency (Money): Money: the amount a decimal string at the currency's minor unit (never a float),
            the currency an ISO 4217 code.
        without_rate (list[Money]): Amounts left out of `in_reporting_currency`: no exchange rate recorded.
    """

    id: int | None
    label: str
    country: str
    limits: int
    in_policy_currency: list[Money]
    in_reporting_currency: Money
    without_rate: list[Money]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | None
        id = self.id

        label = self.label

        country = self.country

        limits = self.limits

        in_policy_currency = []
        for in_policy_currency_item_data in self.in_policy_currency:
            in_policy_currency_item = in_policy_currency_item_data.to_dict()
            in_policy_currency.append(in_policy_currency_item)

        in_reporting_currency = self.in_reporting_currency.to_dict()

        without_rate = []
        for without_rate_item_data in self.without_rate:
            without_rate_item = without_rate_item_data.to_dict()
            without_rate.append(without_rate_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "label": label,
                "country": country,
                "limits": limits,
                "in_policy_currency": in_policy_currency,
                "in_reporting_currency": in_reporting_currency,
                "without_rate": without_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("id"))

        label = d.pop("label")

        country = d.pop("country")

        limits = d.pop("limits")

        in_policy_currency = []
        _in_policy_currency = d.pop("in_policy_currency")
        for in_policy_currency_item_data in _in_policy_currency:
            in_policy_currency_item = Money.from_dict(in_policy_currency_item_data)

            in_policy_currency.append(in_policy_currency_item)

        in_reporting_currency = Money.from_dict(d.pop("in_reporting_currency"))

        without_rate = []
        _without_rate = d.pop("without_rate")
        for without_rate_item_data in _without_rate:
            without_rate_item = Money.from_dict(without_rate_item_data)

            without_rate.append(without_rate_item)

        exposure_row = cls(
            id=id,
            label=label,
            country=country,
            limits=limits,
            in_policy_currency=in_policy_currency,
            in_reporting_currency=in_reporting_currency,
            without_rate=without_rate,
        )

        exposure_row.additional_properties = d
        return exposure_row

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
