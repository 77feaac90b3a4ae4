from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="CountryPremium")


@_attrs_define
class CountryPremium:
    """
    Attributes:
        country (str):
        turnover (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
        premium (Money): Money: the amount a decimal string at the currency's minor unit (never a float), the currency
            an ISO 4217 code.
    """

    country: str
    turnover: Money
    premium: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        turnover = self.turnover.to_dict()

        premium = self.premium.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "turnover": turnover,
                "premium": premium,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        country = d.pop("country")

        turnover = Money.from_dict(d.pop("turnover"))

        premium = Money.from_dict(d.pop("premium"))

        country_premium = cls(
            country=country,
            turnover=turnover,
            premium=premium,
        )

        country_premium.additional_properties = d
        return country_premium

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
