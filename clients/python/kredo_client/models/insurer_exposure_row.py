from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="InsurerExposureRow")


@_attrs_define
class InsurerExposureRow:
    """
    Attributes:
        key (str): The buyer's id, the country's ISO code, or the NACE division.
        label (str):
        country (str): By buyer: its country's ISO code; empty otherwise.
        amount (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency an
            ISO 4217 code.
        limits (int):
        tenants (int): How many insureds hold limits on it.
        without_rate (list[Money]): Amounts left out of `amount`: no exchange rate recorded.
    """

    key: str
    label: str
    country: str
    amount: Money
    limits: int
    tenants: int
    without_rate: list[Money]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        country = self.country

        amount = self.amount.to_dict()

        limits = self.limits

        tenants = self.tenants

        without_rate = []
        for without_rate_item_data in self.without_rate:
            without_rate_item = without_rate_item_data.to_dict()
            without_rate.append(without_rate_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "country": country,
                "amount": amount,
                "limits": limits,
                "tenants": tenants,
                "without_rate": without_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        country = d.pop("country")

        amount = Money.from_dict(d.pop("amount"))

        limits = d.pop("limits")

        tenants = d.pop("tenants")

        without_rate = []
        _without_rate = d.pop("without_rate")
        for without_rate_item_data in _without_rate:
            without_rate_item = Money.from_dict(without_rate_item_data)

            without_rate.append(without_rate_item)

        insurer_exposure_row = cls(
            key=key,
            label=label,
            country=country,
            amount=amount,
            limits=limits,
            tenants=tenants,
            without_rate=without_rate,
        )

        insurer_exposure_row.additional_properties = d
        return insurer_exposure_row

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
